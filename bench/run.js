// `npm run bench [-- --quick] [-- --write]`: the portal's speed, measured against a floor in
// the same run, on a real PostgreSQL (a throwaway cluster on loopback).
//
//   verification path  POST /verify (303) then GET /certificates/{id}, audit rows included,
//                      as 1, 8 and 32 concurrent clerks — and the same two requests served by
//                      a bare node:http + postgres.js floor doing the same SELECTs and audit
//                      INSERTs (no framework, no session, no hash chain): our figure ÷ floor's;
//                      then the framework's ceiling (/healthz, and the signed-in /verify form
//                      page) ÷ the same floor, which bounds what any page can reach.
//   ingest             single POST /api/v1/certificates; batches of 1,000, unsigned and signed
//   audit              the /audit screen and the CSV export
//
// --write puts the table into docs/PERFORMANCE.md. Only loopback is ever contacted.
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import { CompactSign, importJWK } from 'jose';
import postgres from 'postgres';
import {
	machine,
	prepareBench,
	preparePglite,
	signIn,
	startMinimalKit,
	startServer,
	writeReport
} from './setup.js';

const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
// --only=verification|ceiling|ingest|audit runs one group (for profiling); BENCH_NODE_ARGS (e.g.
// `--cpu-prof --cpu-prof-dir=bench/.prof`) goes to the server's node.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const runs = (group) => !only || only === group;
const seconds = quick ? 4 : 12;
const PORT = 4390;
const FLOOR_PORT = 4391;
const MINIMAL_PORT = 4393;
const PGLITE_PORT = 4394;
const base = `http://127.0.0.1:${PORT}`;
const rows = [];
const started = Date.now();

// --pg-stats: print the statements that cost the database most (pg_stat_statements).
const pgStats = process.argv.includes('--pg-stats');
const { pg, env, seed } = await prepareBench({
	port: PORT,
	pgStats,
	env: {
		ISSUER_RATE_LIMIT: '10000000/60',
		DATABASE_POOL_SIZE: '10',
		// Batches of 1,000 run up to ~600 KB; the API itself enforces 256 KiB and 8 MiB.
		BODY_SIZE_LIMIT: '9M'
	}
});
const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

const floor = await startFloor();
const server = await startServer(env, nodeArgs);

try {
	const cookie = await signIn(
		base,
		seed.demo.users.find((u) => u.username === 'tanaka')
	);
	const auditor = await signIn(
		base,
		seed.demo.users.find((u) => u.username === 'kansa')
	);
	const target = seed.guarantees.original;
	const verifyRequests = (url, headers, guarantee = target) => [
		{
			method: 'POST',
			path: '/verify',
			body: new URLSearchParams({
				guaranteeNumber: guarantee.guaranteeNumber,
				authKey: guarantee.authKey,
				purpose: 'contract'
			}).toString(),
			headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', origin: url }
		},
		{ method: 'GET', path: `/certificates/${guarantee.id}`, headers }
	];
	// Each connection is a clerk of their own, verifying a guarantee of their organisation.
	const clerks = await Promise.all(
		seed.benchClerks.map(async (clerk) => ({ ...clerk, cookie: await signIn(base, clerk) }))
	);
	const asClerks = () => {
		let next = 0;
		return (client) => {
			const clerk = clerks[next++ % clerks.length];
			client.setRequests(
				verifyRequests(base, { cookie: clerk.cookie, accept: 'text/html' }, clerk.guarantee)
			);
		};
	};
	let floor8;
	let verifyOnPostgres;
	for (const connections of runs('verification') ? [1, 8, 32] : []) {
		const ours = await load(`verification, ${connections} clerks`, {
			url: base,
			connections,
			requests: verifyRequests(base, { accept: 'text/html' }),
			setupClient: asClerks()
		});
		const bare = await load(`floor, ${connections} clients`, {
			url: `http://127.0.0.1:${FLOOR_PORT}`,
			connections,
			requests: verifyRequests(`http://127.0.0.1:${FLOOR_PORT}`, {})
		});
		ours.ratio = ours.rps / bare.rps;
		if (connections === 8) floor8 = bare;
	}
	// The framework's own ceiling, for reading the ratio above: the same server answering
	// without the verification's work. No page of the portal can be faster than these.
	// --only=ceiling measures these rows with their floor alone (for profiling).
	if (!floor8 && only === 'ceiling') {
		floor8 = await load('floor, 8 clients', {
			url: `http://127.0.0.1:${FLOOR_PORT}`,
			connections: 8,
			requests: verifyRequests(`http://127.0.0.1:${FLOOR_PORT}`, {})
		});
	}
	if (floor8) {
		// The certificate page shows a certificate only once its key was presented here.
		const presented = await fetch(`${base}/verify`, {
			...verifyRequests(base, { cookie, accept: 'text/html' })[0],
			redirect: 'manual'
		});
		if (presented.status !== 303)
			throw new Error(`presenting the key answered ${presented.status}`);
		const signedIn = { cookie, accept: 'text/html' };
		const ceilings = [
			['ceiling: GET /healthz (SvelteKit, no page, no database), 8 clients', '/healthz', {}],
			[
				'ceiling: GET /verify signed in (session + the smallest clerk page, no write), 8 clerks',
				'/verify',
				signedIn
			],
			[
				'ceiling: GET /certificates/{id} signed in (the certificate page, its view audited), 8 clerks',
				`/certificates/${target.id}`,
				signedIn
			]
		];
		for (const [name, path, headers] of ceilings) {
			const row = await load(name, { url: base, connections: 8, requests: [{ path, headers }] });
			row.ratio = row.rps / floor8.rps;
			if (path === '/verify') verifyOnPostgres = row;
		}
		// The stack's own limit (issue 16): SvelteKit with no hooks, one page with one SELECT.
		const minimal = await startMinimalKit(pg.url, MINIMAL_PORT);
		try {
			const row = await load(
				'stack: a minimal SvelteKit page (no hooks, one SELECT, same CSP), 8 clients',
				{
					url: `http://127.0.0.1:${MINIMAL_PORT}`,
					connections: 8,
					requests: [{ path: '/', headers: { cookie } }]
				}
			);
			row.ratio = row.rps / floor8.rps;
		} finally {
			minimal.kill('SIGTERM');
			await new Promise((resolve) => minimal.once('exit', resolve));
		}
		// The embedded engine, what `npm start` gives a newcomer: the same page on PGlite.
		const embedded = preparePglite({ port: PGLITE_PORT });
		const server = await startServer(embedded.env);
		try {
			const url = embedded.env.ORIGIN;
			const clerk = await signIn(
				url,
				embedded.seed.demo.users.find((u) => u.username === 'tanaka')
			);
			const row = await load('PGlite: GET /verify signed in, 8 clerks', {
				url,
				connections: 8,
				requests: [{ path: '/verify', headers: { cookie: clerk, accept: 'text/html' } }]
			});
			row.ratio = row.rps / floor8.rps;
			row.note = `PostgreSQL ÷ PGlite ${(verifyOnPostgres.rps / row.rps).toFixed(2)}×`;
		} finally {
			server.kill('SIGTERM');
			await new Promise((resolve) => server.once('exit', resolve));
			embedded.remove();
		}
	}

	const token = seed.issuers.a.token;
	let n = 0;
	const body = () => certificateBody(`BENCH-${process.pid}-${n++}`);
	if (runs('ingest'))
		await load('ingest, single POST, 8 clients', {
			url: base,
			connections: 8,
			requests: [
				{
					method: 'POST',
					path: '/api/v1/certificates',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) })
				}
			]
		});
	const key = await importJWK(seed.issuers.privateJwk, 'EdDSA');
	for (const signed of runs('ingest') ? [false, true] : []) {
		const rounds = quick ? 2 : 5;
		const t0 = performance.now();
		for (let round = 0; round < rounds; round++) {
			const items = await Promise.all(
				Array.from({ length: 1000 }, async () => {
					const item = body();
					if (!signed) return item;
					const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(item)))
						.setProtectedHeader({ alg: 'EdDSA', kid: seed.issuers.a.kid })
						.sign(key);
					return { jws };
				})
			);
			const response = await fetch(`${base}/api/v1/certificates/batch`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ items })
			});
			const result = await response.json();
			const created = result.results.filter((r) => r.status === 201).length;
			if (created !== 1000) throw new Error(`batch created ${created} of 1000`);
		}
		const itemsPerSecond = (rounds * 1000) / ((performance.now() - t0) / 1000);
		rows.push({ name: `ingest, batch of 1,000 ${signed ? 'signed' : 'unsigned'}`, itemsPerSecond });
	}

	if (runs('audit')) {
		await load('audit screen (auditor), 8 clients', {
			url: base,
			connections: 8,
			requests: [
				{ method: 'GET', path: '/audit', headers: { cookie: auditor, accept: 'text/html' } }
			]
		});
		const t0 = performance.now();
		const csv = await (
			await fetch(`${base}/audit/export.csv`, { headers: { cookie: auditor } })
		).text();
		rows.push({
			name: `audit CSV export (${csv.split('\r\n').length - 2} events)`,
			ms: performance.now() - t0
		});
	}
	if (pgStats) {
		const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
		const top = await admin`select calls, round(total_exec_time::numeric, 0) as ms,
			round(mean_exec_time::numeric, 3) as mean, left(regexp_replace(query, '\s+', ' ', 'g'), 150) as query
			from pg_stat_statements order by total_exec_time desc limit 25`;
		console.table(top);
		await admin.end();
	}
} finally {
	server.kill('SIGTERM');
	floor.close();
	pg.remove();
}

report();

// ── helpers ────────────────────────────────────────────────────────────────

async function load(name, options) {
	const result = await autocannon({ duration: seconds, ...options });
	const errors = result.non2xx - countRedirects(result) + result.errors + result.timeouts;
	const row = {
		name,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors
	};
	rows.push(row);
	console.log(`${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms`);
	return row;
}

/** A 303 is the verify form's success: not an error. */
function countRedirects(result) {
	return result.statusCodeStats?.['303']?.count ?? 0;
}

function certificateBody(number) {
	return {
		kind: 'advance_payment',
		guaranteeNumber: number,
		issuedOn: '2026-07-04',
		orderer: { code: '124249', name: '白子町長' },
		contractor: {
			name: '株式会社白子建設',
			address: '千葉県長生郡白子町古所1234',
			representative: '代表 白子 太郎'
		},
		works: {
			name: '町道舗装修繕工事',
			location: '白子町古所地内',
			contractAmount: 38500000,
			startOn: '2026-07-01',
			endOn: '2027-02-26'
		},
		guarantee: {
			amount: 15400000,
			advancePaymentAmount: 15400000,
			startOn: '2026-07-04',
			endOn: '2027-02-26'
		}
	};
}

/**
 * The floor: the same database work per request as our two requests — look the guarantee up
 * by number, read its latest certificate, insert an audit row — with nothing else around it.
 */
async function startFloor() {
	const sql = postgres(pg.adminUrl, { max: 10, onnotice: () => {} });
	// A table like audit_event with its indexes, without the trail's trigger and lanes: a plain row.
	await sql`create table bench_floor_event (like audit_event including all)`;
	const target = seed.guarantees.original;
	const audit = (action, guaranteeId) =>
		sql`insert into bench_floor_event (chain, seq, prev_hash, hash, at, actor_type, action, outcome, guarantee_id)
			values (${`floor:${crypto.randomUUID()}`}, 1, '', '', now(), 'floor', ${action}, 'success', ${guaranteeId})`;
	const floorServer = http.createServer((request, response) =>
		serve(request, response).catch((error) => {
			// autocannon drops its connections at the end of a run: not the floor's fault.
			if (error.code !== 'ECONNRESET') console.error(error);
			if (!response.headersSent) response.writeHead(500).end();
		})
	);
	async function serve(request, response) {
		const [g] =
			await sql`select id, auth_key_hash from guarantee where guarantee_number = ${target.guaranteeNumber}`;
		if (request.method === 'POST') {
			for await (const _chunk of request);
			await audit('key.attempt', g.id);
			response.writeHead(303, { location: `/certificates/${g.id}` }).end();
			return;
		}
		const [v] =
			await sql`select * from certificate_version where guarantee_id = ${g.id} order by version desc limit 1`;
		await audit('certificate.view', g.id);
		response.writeHead(200, { 'content-type': 'text/html' }).end(`<h1>${v.works_name}</h1>`);
	}
	floorServer.listen(FLOOR_PORT, '127.0.0.1');
	return { close: () => (floorServer.close(), sql.end()) };
}

function report() {
	const lines = [
		`| scenario | req/s | p50 ms | p99 ms | vs floor | errors | note |`,
		`|---|---:|---:|---:|---:|---:|---|`,
		...rows
			.filter((r) => r.rps !== undefined)
			.map(
				(r) =>
					`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ratio ? `${(r.ratio * 100).toFixed(0)} %` : ''} | ${r.errors} | ${r.note ?? ''} |`
			),
		'',
		...rows
			.filter((r) => r.itemsPerSecond !== undefined)
			.map((r) => `- ${r.name}: **${r.itemsPerSecond.toFixed(0)} items/s**`),
		...rows.filter((r) => r.ms !== undefined).map((r) => `- ${r.name}: ${r.ms.toFixed(0)} ms`)
	];
	const where = `${machine()}, load average before the run ${os.loadavg()[0].toFixed(1)}`;
	const text = [
		`Measured ${new Date().toISOString().slice(0, 16)}Z with \`npm run bench${quick ? ' -- --quick' : ''}\` (${seconds} s per scenario, ${Math.round((Date.now() - started) / 1000)} s in all) on ${where}. Server, database, floor and load generator share the same cores.`,
		'',
		...lines
	].join('\n');
	console.log(`\n${text}\n`);
	if (write) writeReport('bench', text);
}
