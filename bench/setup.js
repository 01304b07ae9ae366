// What `npm run bench` and `npm run bench:scale` both need: a built server, a throwaway
// PostgreSQL on loopback (with pg_stat_statements for --pg-stats), the browser tests' seed on
// it, and the environment the server runs with.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startTempPostgres } from '../scripts/pg-temp.js';

export const buildDir = process.env.KENSHO_BUILD_DIR ?? 'build';

/** Builds the portal unless a build is there, and starts the database. */
export async function prepareBench({ port, pgStats = false, env: extra = {} }) {
	if (!existsSync(`${buildDir}/handler.js`)) {
		spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const pg = await startTempPostgres();
	if (!pg) {
		console.error(
			'MISSING: no PostgreSQL server (Debian package `postgresql`); the bench needs one.'
		);
		process.exit(1);
	}
	if (pgStats) {
		const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
		await admin`alter system set shared_preload_libraries = 'pg_stat_statements'`;
		await admin.end();
		pg.stop();
		pg.start();
		const again = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
		await again`create extension if not exists pg_stat_statements`;
		await again.end();
	}
	const base = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		DATABASE_URL: pg.url,
		DATABASE_OWNER_URL: pg.ownerUrl,
		// The server signs its hourly audit checkpoint with a key of the bench's own.
		CHECKPOINT_KEY_FILE: path.join(os.tmpdir(), `kensho-bench-checkpoint-${process.pid}.pem`),
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		LOG_LEVEL: 'warn',
		LOGIN_IP_LIMIT: '100000',
		...extra
	};
	// The browser tests' seed (demo data, guarantees with known keys, issuer tokens).
	const seeded = spawnSync('npx', ['tsx', 'bench/seed.ts', '--clerks'], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(seeded.stderr);
	const seed = JSON.parse(seeded.stdout.slice(seeded.stdout.indexOf('{')));
	return { pg, base, env, seed };
}

/**
 * The same seed on the embedded engine (what `npm start` gives a newcomer): a fresh DATA_DIR,
 * seeded before the server owns it. Returns the server's environment and a `remove()`.
 */
export function preparePglite({ port, env: extra = {} }) {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kensho-bench-pglite-'));
	const base = `http://127.0.0.1:${port}`;
	const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
	delete env.DATABASE_URL;
	Object.assign(env, { ORIGIN: base, LOG_LEVEL: 'warn', LOGIN_IP_LIMIT: '100000', ...extra });
	const seeded = spawnSync('npx', ['tsx', 'bench/seed.ts', '--clerks'], { env, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(seeded.stderr);
	const seed = JSON.parse(seeded.stdout.slice(seeded.stdout.indexOf('{')));
	return { env, seed, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * The yardstick of issue 16: bench/minimal, SvelteKit with no hooks and one page with one
 * SELECT, built on first use and started on `port` against the same database.
 */
export async function startMinimalKit(databaseUrl, port, nodeArgs = []) {
	const dir = 'bench/minimal';
	if (!existsSync(`${dir}/build/handler.js`)) {
		spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
	}
	const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' };
	return startServer({ ...env, ORIGIN: `http://127.0.0.1:${port}` }, nodeArgs, `${dir}/build`, '/');
}

/** Starts the built portal (with `nodeArgs`, e.g. --cpu-prof) and waits until it is ready. */
export async function startServer(env, nodeArgs = [], dir = buildDir, ready = '/readyz') {
	const child = spawn(process.execPath, [...nodeArgs, dir], { env, stdio: 'inherit' });
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${env.ORIGIN}${ready}`)).ok) return child;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	child.kill('SIGTERM');
	throw new Error('the server never answered');
}

/** Signs a seeded user in and returns the session cookie. */
export async function signIn(base, user) {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
		body: new URLSearchParams({
			organizationCode: user.organizationCode,
			username: user.username,
			password: user.password
		})
	});
	return response.headers.get('set-cookie').split(';')[0];
}

/** The machine, for the report: the figures mean little without it. */
export function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Replaces docs/PERFORMANCE.md between `<!-- name:start -->` and `<!-- name:end -->`. */
export function writeReport(name, text) {
	const path = 'docs/PERFORMANCE.md';
	const doc = readFileSync(path, 'utf8');
	const start = doc.indexOf(`<!-- ${name}:start -->`);
	const end = doc.indexOf(`<!-- ${name}:end -->`);
	if (start < 0 || end < 0) throw new Error(`${path} has no ${name} markers`);
	writeFileSync(path, `${doc.slice(0, start)}<!-- ${name}:start -->\n${text}\n${doc.slice(end)}`);
}
