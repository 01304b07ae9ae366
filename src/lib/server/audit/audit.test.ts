import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as audit from './append';
import * as auditChain from './chain';
import * as auditVerify from './verify';
import * as checkpoints from './checkpoint';
import * as auditCsv from './csv';
import * as auditSearch from './search';
import { db, engine, statement } from '../db';
import { asSuperuser, noSuperuser } from '../testing/superuser';
import { auditEvent } from '../db/schema';
import { makeOrganization, makeUser, testContext } from '../testing/fixtures';

async function orgWithClerk() {
	const org = await makeOrganization();
	const user = await makeUser(org.id);
	const actor: audit.Actor = {
		type: 'user',
		id: user.id,
		label: `${org.code}/${user.username}`,
		organizationId: org.id
	};
	return { org, user, actor };
}

function view(actor: audit.Actor, organizationId: string, extra: Partial<audit.EventInput> = {}) {
	return audit.record({
		action: 'certificate.view',
		outcome: 'success',
		actor,
		context: testContext,
		organizationId,
		purpose: 'contract',
		...extra
	});
}

describe('hash chain', () => {
	it('numbers events per organisation and links each to the one before', async () => {
		const { org, actor } = await orgWithClerk();
		const first = await view(actor, org.id);
		const second = await view(actor, org.id, { detail: { b: 1, a: { z: 2, y: [3] } } });
		expect(first.chain).toBe(`org:${org.id}`);
		// seq 1 is the user.add event that made the clerk
		expect([first.seq, second.seq]).toEqual([2, 3]);
		expect(second.prevHash).toBe(first.hash);
		// jsonb reorders keys; the chain must still verify after the round trip.
		expect(await auditVerify.verify({ chain: first.chain })).toMatchObject({
			ok: true,
			events: 3,
			chains: 1
		});
	});

	it('records a denied request that sent a NUL, and the chain still verifies', async () => {
		const { org, actor } = await orgWithClerk();
		const event = await view(actor, org.id, {
			outcome: 'denied',
			reason: 'not-found',
			guaranteeNumber: 'E12\u0000',
			detail: { id: '\u0000../x', until: new Date('2026-11-26T00:00:00Z') }
		});
		expect(event.guaranteeNumber).toBe('E12\uFFFD');
		expect(event.detail).toEqual({ id: '\uFFFD../x', until: '2026-11-26T00:00:00.000Z' });
		expect((await auditVerify.verify({ chain: event.chain })).ok).toBe(true);
	});

	it('keeps unbroken chains under 200 concurrent writers, spread over lanes (real concurrency on PostgreSQL)', async () => {
		const { org, actor } = await orgWithClerk();
		await Promise.all(Array.from({ length: 200 }, () => view(actor, org.id)));
		const result = await auditVerify.verify({ chain: `org:${org.id}` });
		expect(result).toMatchObject({ ok: true, events: 201 });
		// PGlite runs one transaction at a time (one lane); PostgreSQL opens more, never above MAX_LANES.
		if (engine === 'postgres') expect(result.chains).toBeGreaterThan(1);
		expect(result.chains).toBeLessThanOrEqual(audit.MAX_LANES);
		const rows = await db
			.select({ chain: auditEvent.chain, seq: auditEvent.seq })
			.from(auditEvent)
			.where(eq(auditEvent.organizationId, org.id));
		expect(new Set(rows.map((r) => `${r.chain}#${r.seq}`)).size).toBe(201);
	});

	it("puts an event of a caller's transaction and one on its own in one unbroken chain", async () => {
		const { org, actor } = await orgWithClerk();
		const ours = await view(actor, org.id);
		const theirs = await db.transaction((tx) =>
			audit.record(
				{
					action: 'certificate.print',
					outcome: 'success',
					actor,
					context: testContext,
					organizationId: org.id
				},
				tx
			)
		);
		expect(theirs).toMatchObject({ chain: ours.chain, seq: ours.seq + 1, prevHash: ours.hash });
		const next = await view(actor, org.id);
		expect(next).toMatchObject({ chain: ours.chain, seq: theirs.seq + 1, prevHash: theirs.hash });
		expect(await auditVerify.verify({ chain: `org:${org.id}` })).toMatchObject({
			ok: true,
			events: 4,
			chains: 1
		});
	});

	it('writes one at a time on the first lane, so a quiet organisation keeps one chain', async () => {
		const { org, actor } = await orgWithClerk();
		for (let i = 0; i < 5; i++) await view(actor, org.id);
		expect(await auditVerify.verify({ chain: `org:${org.id}` })).toMatchObject({
			ok: true,
			chains: 1
		});
	});

	it("places every event itself: a writer's seq, hash, time or lane is not taken", async () => {
		const { org, actor } = await orgWithClerk();
		const chain = `org:${org.id}`;
		const before = await view(actor, org.id);
		const [row] = await statement<{ chain: string; seq: string; hash: string; at: Date }>(
			`insert into audit_event (chain, seq, prev_hash, hash, at, actor_type, action, outcome,
				organization_id)
			values ($1, 0, 'forged', 'forged', '2001-01-01', 'user', 'certificate.view', 'success', $2)
			returning chain, seq, hash, at`,
			[chain, org.id]
		);
		expect(row.chain).toBe(chain);
		expect(Number(row.seq)).toBe(before.seq + 1);
		expect(row.hash).not.toBe('forged');
		expect(new Date(row.at).getFullYear()).toBeGreaterThan(2001);
		// A lane is never named by a writer.
		await expect(
			statement(
				`insert into audit_event (chain, actor_type, action, outcome) values ($1, 'user', 'x', 'success')`,
				[`${chain}/9`]
			)
		).rejects.toThrow();
		expect(await auditVerify.verify({ chain })).toMatchObject({ ok: true, events: 3 });
	});

	it.skipIf(noSuperuser)(
		'names the first broken link after a row is altered behind the triggers',
		async () => {
			const { org, actor } = await orgWithClerk();
			await view(actor, org.id);
			const victim = await view(actor, org.id, { purpose: 'contract' });
			await view(actor, org.id);
			// Only the table owner or a superuser can do this; the app's role cannot.
			await asSuperuser(async (run) => {
				await run(`alter table audit_event disable trigger audit_event_no_update`);
				await run(`update audit_event set purpose = 'advance_payment' where id = $1`, [victim.id]);
				await run(`alter table audit_event enable trigger audit_event_no_update`);
			});
			const result = await auditVerify.verify({ chain: `org:${org.id}` });
			expect(result.ok).toBe(false);
			expect(result.firstBroken).toMatchObject({ seq: victim.seq, id: victim.id });
			expect(result.firstBroken?.problem).toMatch(/hash/);
		}
	);
});

describe('copies of the chain heads kept elsewhere', () => {
	it.skipIf(noSuperuser)(
		'catch a chain rewritten from scratch, which the chain alone cannot',
		async () => {
			const { org, actor } = await orgWithClerk();
			const chain = `org:${org.id}`;
			const victim = await view(actor, org.id, { purpose: 'contract' });
			await view(actor, org.id);
			const kept = (await auditVerify.verify({ chain })).heads;
			await rewriteFrom(chain, victim.id);
			expect((await auditVerify.verify({ chain })).ok).toBe(true);
			const against = await auditVerify.verify({ chain, anchors: kept });
			expect(against.ok).toBe(false);
			expect(against.firstBroken?.problem).toMatch(/rewritten/);
		}
	);
});

/**
 * A superuser edits the event `id` of `chain` and recomputes every later hash (version 2, as the
 * database computes it), so that the chain is consistent again.
 */
async function rewriteFrom(chain: string, id: number) {
	await asSuperuser(async (run) => {
		await run(`alter table audit_event disable trigger audit_event_no_update`);
		const rows = await run<{ id: string; seq: string }>(
			`select id, seq from audit_event where chain = $1 order by seq`,
			[chain]
		);
		let prevHash = auditChain.GENESIS_HASH;
		for (const { id: rowId } of rows) {
			const purpose = Number(rowId) === id ? `'other'` : 'purpose';
			const [row] = await run<{ hash: string }>(
				`update audit_event set prev_hash = $2, purpose = ${purpose}, hash_version = 2,
					hash = audit_hash_v2(chain, seq, $2, at, request_id, actor_type, actor_id,
						actor_label, organization_id, issuer_id, action, outcome, reason, guarantee_id,
						guarantee_number, ${purpose}, ip, user_agent, detail)
				where id = $1 returning hash`,
				[rowId, prevHash]
			);
			prevHash = row.hash;
		}
		await run(`alter table audit_event enable trigger audit_event_no_update`);
	});
}

describe('append-only at the database', () => {
	it('refuses UPDATE, DELETE and TRUNCATE of events, lane rows and checkpoints', async () => {
		const { org, actor } = await orgWithClerk();
		const event = await view(actor, org.id);
		await expect(
			db.update(auditEvent).set({ outcome: 'failure' }).where(eq(auditEvent.id, event.id))
		).rejects.toThrow();
		await expect(db.delete(auditEvent).where(eq(auditEvent.id, event.id))).rejects.toThrow();
		await expect(db.execute(sql`truncate audit_event`)).rejects.toThrow();
		const [still] = await db.select().from(auditEvent).where(eq(auditEvent.id, event.id));
		expect(still.outcome).toBe('success');
		const lane = sql`${event.chain}`;
		await expect(
			db.execute(sql`update audit_chain_head set lane = 5 where chain = ${lane}`)
		).rejects.toThrow();
		await expect(
			db.execute(sql`delete from audit_chain_head where chain = ${lane}`)
		).rejects.toThrow();
		await expect(db.execute(sql`truncate audit_chain_head cascade`)).rejects.toThrow();
		const checkpoint = await checkpoints.create();
		await expect(
			db.execute(sql`delete from audit_checkpoint where id = ${checkpoint.id}`)
		).rejects.toThrow();
		await expect(db.execute(sql`truncate audit_checkpoint`)).rejects.toThrow();
	});
});

describe('search and export', () => {
	it('searches a number typed with a control character (a NUL once made a 500): finds nothing', async () => {
		const { org } = await orgWithClerk();
		const filters = auditSearch.filtersSchema.parse({ guaranteeNumber: 'e12-\u0000x' });
		expect(filters.guaranteeNumber).toBe('E12-X');
		expect((await auditSearch.list(org.id, filters)).events).toEqual([]);
	});

	it('filters by action, outcome, user and guarantee number, and never crosses tenants', async () => {
		const a = await orgWithClerk();
		const b = await orgWithClerk();
		await view(a.actor, a.org.id, { guaranteeNumber: 'E12-2026-000123' });
		await audit.record({
			action: 'key.attempt',
			outcome: 'failure',
			reason: 'wrong-key',
			actor: a.actor,
			context: testContext,
			organizationId: a.org.id,
			guaranteeNumber: 'E12-2026-000123'
		});
		await view(b.actor, b.org.id, { guaranteeNumber: 'E12-2026-000123' });

		const all = await auditSearch.list(a.org.id, {});
		expect(all.events.every((e) => e.organizationId === a.org.id)).toBe(true);
		const failures = await auditSearch.list(a.org.id, { outcome: 'failure' });
		expect(failures.events.map((e) => e.reason)).toEqual(['wrong-key']);
		const parsed = auditSearch.filtersSchema.parse({ guaranteeNumber: ' e12-2026-000123 ' });
		const byNumber = await auditSearch.list(a.org.id, parsed);
		expect(byNumber.events).toHaveLength(2);
		const byUser = await auditSearch.list(a.org.id, { actorId: b.user.id });
		expect(byUser.events).toHaveLength(0);
	});

	it('applies the period in Japan time and pages newest first', async () => {
		const { org, actor } = await orgWithClerk();
		for (let i = 0; i < auditSearch.PAGE_SIZE + 5; i++) await view(actor, org.id);
		const first = await auditSearch.list(org.id, { action: 'certificate.view' });
		expect(first.events).toHaveLength(auditSearch.PAGE_SIZE);
		expect(first.events[0].seq).toBeGreaterThan(first.events[1].seq);
		const second = await auditSearch.list(org.id, {
			action: 'certificate.view',
			before: first.nextBefore!
		});
		expect(second.events).toHaveLength(5);
		expect(second.nextBefore).toBeNull();
		const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
		const todayOnly = await auditSearch.list(org.id, { from: today, to: today });
		expect(todayOnly.events.length).toBe(auditSearch.PAGE_SIZE);
		const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
		expect((await auditSearch.list(org.id, { to: yesterday })).events).toHaveLength(0);
	});

	it('streams every matching event in batches, oldest first', async () => {
		const { org, actor } = await orgWithClerk();
		for (let i = 0; i < 7; i++) await view(actor, org.id);
		const batches = [];
		const views = { action: 'certificate.view' };
		for await (const batch of auditSearch.stream(org.id, views, 3)) {
			batches.push(batch.map((e) => e.seq));
		}
		// seq 1 is the user.add event that made the clerk
		expect(batches).toEqual([[2, 3, 4], [5, 6, 7], [8]]);
	});

	it('writes CSV fields Excel reads safely', () => {
		expect(auditCsv.field('白子町, "本庁"')).toBe('"白子町, ""本庁"""');
		expect(auditCsv.field('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(auditCsv.field(null)).toBe('""');
		expect(auditCsv.line(['a', 1])).toBe('"a","1"\r\n');
	});
});

describe('issuer views', () => {
	it('lists successful views of a guarantee with the organisation and purpose', async () => {
		const { org, actor } = await orgWithClerk();
		const guaranteeId = crypto.randomUUID();
		await view(actor, org.id, { guaranteeId, purpose: 'advance_payment' });
		await view(actor, org.id, { guaranteeId, outcome: 'denied' });
		const views = await auditSearch.viewsOf(guaranteeId);
		expect(views).toHaveLength(1);
		expect(views[0]).toMatchObject({ organizationId: org.id, purpose: 'advance_payment' });
	});
});
