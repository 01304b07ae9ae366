import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as audit from './append';
import * as checkpoints from './checkpoint';
import { verify } from './verify';
import { guardProblems } from './guards';
import { engine, statement } from '../db';
import { canonicalV2, jsonbText, sha256, type StoredFields } from './chain';
import { makeOrganization, operator, testContext } from '../testing/fixtures';
import { asSuperuser, noSuperuser } from '../testing/superuser';

/**
 * What `audit verify` catches that the database itself cannot stop: tampering by someone with
 * more power than the portal's role (the tables' owner, a superuser). Each attack is made as the
 * superuser, in one transaction (others sharing the database never see a trigger off). The same
 * attacks through the CLI, on databases of their own: src/cli/audit-attacks.test.ts.
 */
async function orgWithEvents(count = 4) {
	const org = await makeOrganization();
	const chain = `org:${org.id}`;
	const events = [];
	for (let i = 0; i < count; i++) {
		events.push(
			await audit.record({
				action: 'certificate.view',
				outcome: 'success',
				actor: operator,
				context: testContext,
				organizationId: org.id,
				purpose: 'contract',
				detail: { i }
			})
		);
	}
	return { org, chain, events };
}

/** An event the superuser writes past the append trigger, correctly hashed (version 2). */
const FORGE = `insert into audit_event (chain, seq, prev_hash, hash, hash_version, at, actor_type,
		action, outcome, organization_id)
	select $1, $2::bigint, $3, audit_hash_v2($1, $2::bigint, $3, t.at, null, 'user', null, null,
		$4::uuid, null, 'certificate.view', 'success', null, null, null, null, null, null, null),
		2, t.at, 'user', 'certificate.view', 'success', $4::uuid
	from (select date_trunc('milliseconds', now()) as at) t`;

it('hashes as the pinned format says: each event recomputed from its columns in JavaScript', async () => {
	const org = await makeOrganization();
	const written = await audit.recordMany(
		[
			{ reason: 'quote " backslash \\ tab \t bell \u0007 line\u2028end', detail: null },
			{
				reason: null,
				detail: { 長いキー: 1, b: [1.5, { dd: true, c: null }], aa: '改\n行', a: -0 }
			},
			{
				reason: '😀 サロゲートペア',
				detail: { '': 'empty key', zz: { y: 'é', x: 10 ** 21, w: 1e-7, v: -2.5e-8 } }
			}
		].map((extra) => ({
			action: 'test.format',
			outcome: 'success' as const,
			actor: operator,
			context: { requestId: 'r"1', ip: '::1', userAgent: 'Mozilla/5.0 "quoted"' },
			organizationId: org.id,
			guaranteeNumber: 'E12-2026-000123',
			...extra
		}))
	);
	expect(written).toHaveLength(1);
	const rows = await statement<
		StoredFields & { hash: string; hashVersion: number; detailText: string | null }
	>(
		`select chain, seq::float8 as seq, prev_hash as "prevHash", hash, hash_version as "hashVersion",
			(extract(epoch from at) * 1000)::float8 as at, request_id as "requestId",
			actor_type as "actorType", actor_id as "actorId", actor_label as "actorLabel",
			organization_id::text as "organizationId", issuer_id::text as "issuerId", action, outcome,
			reason, guarantee_id::text as "guaranteeId", guarantee_number as "guaranteeNumber",
			purpose, ip, user_agent as "userAgent", detail::text as "detailText"
		from audit_event where chain = $1 and action = 'test.format' order by seq`,
		[written[0].chain]
	);
	expect(rows).toHaveLength(3);
	for (const row of rows) {
		const event = { ...row, detail: row.detailText === null ? null : JSON.parse(row.detailText) };
		expect(row.hashVersion).toBe(2);
		// jsonb's own text and the pinned rendering of the parsed value are the same text.
		if (row.detailText !== null) expect(jsonbText(event.detail)).toBe(row.detailText);
		expect(sha256(canonicalV2(event))).toBe(row.hash);
	}
});

describe.skipIf(noSuperuser)('audit verify, against a superuser', () => {
	it('names an event in a lane that has no head row, with the count of such events', async () => {
		const { org, chain } = await orgWithEvents(1);
		const lane = `${chain}/9`;
		await asSuperuser(async (run) => {
			await run(`alter table audit_event disable trigger all`);
			await run(FORGE, [lane, 1, '0'.repeat(64), org.id]);
			await run(`alter table audit_event enable trigger all`);
		});
		const result = await verify();
		expect(result.ok).toBe(false);
		expect(result.headless).toContainEqual({ chain: lane, events: 1 });
		expect(result.broken.find((b) => b.chain === lane)?.problem).toMatch(/no head row/);
	});

	it('names an event put at seq 0 of a real chain', async () => {
		const { org, chain } = await orgWithEvents(2);
		await asSuperuser(async (run) => {
			await run(`alter table audit_event disable trigger audit_event_append`);
			await run(`alter table audit_event drop constraint audit_event_seq_from_one`);
			await run(FORGE, [chain, 0, '0'.repeat(64), org.id]);
			await run(
				`alter table audit_event add constraint audit_event_seq_from_one check (seq >= 1) not valid`
			);
			await run(`alter table audit_event enable trigger audit_event_append`);
		});
		const result = await verify({ chain });
		expect(result.ok).toBe(false);
		expect(result.firstBroken).toMatchObject({ chain, seq: 0 });
		expect(result.firstBroken?.problem).toMatch(/starts at seq 1/);
	});

	it('catches a tail deleted after the checkpoint (the head goes back with it)', async () => {
		const { chain, events } = await orgWithEvents(5);
		const checkpoint = await checkpoints.create();
		const ids = events.slice(-2).map((e) => e.id);
		expect(await verify({ chain, checkpoint: checkpoint.id })).toMatchObject({ ok: true });
		await asSuperuser(async (run) => {
			await run(`alter table audit_event disable trigger audit_event_no_update`);
			await run(`delete from audit_event where id = any($1::bigint[])`, [ids]);
			await run(`alter table audit_event enable trigger audit_event_no_update`);
		});
		const result = await verify({ chain, checkpoint: checkpoint.id });
		expect(result.ok).toBe(false);
		expect(result.firstBroken).toMatchObject({ chain, seq: 4 });
		expect(result.firstBroken?.problem).toMatch(/reaches seq 5; the trail now ends at 3/);
	});

	it('catches one event edited and every later one rehashed, by the checkpoint alone', async () => {
		const { chain, events } = await orgWithEvents(4);
		const checkpoint = await checkpoints.create();
		await asSuperuser(async (run) => {
			await run(`alter table audit_event disable trigger audit_event_no_update`);
			let prev = events[0].hash;
			for (const event of events.slice(1)) {
				const purpose = event.id === events[1].id ? `'other'` : 'purpose';
				const [row] = await run<{ hash: string }>(
					`update audit_event set prev_hash = $2, purpose = ${purpose},
						hash = audit_hash_v2(chain, seq, $2, at, request_id, actor_type, actor_id,
							actor_label, organization_id, issuer_id, action, outcome, reason, guarantee_id,
							guarantee_number, ${purpose}, ip, user_agent, detail)
					where id = $1 returning hash`,
					[event.id, prev]
				);
				prev = row.hash;
			}
			await run(`alter table audit_event enable trigger audit_event_no_update`);
		});
		// Consistent in itself: only the signed checkpoint shows the rewrite.
		const result = await verify({ chain, checkpoint: checkpoint.id });
		expect(result.ok).toBe(false);
		expect(result.firstBroken).toMatchObject({ chain, seq: events[3].seq });
		expect(result.firstBroken?.problem).toMatch(/signed checkpoint/);
	});

	it('refuses a checkpoint that the portal did not sign', async () => {
		const { chain } = await orgWithEvents(1);
		const checkpoint = await checkpoints.create();
		await asSuperuser(async (run) => {
			await run(`alter table audit_checkpoint disable trigger audit_checkpoint_no_update`);
			await run(
				`update audit_checkpoint set payload = replace(payload, '"v":1', '"v":1 ') where id = $1`,
				[checkpoint.id]
			);
			await run(`alter table audit_checkpoint enable trigger audit_checkpoint_no_update`);
		});
		const result = await verify({ chain, checkpoint: checkpoint.id });
		expect(result.ok).toBe(false);
		expect(result.checkpoint?.problem).toMatch(/signature does not verify/);
	});
});

it.skipIf(engine === 'postgres')(
	'reports a trigger switched off (PGlite; on PostgreSQL in audit-attacks.test.ts, on a database of its own)',
	async () => {
		expect(await guardProblems()).toEqual([]);
		await asSuperuser(async (run) => {
			await run(`alter table audit_event disable trigger audit_event_no_update`);
			expect(await guardProblems()).toEqual([
				'trigger audit_event_no_update on audit_event is disabled'
			]);
			await run(`alter table audit_event enable trigger audit_event_no_update`);
		});
	}
);

it('checks a checkpoint with only the public half of the key, which cannot sign', async () => {
	const { chain } = await orgWithEvents(1);
	const checkpoint = await checkpoints.create();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kensho-public-key-'));
	const privateFile = process.env.CHECKPOINT_KEY_FILE!;
	const publicFile = path.join(dir, 'checkpoint-public.pem');
	const publicPem = createPublicKey(readFileSync(privateFile, 'utf8')).export({
		type: 'spki',
		format: 'pem'
	});
	writeFileSync(publicFile, publicPem);
	process.env.CHECKPOINT_KEY_FILE = publicFile;
	try {
		const result = await verify({ chain, checkpoint: checkpoint.id });
		expect(result.checkpoint).toMatchObject({ id: checkpoint.id, problem: null });
		await expect(checkpoints.create()).rejects.toThrow(/only a public key/);
	} finally {
		process.env.CHECKPOINT_KEY_FILE = privateFile;
		rmSync(dir, { recursive: true, force: true });
	}
});
