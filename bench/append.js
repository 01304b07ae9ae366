// `node bench/append.js [--against=<git ref>] [--rounds=3] [--seconds=5] [--writers=8]`: the audit
// append of this tree against the one of an earlier commit (default: main), in the same run, on
// one throwaway PostgreSQL, each on a fresh database of its own, taking turns so both see the
// same machine (shared machines move by the minute). Each round runs bench/append-worker.ts in
// both trees: 8 writers of one organisation recording events on their own, then each inside a
// transaction (the ingest's path). Prints the median of the rounds.
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startTempPostgres } from '../scripts/pg-temp.js';

const option = (name, fallback) =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ref = option('against', 'main');
const rounds = Number(option('rounds', 3));
const workerArgs = [`--seconds=${option('seconds', 5)}`, `--writers=${option('writers', 8)}`];
const here = path.resolve(import.meta.dirname, '..');

// The other tree: `git archive` of the ref, with this tree's node_modules and worker.
const old = mkdtempSync(path.join(os.tmpdir(), 'kensho-append-'));
execSync(`git archive ${ref} | tar -x -C ${old}`, { cwd: here });
symlinkSync(path.join(here, 'node_modules'), path.join(old, 'node_modules'));
copyFileSync(path.join(here, 'bench/append-worker.ts'), path.join(old, 'bench/append-worker.ts'));

const pg = await startTempPostgres();
if (!pg) throw new Error('no PostgreSQL server on this machine');
const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
const urlOf = (database) => pg.adminUrl.replace(/\/kensho_test$/, `/${database}`);
for (const database of ['append_this', 'append_other'])
	await admin.unsafe(`create database ${database}`);
await admin.end();

function run(tree, database, extra = []) {
	const result = spawnSync('npx', ['tsx', 'bench/append-worker.ts', ...workerArgs, ...extra], {
		cwd: tree,
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: urlOf(database), LOG_LEVEL: 'silent', DATA_DIR: old }
	});
	if (result.status !== 0) throw new Error(`${tree}: ${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

const results = {};
const take = (name, value) => (results[name] ??= []).push(value);
try {
	for (let round = 0; round < rounds; round++) {
		for (const extra of [[], ['--in-transaction']]) {
			const mode = extra.length ? 'in a transaction' : 'on their own';
			take(`${ref}, ${mode}`, run(old, 'append_other', extra));
			take(`this tree, ${mode}`, run(here, 'append_this', extra));
		}
		console.log(`round ${round + 1} of ${rounds} done`);
	}
} finally {
	pg.remove();
	rmSync(old, { recursive: true, force: true });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`\n| ${workerArgs.join(' ')}, median of ${rounds} | events/s | p50 ms | p99 ms |`);
console.log('|---|---:|---:|---:|');
for (const [name, runs] of Object.entries(results)) {
	console.log(
		`| ${name} | ${median(runs.map((r) => r.eventsPerSecond)).toFixed(0)} | ${median(runs.map((r) => r.p50))} | ${median(runs.map((r) => r.p99))} |`
	);
}
