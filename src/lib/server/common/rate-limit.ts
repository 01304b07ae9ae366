import { sql } from 'drizzle-orm';
import { db, prepared } from '../db';
import { rateLimit } from '../db/schema';

/**
 * Fixed-window counters in the database, so that every app instance sees the same count.
 * One atomic upsert per hit: no read-modify-write race between instances.
 */
export interface Limit {
	max: number;
	windowSeconds: number;
}

export interface LimitState {
	count: number;
	limited: boolean;
	/** When the current window ends (the earliest moment a limited caller may try again). */
	resetAt: Date;
}

function state(row: { count: number; windowStart: Date | string }, limit: Limit): LimitState {
	const windowStart = new Date(row.windowStart);
	return {
		count: row.count,
		limited: row.count > limit.max,
		resetAt: new Date(windowStart.getTime() + limit.windowSeconds * 1000)
	};
}

/** Counts one event against `key` and says whether the caller is now over the limit. */
export async function hit(key: string, limit: Limit): Promise<LimitState> {
	const expired = sql`${rateLimit.windowStart} <= now() - make_interval(secs => ${limit.windowSeconds})`;
	const [row] = await db
		.insert(rateLimit)
		.values({ key, windowStart: sql`now()`, count: 1 })
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`,
				windowStart: sql`case when ${expired} then now() else ${rateLimit.windowStart} end`
			}
		})
		.returning({ count: rateLimit.count, windowStart: rateLimit.windowStart });
	return state(row, limit);
}

/** Whether `key` has already used up its allowance, without counting anything. */
export async function peek(key: string, limit: Limit): Promise<LimitState> {
	const [row] = await db
		.select({ count: rateLimit.count, windowStart: rateLimit.windowStart })
		.from(rateLimit)
		.where(
			sql`${rateLimit.key} = ${key} and ${rateLimit.windowStart} > now() - make_interval(secs => ${limit.windowSeconds})`
		);
	if (!row) return { count: 0, limited: false, resetAt: new Date() };
	return { ...state(row, limit), limited: row.count >= limit.max };
}

/** Run on every key attempt: built once (db/index.ts `prepared`). */
const peekQuery = () =>
	prepared('rate_limit_peek', (db) =>
		db
			.select({ key: rateLimit.key, count: rateLimit.count, windowStart: rateLimit.windowStart })
			.from(rateLimit)
			.where(sql`${rateLimit.key} = any(${sql.placeholder('keys')}::text[])`)
			.prepare('rate_limit_peek')
	);

/** `peek` for several keys in one query (a key attempt checks number, clerk and organisation). */
export async function peekMany(entries: { key: string; limit: Limit }[]): Promise<LimitState[]> {
	const rows = await peekQuery().execute({ keys: entries.map((e) => e.key) });
	return entries.map(({ key, limit }) => {
		const row = rows.find((r) => r.key === key);
		const windowEnd = row && new Date(row.windowStart).getTime() + limit.windowSeconds * 1000;
		if (!row || windowEnd! <= Date.now()) return { count: 0, limited: false, resetAt: new Date() };
		return { ...state(row, limit), limited: row.count >= limit.max };
	});
}

export async function reset(key: string): Promise<void> {
	await db.delete(rateLimit).where(sql`${rateLimit.key} = ${key}`);
}

export function retryAfterSeconds(state: LimitState): number {
	return Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
}
