import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * With DATABASE_URL the whole suite shares one PostgreSQL database: migrate it once here,
 * before the workers start. Tests never assume an empty database (each makes its own tenants).
 * Every worker (and every CLI the tests start) signs checkpoints with one key, outside the
 * worktree: the workers inherit this environment.
 */
export default async function setup() {
	const worktree = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12);
	process.env.CHECKPOINT_KEY_FILE ??= path.join(
		os.tmpdir(),
		`kensho-test-checkpoint-key-${worktree}.pem`
	);
	if (!process.env.DATABASE_URL) return;
	const { migrate } = await import('../db/migrate');
	const { closeDb } = await import('../db');
	await migrate();
	await closeDb();
}
