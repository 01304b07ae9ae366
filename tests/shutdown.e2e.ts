import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTempPostgres } from '../scripts/pg-temp.js';
import { certificate } from './support/issuer-api';

/**
 * Graceful shutdown (issue 12): a server that has served signed-in requests, holds keep-alive
 * connections and has a request in flight gets SIGTERM; the request completes, the process
 * exits 0 promptly (well inside a 10 s kill timeout), and on the embedded database the owner
 * lock is released, so the CLI opens the database right after. Before, `node build` ran on
 * for good. Also `npm start`'s script passes Ctrl+C (SIGINT) through and exits with the server.
 *
 * Each test starts its own server on the port after the browser tests' (E2E_PORT + 1000).
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
const base = `http://127.0.0.1:${PORT}`;

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** One request over `agent` (keep-alive), as a browser or an issuer's client would send it. */
function send(
	agent: http.Agent,
	method: string,
	url: string,
	headers: Record<string, string> = {},
	body?: string
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(`${base}${url}`, { method, headers, agent }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (text += chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode!, headers: response.headers, body: text })
			);
		});
		request.on('error', reject);
		request.end(body);
	});
}

function exited(child: ChildProcess): Promise<{ code: number | null; at: number }> {
	return new Promise((resolve) =>
		child.once('exit', (code) => resolve({ code, at: performance.now() }))
	);
}

async function ready() {
	await expect
		.poll(
			() =>
				fetch(`${base}/readyz`).then(
					(r) => r.status,
					() => 0
				),
			{ timeout: 60_000 }
		)
		.toBe(200);
}

/** A clerk and an issuer token in the database `env` names. */
function seed(env: NodeJS.ProcessEnv) {
	const run = spawnSync('npx', ['tsx', 'tests/support/seed-small.ts'], { env, encoding: 'utf8' });
	expect(run.status, run.stderr).toBe(0);
	return JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
		clerk: { organizationCode: string; username: string; password: string };
		token: string;
	};
}

/** A client that starts a request and never finishes its body: it must not hold the exit. */
function slowClient() {
	const request = http.request(`${base}/api/v1/certificates`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'content-length': '100000' }
	});
	request.on('error', () => {});
	request.write('{"kind":');
	return request;
}

/** `promise`, or a failure naming what did not happen within `ms`. */
const within = <T>(ms: number, promise: Promise<T>, what: string) =>
	Promise.race([
		promise,
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)
		)
	]);

/**
 * Seeds, serves, signs in, holds keep-alive connections, sends SIGTERM with a batch in flight.
 * With `stalled`, a client also holds a request open past the deadline: the process must exit
 * at the deadline anyway (REQUEST_DEADLINE_MS + 1 s), else promptly once the batch is answered.
 */
async function drainsOnSigterm(env: NodeJS.ProcessEnv, { stalled = false } = {}) {
	const seeded = seed(env);
	mkdirSync('tests/.tmp', { recursive: true });
	const log = openSync('tests/.tmp/shutdown-server.log', 'w');
	const server = spawn(process.execPath, [process.env.KENSHO_BUILD_DIR ?? 'build'], {
		env,
		stdio: ['ignore', log, log]
	});
	const exit = exited(server);
	try {
		await ready();
		const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
		// Signed in, as a clerk is: the requests that once left the process unable to stop.
		const clerk = seeded.clerk;
		const login = await send(
			agent,
			'POST',
			'/login',
			{ origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			new URLSearchParams(clerk).toString()
		);
		expect(login.status).toBe(303);
		const cookie = String(login.headers['set-cookie']![0]).split(';')[0];
		const pages = await Promise.all(
			Array.from({ length: 4 }, () => send(agent, 'GET', '/verify', { cookie }))
		);
		expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
		const idle = Object.values(agent.freeSockets).flat().length;
		expect(idle, 'keep-alive connections held open').toBeGreaterThan(0);

		// In flight when the signal comes: a batch of 300 registrations (a second or so).
		const items = Array.from({ length: 300 }, () => certificate());
		const batch = send(
			agent,
			'POST',
			'/api/v1/certificates/batch',
			{ authorization: `Bearer ${seeded.token}`, 'content-type': 'application/json' },
			JSON.stringify({ items })
		).then((answer) => ({ ...answer, at: performance.now() }));
		const stuck = stalled ? slowClient() : null;
		await new Promise((resolve) => setTimeout(resolve, 250));
		const signalled = performance.now();
		server.kill('SIGTERM');

		const answered = await batch;
		expect(answered.status, answered.body.slice(0, 300)).toBe(200);
		const results = JSON.parse(answered.body).results as { status: number }[];
		expect(results.filter((r) => r.status === 201)).toHaveLength(300);
		const { code, at } = await within(12_000, exit, 'exit after SIGTERM');
		expect(code).toBe(0);
		expect(answered.at).toBeLessThan(at);
		if (stalled) {
			const deadline = Number(env.REQUEST_DEADLINE_MS);
			expect(at - signalled, 'exits at the deadline').toBeLessThan(deadline + 2500);
		} else {
			expect(at - signalled, 'exits well inside a 10 s kill timeout').toBeLessThan(8000);
			// Idle keep-alive connections were closed, not waited out (Node keeps them 5 s).
			expect(at - answered.at, 'exits promptly once the request is answered').toBeLessThan(2500);
		}
		stuck?.destroy();
		agent.destroy();
	} finally {
		server.kill('SIGKILL');
	}
}

test('PGlite: SIGTERM finishes the request in flight, exits 0 and releases the database', async () => {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kensho-shutdown-'));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATA_DIR: dataDir,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: base,
		LOG_LEVEL: 'info',
		LOGIN_IP_LIMIT: '100000'
	};
	delete env.DATABASE_URL;
	try {
		await drainsOnSigterm(env);
		expect(existsSync(path.join(dataDir, 'kensho.lock'))).toBe(false);
		// The CLI opens the database at once: no "in use by another process".
		const cli = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'audit', 'verify', '--json'], {
			env,
			encoding: 'utf8'
		});
		expect(cli.stderr).not.toContain('in use');
		expect(cli.status, cli.stderr).toBe(0);
		expect(JSON.parse(cli.stdout).ok).toBe(true);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('PostgreSQL: SIGTERM finishes the request in flight, and a stalled one does not hold the exit', async () => {
	const pg = await startTempPostgres();
	test.skip(!pg, 'no PostgreSQL server on this machine');
	try {
		await drainsOnSigterm(
			{
				...process.env,
				DATABASE_URL: pg!.url,
				DATABASE_OWNER_URL: pg!.ownerUrl,
				PORT: String(PORT),
				HOST: '127.0.0.1',
				ORIGIN: base,
				LOG_LEVEL: 'info',
				LOGIN_IP_LIMIT: '100000',
				REQUEST_DEADLINE_MS: '3000'
			},
			{ stalled: true }
		);
	} finally {
		pg!.remove();
	}
});

test('npm start passes Ctrl+C (SIGINT) to the server and exits with it', async () => {
	test.skip(
		Boolean(process.env.KENSHO_BUILD_DIR),
		'scripts/start.js serves ./build, not KENSHO_BUILD_DIR'
	);
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kensho-start-'));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATA_DIR: dataDir,
		PORT: String(PORT),
		KENSHO_DEMO: '0'
	};
	delete env.DATABASE_URL;
	const start = spawn(process.execPath, ['scripts/start.js'], { env, stdio: 'ignore' });
	const exit = exited(start);
	try {
		await ready();
		start.kill('SIGINT');
		const { code } = await exit;
		expect(code).toBe(0);
		// The server is gone with it, and so is its lock on the database.
		await expect(fetch(`${base}/healthz`)).rejects.toThrow();
		expect(existsSync(path.join(dataDir, 'kensho.lock'))).toBe(false);
	} finally {
		start.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
	}
});
