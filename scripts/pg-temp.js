// A throwaway PostgreSQL server on loopback, for tests: found on this machine (Debian's
// postgresql package), or installed with apt-get when running as root. `initdb` refuses to
// run as root, so as root the cluster belongs to the `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const isRoot = process.getuid?.() === 0;

export function findPostgresBin() {
	const fromEnv = process.env.PG_BIN;
	if (fromEnv && existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
	const base = '/usr/lib/postgresql';
	if (existsSync(base)) {
		const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
		for (const version of versions) {
			const bin = path.join(base, version, 'bin');
			if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'postgres')))
				return bin;
		}
	}
	const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	return which.status === 0 ? path.dirname(which.stdout.trim()) : null;
}

export function installPostgres() {
	if (!isRoot) return false;
	console.log('PostgreSQL not found: installing Debian’s postgresql package…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	if (update.status !== 0) return false;
	const args = ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'];
	return spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts a fresh cluster with the two roles production uses (README): `kensho_owner` owns the
 * database and applies the migrations, `kensho_app` is what the portal works as. Returns the
 * URLs — `url` (the app's, for DATABASE_URL), `ownerUrl` (DATABASE_OWNER_URL) and `adminUrl`
 * (the superuser, for tests that tamper with the database) — and functions to stop, start again,
 * and remove it. Fast by default (no fsync): `durable: true` for tests that crash the server and
 * count what survived, where a commit must mean what it means in production.
 */
export async function startTempPostgres({ durable = false } = {}) {
	let bin = findPostgresBin();
	if (!bin && installPostgres()) bin = findPostgresBin();
	if (!bin) return null;
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kensho-pg-'));
	const dataDir = path.join(dir, 'data');
	const port = await freePort();
	/** @param {string} file @param {string[]} args */
	const asOwner = (file, args) => {
		const [cmd, cmdArgs] = isRoot
			? ['runuser', ['-u', 'postgres', '--', path.join(bin, file), ...args]]
			: [path.join(bin, file), args];
		return execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
	};
	if (isRoot) {
		const [uid, gid] = postgresIds();
		chownSync(dir, uid, gid);
	}
	asOwner('initdb', [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8'
	]);
	const fast = durable ? '' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
	const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ${fast} -c max_connections=200`;
	const start = () =>
		asOwner('pg_ctl', ['-D', dataDir, '-o', options, '-w', '-l', path.join(dir, 'log'), 'start']);
	const stop = (mode = 'fast') => {
		try {
			asOwner('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
		} catch {
			// already stopped
		}
	};
	start();
	asOwner('psql', [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'postgres',
		'-c',
		'CREATE ROLE kensho_owner LOGIN',
		'-c',
		'CREATE ROLE kensho_app LOGIN',
		'-c',
		'CREATE DATABASE kensho_test OWNER kensho_owner'
	]);
	/** @param {string} user */
	const at = (user) => `postgres://${user}@127.0.0.1:${port}/kensho_test`;
	return {
		url: at('kensho_app'),
		ownerUrl: at('kensho_owner'),
		adminUrl: at('postgres'),
		port,
		start,
		stop,
		remove() {
			stop('immediate');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

function postgresIds() {
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return [uid, gid];
}
