import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { rateLimit } from '../db/schema';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A dump of the embedded database with every migration applied (setup.ts loads it). */
		migratedDatabase: string;
	}
}

/**
 * Runs the migrations once for the whole suite, before the workers start. With DATABASE_URL
 * every file shares that one PostgreSQL database (tests never assume it is empty: each makes
 * its own tenants). Without it, each file gets its own in-memory PGlite, loaded from a dump of
 * one migrated here: creating and migrating a cluster per file cost ~5 s each, loading ~1 s.
 * Every worker (and every CLI the tests start) signs checkpoints with one key, outside the
 * worktree: the workers inherit this environment.
 */
export default async function setup(project: TestProject) {
	const worktree = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12);
	process.env.CHECKPOINT_KEY_FILE ??= path.join(
		os.tmpdir(),
		`kensho-test-checkpoint-key-${worktree}.pem`
	);
	const pglite = !process.env.DATABASE_URL;
	const dataDir = process.env.DATA_DIR;
	if (pglite) process.env.DATA_DIR = ':memory:';
	const { migrate } = await import('../db/migrate');
	const { closeDb, db } = await import('../db');
	try {
		await migrate();
		if (!pglite) {
			// A run starts with no rate-limit counts of an earlier run on this database: tests
			// sign in from one unknown address, and a run within five minutes of the last one
			// found that address's allowance used up ('a disabled user cannot sign in' got
			// 'throttled'), which a fresh database in CI never shows.
			await db.delete(rateLimit);
			return;
		}
		const dump = await db.$client.dumpDataDir('none');
		const dir = mkdtempSync(path.join(os.tmpdir(), 'kensho-migrated-'));
		writeFileSync(path.join(dir, 'pgdata.tar'), Buffer.from(await dump.arrayBuffer()));
		project.provide('migratedDatabase', path.join(dir, 'pgdata.tar'));
		return () => rmSync(dir, { recursive: true, force: true });
	} finally {
		await closeDb();
		if (dataDir === undefined) delete process.env.DATA_DIR;
		else process.env.DATA_DIR = dataDir;
	}
}
