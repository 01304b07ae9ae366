import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../lib/server/db';
import { auditEvent } from '../lib/server/db/schema';
import { uniqueOrgCode } from '../lib/server/testing/fixtures';
import { cli, tempDir } from './cli-test-support';

/**
 * The operator CLI's commands, run in this process on this file's database (cli-test-support.ts);
 * the process around them (exit codes, the embedded database's lock) is cli-process.test.ts.
 */
const dir = tempDir('kensho-cli-');

describe('operator CLI', () => {
	const code = uniqueOrgCode();

	it('adds an organisation, users and disables one, printing JSON', async () => {
		const org = await cli(['org', 'add', '--code', code, '--name', '白子町', '--json']);
		expect(org.status).toBe(0);
		expect(org.json()).toMatchObject({ code, name: '白子町' });

		const withPassword = await cli(
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

		const generated = await cli([
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

		const disabled = await cli([
			'user',
			'disable',
			'--org',
			code,
			'--username',
			'tanaka',
			'--json'
		]);
		expect(disabled.json()).toEqual({ username: 'tanaka', disabled: true });

		// On a shared PostgreSQL, other test files deliberately break chains of their own.
		if (!process.env.DATABASE_URL) {
			const verified = await cli(['audit', 'verify', '--json']);
			expect(verified.status).toBe(0);
			expect(verified.json()).toMatchObject({ ok: true });
		}
	});

	it('refuses a password the policy forbids from standard input, saying why', async () => {
		// Eight spaces: the line is taken as typed, not trimmed, and still refused.
		const refused = await cli(
			['user', 'add', '--org', code, '--username', 'weak', '--role', 'clerk', '--password-stdin'],
			`${' '.repeat(8)}\n`
		);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/連続した文字だけのパスワードは使えません/);
	});

	it('answers 1 for a failure and 2 for bad usage, on stderr', async () => {
		const duplicate = await cli(['org', 'add', '--code', code, '--name', '白子町']);
		expect(duplicate.status).toBe(1);
		expect(duplicate.stderr).toContain('already exists');

		const badCode = await cli(['org', 'add', '--code', '124248', '--name', 'x']);
		expect(badCode.status).toBe(2);
		expect(badCode.stderr).toContain('全国地方公共団体コード');

		expect(
			(await cli(['user', 'add', '--org', code, '--username', 'x1', '--role', 'boss'])).status
		).toBe(2);
		expect((await cli(['no-such-command'])).status).toBe(2);
		expect((await cli(['org', 'add', '--bogus'])).status).toBe(2);
		const unknownOrg = await cli([
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
	});

	it('adds an issuer of a type (surety by default); an unknown type is bad usage', async () => {
		const suffix = Date.now().toString(36);
		const insurer = await cli([
			'issuer',
			'add',
			'--code',
			`ins-${suffix}`,
			'--name',
			'テスト損害保険株式会社',
			'--type',
			'insurer',
			'--json'
		]);
		expect(insurer.status).toBe(0);
		expect(insurer.json()).toMatchObject({ code: `ins-${suffix}`, type: 'insurer' });
		const plain = await cli([
			'issuer',
			'add',
			'--code',
			`sur-${suffix}`,
			'--name',
			'保証',
			'--json'
		]);
		expect(plain.json()).toMatchObject({ type: 'surety' });
		const broker = await cli([
			'issuer',
			'add',
			'--code',
			`bro-${suffix}`,
			'--name',
			'x',
			'--type',
			'broker'
		]);
		expect(broker.status).toBe(2);
		expect(broker.stderr).toContain('--type');
	});

	// On a shared PostgreSQL, other test files deliberately break chains of their own.
	it.skipIf(Boolean(process.env.DATABASE_URL))(
		'audit verify names the event altered behind the triggers, and a rewrite via --against',
		async () => {
			const before = await cli(['audit', 'verify', '--json']);
			expect(before.status).toBe(0);
			const heads = path.join(dir, 'heads.json');
			writeFileSync(heads, before.stdout);

			const [victim] = await db
				.select({ id: auditEvent.id, chain: auditEvent.chain, seq: auditEvent.seq })
				.from(auditEvent)
				.where(eq(auditEvent.action, 'user.add'))
				.orderBy(asc(auditEvent.id))
				.limit(1);
			// Only the table owner or a superuser can do this; the app itself never does.
			await db.transaction(async (tx) => {
				await tx.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
				await tx.execute(sql`update audit_event set reason = 'tampered' where id = ${victim.id}`);
				await tx.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
			});

			const after = await cli(['audit', 'verify', '--json', '--against', heads]);
			expect(after.status).toBe(1);
			expect(after.json()).toMatchObject({
				ok: false,
				firstBroken: { chain: victim.chain, seq: Number(victim.seq), id: victim.id }
			});
			expect(after.stderr).toContain(`event id ${victim.id}`);
		}
	);
});
