/**
 * The server the browser tests talk to: the production build on a fresh embedded database,
 * seeded first (while no other process owns the database), then served by `node build`.
 * What the seed made (users, tokens, keys) is written to tests/.tmp/seed-<port>.json for the tests.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.env.E2E_PORT ?? '4173';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kensho-e2e-'));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const { migrate } = await import('../../src/lib/server/db/migrate');
const { closeDb } = await import('../../src/lib/server/db');
const { seed } = await import('./seed');
await migrate();
const seeded = await seed();
await closeDb();

mkdirSync('tests/.tmp', { recursive: true });
writeFileSync(`tests/.tmp/seed-${port}.json`, JSON.stringify({ ...seeded, dataDir }, null, '\t'));

const server = spawn(process.execPath, [process.env.KENSHO_BUILD_DIR ?? 'build'], {
	// The server's log is also kept in a file, so tests can prove no secret ever reaches it.
	stdio: ['ignore', 'pipe', 'pipe'],
	env: {
		...process.env,
		PORT: port,
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATA_DIR: dataDir,
		// Every browser test signs in from 127.0.0.1; the per-IP limit is tested on its own.
		LOGIN_IP_LIMIT: process.env.LOGIN_IP_LIMIT ?? '100000',
		LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
		// adapter-node's own cap; the issuer API enforces 256 KiB (8 MiB for a batch) itself.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '9M',
		// Playwright's and Node's HTTP clients keep idle connections open without a limit and reuse
		// them; Node's server closes one after 5 s idle. A request sent as that close is in flight
		// fails with ECONNRESET ("other side closed"), on a loaded machine now and then. The tests'
		// server keeps idle connections longer than any pause in a test.
		KEEP_ALIVE_TIMEOUT: process.env.KEEP_ALIVE_TIMEOUT ?? '120'
	}
});
const logFile = createWriteStream(`tests/.tmp/server-${port}.log`);
server.stdout!.on('data', (chunk) => (process.stdout.write(chunk), logFile.write(chunk)));
server.stderr!.on('data', (chunk) => (process.stderr.write(chunk), logFile.write(chunk)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
