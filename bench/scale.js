// `npm run bench:scale [-- --guarantees=1000000 --events=10000000] [-- --write]`: does the
// portal stay fast on a full database? On a throwaway PostgreSQL (loopback only):
//
//   1. seed the browser tests' data and measure the verification path and the audit screens
//      on that small database;
//   2. fill it with --guarantees guarantees (one certificate each) over 1,000 organisations and
//      --events audit events, a tenth of them in 白子町's trail (the organisation measured),
//      with generate_series in SQL: minutes, not hours;
//   3. measure again, and print both with the ratio (target: verification within 1.2×, every
//      audit screen under 200 ms).
//
//   4. sign a checkpoint and time `audit verify` of the whole trail (the generated events are a
//      valid trail, on lanes of their own, `scale:<n>`), reported as seconds per million events.
//
// Not part of CI (too long).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { machine, prepareBench, signIn, startServer, writeReport } from './setup.js';
import { generateTrail } from './trail.js';

const arg = (name, fallback) =>
	Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const GUARANTEES = arg('guarantees', 1_000_000);
const EVENTS = arg('events', 10_000_000);
const SECONDS = arg('seconds', 5);
const write = process.argv.includes('--write');
// --verify-only: generate, then time `audit verify`; no server measurements.
const verifyOnly = process.argv.includes('--verify-only');
const PORT = 4392;
const base = `http://127.0.0.1:${PORT}`;
const started = Date.now();

// --pg-stats: after each verification run, the statements that took the database longest.
const pgStats = process.argv.includes('--pg-stats');
const { pg, env, seed } = await prepareBench({ port: PORT, pgStats });
const sql = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
const results = {};
let server;

try {
	if (!verifyOnly) {
		server = await startServer(env);
		results.small = await measure('small');
		server.kill('SIGTERM');
	}
	await generate();
	results.verify = verifyTrail();
	if (!verifyOnly) {
		server = await startServer(env);
		results.large = await measure('large');
	}
} finally {
	server?.kill('SIGTERM');
	await sql.end();
	pg.remove();
}
if (!verifyOnly) report();

// ── generating ─────────────────────────────────────────────────────────────

async function timed(label, work) {
	const t0 = Date.now();
	await work();
	console.log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function generate() {
	console.log(`Generating ${GUARANTEES} guarantees and ${EVENTS} audit events…`);
	await sql`set maintenance_work_mem = '1GB'`;
	const [{ shirako }] = await sql`select id as shirako from organization where code = '124249'`;
	const [{ issuerId }] = await sql`select id as "issuerId" from issuer where code = 'ejcs'`;
	await timed('1,000 organisations', async () => {
		await sql`insert into organization (code, name)
			select '9' || lpad(i::text, 5, '0'), '規模試験町' || i from generate_series(1, 1000) i
			on conflict do nothing`;
	});
	const orgIds = () =>
		sql`select array_agg(id order by code) as ids from organization where code like '9%'`;
	// Secondary indexes are dropped while the rows go in, then built once: much faster.
	const indexes = await sql`select indexname, indexdef from pg_indexes
		where tablename in ('guarantee', 'certificate_version', 'audit_event')
		and indexdef not like '%UNIQUE%' and indexname not like '%pkey'`;
	for (const { indexname } of indexes) await sql.unsafe(`drop index ${indexname}`);
	await timed('guarantees', async () => {
		await sql`with orgs as (${orgIds()}) insert into guarantee (id, issuer_id, guarantee_number, kind, organization_id,
				auth_key_hash, first_verified_at)
			select md5('g' || i)::uuid, ${issuerId}, 'S-' || lpad(i::text, 9, '0'),
				(array['contract', 'advance_payment'])[1 + i % 2]::guarantee_kind,
				orgs.ids[1 + i % 1000],
				sha256(('k' || i)::bytea), case when i % 2 = 0 then now() - i * interval '1 minute' end
			from generate_series(1, ${GUARANTEES}) i, orgs`;
	});
	await timed('certificates', async () => {
		await sql`insert into certificate_version (guarantee_id, version, issued_on, contractor_name,
				contractor_address, contractor_representative, orderer_name, works_name, works_location,
				contract_amount, works_start_on, works_end_on, guarantee_amount, guarantee_start_on,
				guarantee_end_on, raw_submission, raw_content_type)
			select md5('g' || i)::uuid, 1, date '2026-04-01' + i % 300, '株式会社規模建設' || i % 5000,
				'千葉県長生郡' || i, '代表 規模 太郎', '規模試験町長', '町道舗装工事 第' || i || '工区',
				'規模試験町地内', 10000000 + i, date '2026-04-01', date '2027-03-31', 1000000 + i,
				date '2026-04-01', date '2027-03-31', '{}', 'application/json'
			from generate_series(1, ${GUARANTEES}) i`;
	});
	const [{ ids }] = await orgIds();
	await generateTrail(sql, {
		events: EVENTS,
		guarantees: GUARANTEES,
		organizations: ids,
		measured: shirako,
		progress: timed
	});
	await timed('indexes', async () => {
		for (const { indexdef } of indexes) await sql.unsafe(indexdef);
	});
	await timed('vacuum analyze', () => sql`vacuum analyze`);
	// Written out before measuring: otherwise the first minutes of the large run compete with
	// the flush of gigabytes of freshly loaded pages.
	await timed('checkpoint and sync', async () => {
		await sql`checkpoint`;
		spawnSync('sync');
	});
	const [{ size }] = await sql`select pg_size_pretty(pg_database_size(current_database())) as size`;
	console.log(`  database: ${size}`);
	results.size = size;
}

// ── measuring ──────────────────────────────────────────────────────────────

/** `audit checkpoint`, then `audit verify` as an operator runs it, timed. */
/**
 * Times `audit verify` as an operator runs it (the whole command). Where GNU time is installed,
 * the command's peak memory too: reading in pages keeps it flat whatever the trail's size.
 */
function verifyTrail() {
	const peakFile = path.join(os.tmpdir(), `kensho-verify-peak-${process.pid}`);
	const gnuTime = existsSync('/usr/bin/time');
	const cli = (args) => {
		const t0 = Date.now();
		const command = ['npx', 'tsx', 'src/cli/main.ts', ...args, '--json'];
		const run = gnuTime
			? spawnSync('/usr/bin/time', ['-f', '%M', '-o', peakFile, ...command], spawnOptions)
			: spawnSync(command[0], command.slice(1), spawnOptions);
		if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr.slice(0, 2000)}`);
		return { seconds: (Date.now() - t0) / 1000, out: JSON.parse(run.stdout) };
	};
	const spawnOptions = {
		env: { ...env, LOG_LEVEL: 'warn' },
		encoding: 'utf8',
		maxBuffer: 1 << 30
	};
	cli(['audit', 'checkpoint']);
	const { seconds, out } = cli(['audit', 'verify']);
	if (!out.ok)
		throw new Error(
			`audit verify found the generated trail broken: ${JSON.stringify(out.firstBroken)}`
		);
	const peakMB = gnuTime ? Number(readFileSync(peakFile, 'utf8').trim()) / 1024 : null;
	if (gnuTime) rmSync(peakFile, { force: true });
	const perMillion = seconds / (out.events / 1e6);
	console.log(
		`  audit verify: ${out.events} events in ${seconds.toFixed(1)} s (${perMillion.toFixed(1)} s per million)` +
			(peakMB ? `, peak memory ${peakMB.toFixed(0)} MB` : '')
	);
	return { events: out.events, seconds, perMillion, peakMB };
}

async function run(options) {
	const result = await autocannon({ url: base, duration: SECONDS, ...options });
	const bad = result.non2xx - (result.statusCodeStats?.['303']?.count ?? 0);
	if (bad || result.errors)
		throw new Error(
			`${bad} non-2xx answers (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`
		);
	return {
		rps: result.requests.average,
		mean: result.latency.mean,
		p50: result.latency.p50,
		p99: result.latency.p99
	};
}

function demoUser(username) {
	return seed.demo.users.find((u) => u.username === username);
}

/** A clerk's POST /verify (303), then the certificate page, for each connection its own clerk. */
function asClerks(clerks) {
	let next = 0;
	return (client) => {
		const { cookie, guarantee } = clerks[next++ % clerks.length];
		const form = new URLSearchParams({
			guaranteeNumber: guarantee.guaranteeNumber,
			authKey: guarantee.authKey,
			purpose: 'contract'
		}).toString();
		client.setRequests([
			{
				method: 'POST',
				path: '/verify',
				body: form,
				headers: {
					cookie,
					origin: base,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				}
			},
			{ method: 'GET', path: `/certificates/${guarantee.id}`, headers: { cookie } }
		]);
	};
}

async function measure(label) {
	console.log(`Measuring on the ${label} database…`);
	const clerks = await Promise.all(
		seed.benchClerks.map(async (clerk) => ({ ...clerk, cookie: await signIn(base, clerk) }))
	);
	const auditor = await signIn(base, demoUser('kansa'));
	const target = seed.guarantees.original;
	const out = {};
	// A few seconds unrecorded first: connections, prepared statements and caches warm up.
	await run({
		connections: 8,
		duration: 3,
		setupClient: asClerks(clerks)
	});
	for (const connections of [1, 8]) {
		if (pgStats) await sql`select pg_stat_statements_reset()`;
		out[`verification, ${connections} clerks`] = await run({
			connections,
			setupClient: asClerks(clerks)
		});
		if (pgStats) {
			console.table(
				await sql`select calls, round(total_exec_time::numeric, 0) as ms,
					round(mean_exec_time::numeric, 3) as mean,
					left(regexp_replace(query, '\s+', ' ', 'g'), 110) as query
					from pg_stat_statements where calls > 20 order by total_exec_time desc limit 10`
			);
			// The certificate page's past views, the query most sensitive to the trail's size.
			const [{ org }] =
				await sql`select organization_id as org from guarantee where id = ${clerks[0].guarantee.id}`;
			const plan = await sql`explain (analyze, buffers) select r.at, r.purpose, u.username
				from (select id, at, purpose, actor_id from audit_event
					where organization_id = ${org}
					and guarantee_id = ${clerks[0].guarantee.id} and action = 'certificate.view' and outcome = 'success'
					order by at desc, id desc limit 50) r
				left join app_user u on u.id::text = r.actor_id order by r.at desc, r.id desc`;
			console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
		}
	}
	// Audit screens as the auditor, one at a time: latency is what the 200 ms target is about.
	const screens = {
		'audit: newest page': '/audit',
		'audit: by outcome (denied)': '/audit?outcome=denied',
		'audit: by action (certificate.print)': '/audit?action=certificate.print',
		'audit: by number': `/audit?guaranteeNumber=${target.guaranteeNumber}`,
		'audit: one day': '/audit?from=2026-01-05&to=2026-01-05',
		'audit: deep page': `/audit?before=${Date.now() - 30 * 86_400_000}-9999999999`
	};
	for (const [name, path] of Object.entries(screens)) {
		out[name] = await run({
			connections: 1,
			duration: Math.max(2, SECONDS / 2),
			requests: [{ method: 'GET', path, headers: { cookie: auditor, accept: 'text/html' } }]
		});
	}
	for (const [name, r] of Object.entries(out)) {
		console.log(`  ${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
	}
	return out;
}

function report() {
	const lines = [
		`| scenario | small: req/s | p50 | p99 | large: req/s | p50 | p99 | mean latency large ÷ small |`,
		`|---|---:|---:|---:|---:|---:|---:|---:|`,
		...Object.keys(results.small).map((name) => {
			const s = results.small[name];
			const l = results.large[name];
			// The mean, not p50: autocannon's percentiles are whole milliseconds, too coarse here.
			const ratio = s.mean ? (l.mean / s.mean).toFixed(2) : '—';
			return `| ${name} | ${s.rps.toFixed(0)} | ${s.p50} | ${s.p99} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${ratio}× |`;
		})
	];
	const text = [
		`Measured ${new Date().toISOString().slice(0, 16)}Z with \`npm run bench:scale -- --guarantees=${GUARANTEES} --events=${EVENTS}\` (${Math.round((Date.now() - started) / 60_000)} min in all, database ${results.size}) on ${machine()}. Latencies in ms.`,
		'',
		...lines,
		'',
		`- \`audit verify\` of the whole trail (checked against a checkpoint just signed): ${results.verify.events.toLocaleString('en')} events in ${results.verify.seconds.toFixed(1)} s, **${results.verify.perMillion.toFixed(1)} s per million events** (the command's whole run: start, migrations check, reading, hashing)${results.verify.peakMB ? `, peak memory ${results.verify.peakMB.toFixed(0)} MB` : ''}`
	].join('\n');
	console.log(`\n${text}\n`);
	if (write) writeReport('scale', text);
}
