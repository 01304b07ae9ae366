import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { startTempPostgres } from '../scripts/pg-temp.js';

/**
 * Faults, against a PostgreSQL this test starts and stops itself on loopback: the database
 * goes away mid-load and comes back; one Idempotency-Key retried 200 times at once.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PORT = 4395;
const base = `http://127.0.0.1:${PORT}`;
let pg: { url: string; start(): void; stop(mode?: string): void; remove(): void } | null;
let server: ChildProcess | undefined;
let token = '';

test.beforeAll(async () => {
	mkdirSync('tests/.tmp', { recursive: true });
	pg = await startTempPostgres({ durable: true });
	test.skip(!pg, 'no PostgreSQL server on this machine');
	const env = {
		...process.env,
		DATABASE_URL: pg!.url,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: base,
		LOG_LEVEL: 'error',
		ISSUER_RATE_LIMIT: '100000/60'
	};
	const seeded = spawnSync('npx', ['tsx', 'bench/seed.ts'], { env, encoding: 'utf8' });
	expect(seeded.status, seeded.stderr).toBe(0);
	token = JSON.parse(seeded.stdout.slice(seeded.stdout.indexOf('{'))).issuers.a.token;
	// The server's own errors are kept: if it ever dies here, the reason is in this file.
	server = spawn(process.execPath, [process.env.KENSHO_BUILD_DIR ?? 'build'], {
		env,
		stdio: ['ignore', 'ignore', openSync('tests/.tmp/faults-server.log', 'w')]
	});
	await expect
		.poll(
			() =>
				fetch(`${base}/readyz`).then(
					(r) => r.status,
					() => 0
				),
			{ timeout: 30_000 }
		)
		.toBe(200);
});

test.afterAll(() => {
	server?.kill('SIGKILL');
	pg?.remove();
});

let n = 0;
const body = () => ({
	kind: 'contract',
	guaranteeNumber: `FAULT-${process.pid}-${n++}`,
	issuedOn: '2026-07-04',
	orderer: { code: '124249', name: '白子町長' },
	contractor: {
		name: '株式会社白子建設',
		address: '千葉県長生郡白子町',
		representative: '代表 太郎'
	},
	works: {
		name: '舗装工事',
		location: '白子町',
		contractAmount: 10_000_000,
		startOn: '2026-07-01',
		endOn: '2027-02-26'
	},
	guarantee: { amount: 1_000_000, startOn: '2026-07-04', endOn: '2027-02-26' }
});
const post = (payload: unknown, headers: Record<string, string> = {}) =>
	fetch(`${base}/api/v1/certificates`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
		body: JSON.stringify(payload),
		signal: AbortSignal.timeout(15_000)
	});

test('the database stops mid-load: fast 503s, no hang, recovery, no acknowledged ingest lost', async () => {
	const acknowledged: string[] = [];
	const statuses = new Map<number, number>();
	let slowest = 0;
	let running = true;
	const worker = async () => {
		while (running) {
			const payload = body();
			const started = performance.now();
			const response = await post(payload);
			slowest = Math.max(slowest, performance.now() - started);
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			if (response.status === 201) acknowledged.push(payload.guaranteeNumber);
			if (response.status === 503) {
				expect(response.headers.get('retry-after')).toBeTruthy();
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		}
	};
	const workers = Array.from({ length: 4 }, worker);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	pg!.stop('immediate');
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect((await fetch(`${base}/readyz`)).status).toBe(503);
	expect((await fetch(`${base}/healthz`)).status).toBe(200);
	pg!.start();
	await expect
		.poll(() => fetch(`${base}/readyz`).then((r) => r.status), { timeout: 20_000 })
		.toBe(200);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	running = false;
	await Promise.all(workers);

	expect(
		[...statuses.keys()].every((status) => status === 201 || status === 503),
		JSON.stringify([...statuses])
	).toBe(true);
	expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
	expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
	// Well under the client's 15 s timeout: the server's own deadline is 8 s.
	expect(slowest).toBeLessThan(10_000);
	const sql = postgres(pg!.url, { max: 1 });
	const stored =
		await sql`select guarantee_number from guarantee where guarantee_number = any(${acknowledged})`;
	await sql.end();
	expect(stored.length).toBe(acknowledged.length);
});

test('200 concurrent retries with one Idempotency-Key create exactly one guarantee', async () => {
	const payload = body();
	const responses = await Promise.all(
		Array.from({ length: 200 }, () =>
			post(payload, { 'idempotency-key': `retry-${payload.guaranteeNumber}` })
		)
	);
	const statuses = responses.map((r) => r.status);
	expect(
		statuses.every((s) => s === 201 || s === 409),
		JSON.stringify(statuses)
	).toBe(true);
	expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
	const sql = postgres(pg!.url, { max: 1 });
	const [{ count }] =
		await sql`select count(*)::int as count from guarantee where guarantee_number = ${payload.guaranteeNumber}`;
	await sql.end();
	expect(count).toBe(1);
	const replay = await post(payload, { 'idempotency-key': `retry-${payload.guaranteeNumber}` });
	expect(replay.status).toBe(201);
	expect(replay.headers.get('idempotent-replayed')).toBe('true');
});
