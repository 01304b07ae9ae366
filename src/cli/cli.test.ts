import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueOrgCode } from '../lib/server/testing/fixtures';
import { cliRunner } from './cli-test-support';

/** The operator CLI as an operator runs it (cli-test-support.ts). */
const { cli, dataDir } = cliRunner('kensho-cli-');

describe('operator CLI', () => {
	const code = uniqueOrgCode();

	it('adds an organisation, users and disables one, printing JSON', () => {
		const org = cli(['org', 'add', '--code', code, '--name', '白子町', '--json']);
		expect(org.status).toBe(0);
		expect(org.json()).toMatchObject({ code, name: '白子町' });

		const withPassword = cli(
			[
				'user',
				'add',
				'--org',
				code,
				'--username',
				'tanaka',
				'--role',
				'clerk',
				'--password-stdin',
				'--json'
			],
			'a password with spaces\n'
		);
		expect(withPassword.status).toBe(0);
		expect(withPassword.json()).toEqual({ id: expect.any(String), username: 'tanaka' });

		const generated = cli([
			'user',
			'add',
			'--org',
			code,
			'--username',
			'suzuki',
			'--role',
			'admin',
			'--json'
		]);
		expect(generated.json().password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);

		const disabled = cli(['user', 'disable', '--org', code, '--username', 'tanaka', '--json']);
		expect(disabled.json()).toEqual({ username: 'tanaka', disabled: true });

		// On a shared PostgreSQL, other test files deliberately break chains of their own.
		if (!process.env.DATABASE_URL) {
			const verified = cli(['audit', 'verify', '--json']);
			expect(verified.status).toBe(0);
			expect(verified.json()).toMatchObject({ ok: true });
		}
	}, 120_000);

	it('refuses a password the policy forbids from standard input, saying why', () => {
		// Eight spaces: the line is taken as typed, not trimmed, and still refused.
		const refused = cli(
			['user', 'add', '--org', code, '--username', 'weak', '--role', 'clerk', '--password-stdin'],
			`${' '.repeat(8)}\n`
		);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/連続した文字だけのパスワードは使えません/);
	}, 60_000);

	it('answers 1 for a failure and 2 for bad usage, on stderr', () => {
		const duplicate = cli(['org', 'add', '--code', code, '--name', '白子町']);
		expect(duplicate.status).toBe(1);
		expect(duplicate.stderr).toContain('already exists');

		const badCode = cli(['org', 'add', '--code', '124248', '--name', 'x']);
		expect(badCode.status).toBe(2);
		expect(badCode.stderr).toContain('全国地方公共団体コード');

		expect(cli(['user', 'add', '--org', code, '--username', 'x1', '--role', 'boss']).status).toBe(
			2
		);
		expect(cli(['no-such-command']).status).toBe(2);
		expect(cli(['org', 'add', '--bogus']).status).toBe(2);
		const unknownOrg = cli([
			'user',
			'add',
			'--org',
			'131016',
			'--username',
			'ab',
			'--role',
			'clerk'
		]);
		expect(unknownOrg.status).toBe(1);
	}, 120_000);

	it.skipIf(Boolean(process.env.DATABASE_URL))(
		'audit verify names the event altered behind the triggers, and a rewrite via --against',
		async () => {
			const before = cli(['audit', 'verify', '--json']);
			expect(before.status).toBe(0);
			const heads = path.join(dataDir, 'heads.json');
			writeFileSync(heads, before.stdout);

			const { PGlite } = await import('@electric-sql/pglite');
			const database = new PGlite(path.join(dataDir, 'pglite'));
			const { rows } = await database.query<{ id: number; chain: string; seq: number }>(
				`select id, chain, seq from audit_event where action = 'user.add' order by id limit 1`
			);
			await database.exec(`alter table audit_event disable trigger audit_event_no_update`);
			await database.query(`update audit_event set reason = 'tampered' where id = $1`, [
				rows[0].id
			]);
			await database.exec(`alter table audit_event enable trigger audit_event_no_update`);
			await database.close();

			const after = cli(['audit', 'verify', '--json', '--against', heads]);
			expect(after.status).toBe(1);
			expect(after.json()).toMatchObject({
				ok: false,
				firstBroken: { chain: rows[0].chain, seq: Number(rows[0].seq), id: rows[0].id }
			});
			expect(after.stderr).toContain(`event id ${rows[0].id}`);
		},
		120_000
	);

	it.skipIf(Boolean(process.env.DATABASE_URL))(
		'refuses to open the embedded database while another process owns it',
		() => {
			// The lock a running server holds: a live pid (this test's own process).
			writeFileSync(path.join(dataDir, 'kensho.lock'), String(process.pid));
			try {
				const second = cli(['org', 'add', '--code', uniqueOrgCode(), '--name', '二重']);
				expect(second.status).toBe(1);
				expect(second.stderr).toContain('in use by another process');
				expect(second.stderr).toContain(`pid ${process.pid}`);
			} finally {
				rmSync(path.join(dataDir, 'kensho.lock'));
			}
		}
	);
});
