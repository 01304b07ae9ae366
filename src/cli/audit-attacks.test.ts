import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { uniqueOrgCode } from '../lib/server/testing/fixtures';

/**
 * The attacks of issue 13, each made by a superuser on a PostgreSQL database of its own (a copy
 * of one prepared trail with a signed checkpoint), then `audit verify` run as an operator runs it,
 * as the app's role, with no --against: it must exit 1 and name the chain. And what the app's own
 * role cannot do at all. Needs the two-role PostgreSQL run (`npm test`, .ci/run).
 */
const appUrl = process.env.DATABASE_URL;
const ownerUrl = process.env.DATABASE_OWNER_URL;
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
const missing = !appUrl
	? 'PostgreSQL only: the PGlite run has a single role'
	: !ownerUrl || !adminUrl
		? 'needs DATABASE_OWNER_URL and TEST_ADMIN_DATABASE_URL (the two-role PostgreSQL run)'
		: null;

const suffix = `${process.pid}_${Date.now().toString(36)}`;
const template = `kensho_attack_${suffix}`;
const made: string[] = [];

/** `url` pointing at database `name`. */
function on(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

function cli(database: string, args: string[]) {
	const result = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			DATABASE_URL: on(appUrl!, database),
			DATABASE_OWNER_URL: on(ownerUrl!, database),
			NODE_ENV: 'production',
			LOG_LEVEL: 'silent'
		}
	});
	const stdout = result.stdout.trim();
	return { status: result.status, stderr: result.stderr, json: () => JSON.parse(stdout) };
}

async function admin<T>(database: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
	const sql = postgres(on(adminUrl!, database), { max: 1, onnotice: () => {} });
	try {
		return await work(sql);
	} finally {
		await sql.end();
	}
}

/** A fresh copy of the prepared trail. */
async function copy(name: string): Promise<string> {
	const database = `${template}_${name}`;
	const owner = new URL(ownerUrl!).username;
	await admin('postgres', (sql) =>
		sql.unsafe(`create database ${database} template ${template} owner "${owner}"`)
	);
	made.push(database);
	return database;
}

let orgChain = '';

describe.skipIf(missing)('audit verify finds what a superuser did, with no --against', () => {
	beforeAll(async () => {
		const owner = new URL(ownerUrl!).username;
		await admin('postgres', (sql) => sql.unsafe(`create database ${template} owner "${owner}"`));
		made.push(template);
		const code = uniqueOrgCode();
		const org = cli(template, ['org', 'add', '--code', code, '--name', '攻撃町', '--json']);
		expect(org.status, org.stderr).toBe(0);
		orgChain = `org:${org.json().id}`;
		for (const username of ['tanaka', 'suzuki', 'sato']) {
			const user = ['user', 'add', '--org', code, '--username', username, '--role', 'clerk'];
			expect(cli(template, user).status).toBe(0);
		}
		expect(cli(template, ['audit', 'checkpoint', '--json']).json()).toMatchObject({
			chains: 1,
			events: 4
		});
		const verified = cli(template, ['audit', 'verify', '--json']);
		expect(verified.status, verified.stderr).toBe(0);
		expect(verified.json()).toMatchObject({ ok: true, events: 5, broken: [] });
	}, 120_000);

	afterAll(async () => {
		await admin('postgres', async (sql) => {
			for (const database of made.reverse())
				await sql.unsafe(`drop database if exists ${database} with (force)`);
		});
	});

	/** Runs the attack on a copy, then `audit verify`: exit 1, the chain named. */
	async function attacked(
		name: string,
		attack: (sql: postgres.TransactionSql) => Promise<unknown>
	) {
		const database = await copy(name);
		await admin(database, (sql) => sql.begin(attack));
		const verified = cli(database, ['audit', 'verify', '--json']);
		expect(verified.status).toBe(1);
		return { result: verified.json(), stderr: verified.stderr };
	}

	const forge = (chain: string, seq: number) => `insert into audit_event (chain, seq, prev_hash,
			hash, hash_version, at, actor_type, action, outcome)
		select '${chain}', ${seq}, repeat('0', 64), audit_hash_v2('${chain}', ${seq}, repeat('0', 64),
			t.at, null, 'user', null, null, null, null, 'certificate.view', 'success', null, null, null,
			null, null, null, null), 2, t.at, 'user', 'certificate.view', 'success'
		from (select date_trunc('milliseconds', now()) as at) t`;

	it('an event in a lane with no head row', async () => {
		const lane = `${orgChain}/9`;
		const { result, stderr } = await attacked('headless', async (sql) => {
			await sql`alter table audit_event disable trigger all`;
			await sql.unsafe(forge(lane, 1));
			await sql`alter table audit_event enable trigger all`;
		});
		expect(result.headless).toEqual([{ chain: lane, events: 1 }]);
		expect(stderr).toContain(`Audit chain ${lane} is broken`);
	}, 60_000);

	it('an event at seq 0 of a real chain', async () => {
		const { result, stderr } = await attacked('seq0', async (sql) => {
			await sql`alter table audit_event disable trigger audit_event_append`;
			await sql`alter table audit_event drop constraint audit_event_seq_from_one`;
			await sql.unsafe(forge(orgChain, 0));
		});
		expect(result.firstBroken).toMatchObject({ chain: orgChain, seq: 0 });
		expect(stderr).toContain(`Audit chain ${orgChain} is broken at seq 0`);
	}, 60_000);

	it('the tail deleted, the head gone back with it', async () => {
		const { result, stderr } = await attacked('truncated', async (sql) => {
			await sql`alter table audit_event disable trigger audit_event_no_update`;
			await sql`delete from audit_event where chain = ${orgChain} and seq >= 3`;
			await sql`alter table audit_event enable trigger audit_event_no_update`;
		});
		expect(result.firstBroken).toMatchObject({ chain: orgChain, seq: 3 });
		expect(stderr).toMatch(/reaches seq 4; the trail now ends at 2/);
	}, 60_000);

	it('one event edited and every later one rehashed', async () => {
		const { result, stderr } = await attacked('recomputed', async (sql) => {
			await sql`alter table audit_event disable trigger audit_event_no_update`;
			const rows =
				await sql`select id, seq from audit_event where chain = ${orgChain} order by seq`;
			let prev = '0'.repeat(64);
			for (const row of rows) {
				const edit = Number(row.seq) === 2;
				const [updated] = await sql`update audit_event set prev_hash = ${prev},
					actor_label = case when ${edit} then 'someone else' else actor_label end,
					hash_version = 2,
					hash = audit_hash_v2(chain, seq, ${prev}, at, request_id, actor_type, actor_id,
						case when ${edit} then 'someone else' else actor_label end, organization_id,
						issuer_id, action, outcome, reason, guarantee_id, guarantee_number, purpose, ip,
						user_agent, detail)
					where id = ${row.id} returning hash`;
				prev = updated.hash;
			}
			await sql`alter table audit_event enable trigger audit_event_no_update`;
		});
		expect(result.firstBroken).toMatchObject({ chain: orgChain, seq: 4 });
		expect(stderr).toMatch(/differs from the signed checkpoint/);
	}, 60_000);

	it('a trigger switched off (and left off) to delete an event', async () => {
		const { result, stderr } = await attacked('trigger', async (sql) => {
			await sql`alter table audit_event disable trigger audit_event_no_update`;
			await sql`delete from audit_event where chain = ${orgChain} and seq = 2`;
		});
		expect(result.firstBroken).toMatchObject({ chain: orgChain, seq: 3 });
		expect(result.guards).toEqual(['trigger audit_event_no_update on audit_event is disabled']);
		expect(stderr).toContain(`Audit chain ${orgChain} is broken at seq 3`);
	}, 60_000);

	it('the app role cannot switch a trigger off, alter, empty or rewrite the audit tables', async () => {
		const app = postgres(on(appUrl!, template), { max: 1, onnotice: () => {} });
		try {
			for (const statement of [
				'alter table audit_event disable trigger user',
				'alter table audit_event disable trigger audit_event_no_update',
				'alter table audit_event drop constraint audit_event_chain_head_fk',
				'alter table audit_chain_head disable trigger user',
				'drop trigger audit_event_append on audit_event',
				'drop table audit_checkpoint',
				'truncate audit_event',
				`update audit_event set outcome = 'failure'`,
				'delete from audit_event',
				'delete from audit_chain_head',
				`insert into audit_chain_head (chain, base, lane) values ('x/1', 'x', 1)`,
				'delete from audit_checkpoint',
				'create or replace function audit_hash_v2() returns text language sql as $$ select 1 $$',
				'set session_replication_role = replica'
			]) {
				await expect(app.unsafe(statement), statement).rejects.toThrow(
					/must be owner|permission denied/
				);
			}
			// What it may do: append, through the trigger, and read.
			const [event] = await app`insert into audit_event (chain, actor_type, action, outcome)
				values ('operator', 'operator', 'test.append', 'success') returning chain, seq`;
			expect(event.chain).toBe('operator');
		} finally {
			await app.end();
		}
	}, 60_000);
});
