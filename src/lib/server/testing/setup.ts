import { afterAll } from 'vitest';

// Each test file gets its own in-memory PGlite unless DATABASE_URL points at a real server.
process.env.NODE_ENV = 'test';
if (!process.env.DATABASE_URL) process.env.DATA_DIR = ':memory:';

const { migrate } = await import('../db/migrate');
const { closeDb } = await import('../db');
await migrate();

afterAll(async () => {
	await closeDb();
});
