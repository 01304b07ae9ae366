import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { rateLimit } from '../db/schema';
import * as limits from './rate-limit';

const unique = (name: string) => `test:${name}:${crypto.randomUUID()}`;
const count = async (key: string) =>
	(await db.select().from(rateLimit).where(eq(rateLimit.key, key)))[0]?.count ?? 0;

describe('reserve', () => {
	it('counts an attempt against every counter, and against none once one is full', async () => {
		const tight = { key: unique('tight'), limit: { max: 2, windowSeconds: 60 } };
		const loose = { key: unique('loose'), limit: { max: 10, windowSeconds: 3600 } };
		const first = await limits.reserve([loose, tight]);
		expect(first.reserved).toBe(true);
		expect(first.counters.map((c) => [c.count, c.remaining])).toEqual([
			[1, 9],
			[1, 1]
		]);
		expect((await limits.reserve([loose, tight])).counters[1].remaining).toBe(0);
		const refused = await limits.reserve([loose, tight]);
		expect(refused.reserved).toBe(false);
		expect(refused.full?.key).toBe(tight.key);
		expect(refused.full!.resetAt.getTime() - Date.now()).toBeGreaterThan(50_000);
		// The refused attempt counted nowhere, not even on the counter with room.
		expect([await count(loose.key), await count(tight.key)]).toEqual([2, 2]);
	});

	it('counts exactly the limit when many reserve at once', async () => {
		const key = unique('parallel');
		const other = unique('parallel-other');
		const limit = { max: 5, windowSeconds: 600 };
		const results = await Promise.all(
			Array.from({ length: 40 }, () =>
				limits.reserve([
					{ key, limit },
					{ key: other, limit: { max: 100, windowSeconds: 600 } }
				])
			)
		);
		expect(results.filter((r) => r.reserved)).toHaveLength(5);
		expect(await count(key)).toBe(5);
		expect(await count(other)).toBe(5);
	});

	it('starts a new window once the old one is over', async () => {
		const key = unique('window');
		const limit = { max: 1, windowSeconds: 60 };
		await limits.reserve([{ key, limit }]);
		expect((await limits.reserve([{ key, limit }])).reserved).toBe(false);
		await db
			.update(rateLimit)
			.set({ windowStart: sql`now() - interval '61 seconds'` })
			.where(eq(rateLimit.key, key));
		const again = await limits.reserve([{ key, limit }]);
		expect(again.reserved).toBe(true);
		expect(again.counters[0].count).toBe(1);
	});

	it('gives a reservation back on the counters named', async () => {
		const a = { key: unique('a'), limit: { max: 3, windowSeconds: 600 } };
		const b = { key: unique('b'), limit: { max: 3, windowSeconds: 600 } };
		const reservation = await limits.reserve([a, b]);
		await limits.reserve([a, b]);
		await limits.release(reservation, [a.key]);
		expect([await count(a.key), await count(b.key)]).toEqual([1, 2]);
		await limits.release(await limits.reserve([a, b]));
		expect([await count(a.key), await count(b.key)]).toEqual([1, 2]);
	});

	it('removes counters whose window ended long ago, and only those', async () => {
		const old = unique('old');
		const recent = unique('recent');
		const limit = { max: 5, windowSeconds: 60 };
		await limits.reserve([{ key: old, limit }]);
		await limits.reserve([{ key: recent, limit }]);
		await db
			.update(rateLimit)
			.set({ windowStart: sql`now() - interval '40 days'` })
			.where(eq(rateLimit.key, old));
		await limits.prune();
		expect([await count(old), await count(recent)]).toEqual([0, 1]);
	});
});
