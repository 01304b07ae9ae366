import { readFileSync } from 'node:fs';
import { afterAll, inject } from 'vitest';

// Each test file gets its own in-memory PGlite unless DATABASE_URL points at a real server:
// a copy of the one global-setup.ts migrated, opened when the file first uses the database
// (a file that never does, like lanes.test.ts, pays nothing).
process.env.NODE_ENV = 'test';
if (!process.env.DATABASE_URL) process.env.DATA_DIR = ':memory:';

const { closeDb, startMemoryDatabaseFrom } = await import('../db');
if (!process.env.DATABASE_URL) {
	startMemoryDatabaseFrom(new Blob([readFileSync(inject('migratedDatabase'))]));
}

afterAll(async () => {
	await closeDb();
});
