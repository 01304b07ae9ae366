import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueOrgCode } from '../lib/server/testing/fixtures';
import { spawnCli, tempDir } from './cli-test-support';

/**
 * The CLI's own process, as `npm run cli` starts it (the commands themselves are cli.test.ts):
 * it opens and closes the embedded database in DATA_DIR (or the PostgreSQL of DATABASE_URL),
 * exits 1 while another process owns the embedded database, 2 for bad usage.
 */
const dataDir = tempDir('kensho-cli-process-');
const env = { DATA_DIR: dataDir };

beforeAll(async () => {
	if (process.env.DATABASE_URL) return;
	// The migrated database of global-setup.ts, on disk where the portal keeps it: creating a
	// cluster in the CLI's process would cost it most of a minute on a busy machine.
	const migrated = new Blob([readFileSync(inject('migratedDatabase'))]);
	await new PGlite(path.join(dataDir, 'pglite'), { loadDataDir: migrated }).close();
});

describe('the operator CLI process', () => {
	it('runs a command on the embedded database, prints JSON, exits 0 and lets the database go', () => {
		const code = uniqueOrgCode();
		const org = spawnCli(['org', 'add', '--code', code, '--name', '白子町', '--json'], env);
		expect(org.status, org.stderr).toBe(0);
		expect(org.json()).toMatchObject({ code, name: '白子町' });
		// The owner lock is released at exit: the next process (or the portal) may open it.
		expect(existsSync(path.join(dataDir, 'kensho.lock'))).toBe(false);
	}, 60_000);

	it('exits 2 for bad usage, with the usage on stderr', () => {
		const unknown = spawnCli(['no-such-command'], env);
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('Usage: npm run cli');
	}, 60_000);

	it.skipIf(Boolean(process.env.DATABASE_URL))(
		'refuses to open the embedded database while another process owns it',
		() => {
			// The lock a running server holds: a live pid (this test's own process).
			writeFileSync(path.join(dataDir, 'kensho.lock'), String(process.pid));
			try {
				const second = spawnCli(['org', 'add', '--code', uniqueOrgCode(), '--name', '二重'], env);
				expect(second.status).toBe(1);
				expect(second.stderr).toContain('in use by another process');
				expect(second.stderr).toContain(`pid ${process.pid}`);
			} finally {
				rmSync(path.join(dataDir, 'kensho.lock'));
			}
		},
		60_000
	);
});
