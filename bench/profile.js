// `node bench/profile.js [--engine=pglite] [--seconds=10] [--page=verify|certificate|healthz|minimal]`:
// where a signed-in page's server time goes. Starts the built portal under `node --cpu-prof`
// (on a throwaway PostgreSQL, or on an embedded PGlite with --engine=pglite), loads one page
// with 8 clients, stops the server and reads its CPU profile: the server's own CPU time per
// request, split by where it was spent (self time of each function, grouped by file), in µs.
// docs/PERFORMANCE.md "Where a request's time goes" is made from its output.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
	buildDir,
	prepareBench,
	preparePglite,
	signIn,
	startMinimalKit,
	startServer
} from './setup.js';

const arg = (name, fallback) =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const engine = arg('engine', 'postgres');
const seconds = Number(arg('seconds', 10));
const pageName = arg('page', 'verify');
const top = Number(arg('top', 30));
const PORT = Number(arg('port', 4392));
const profDir = mkdtempSync(path.join(os.tmpdir(), 'kensho-prof-'));

const { pg, env, seed } = await prepare();
const profiling = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
// --page=minimal profiles bench/minimal (SvelteKit, no hooks, one SELECT) on the same database.
const MINIMAL_PORT = PORT + 1;
const server =
	pageName === 'minimal'
		? await startMinimalKit(pg.url, MINIMAL_PORT, profiling)
		: await startServer(env, profiling);
let served = 0;
let cpu = 0;
// The measured load's start and end on the monotonic clock V8's profile timestamps use (µs).
const window = { start: 0, end: Infinity };
try {
	const base = pageName === 'minimal' ? `http://127.0.0.1:${MINIMAL_PORT}` : env.ORIGIN;
	// The minimal app has no sign-in: it reads a cookie only to send one, as the portal's clerks do.
	const cookie =
		pageName === 'minimal'
			? 'session=minimal'
			: await signIn(
					base,
					seed.demo.users.find((u) => u.username === 'tanaka')
				);
	const paths = {
		verify: '/verify',
		certificate: `/certificates/${seed.guarantees.original.id}`,
		healthz: '/healthz',
		minimal: '/'
	};
	const headers = pageName === 'healthz' ? {} : { cookie, accept: 'text/html' };
	// The certificate page shows a certificate only once its key was presented: present it.
	if (pageName === 'certificate') {
		const { guaranteeNumber, authKey } = seed.guarantees.original;
		const presented = await fetch(`${base}/verify`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				...headers,
				origin: base,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ guaranteeNumber, authKey, purpose: 'contract' })
		});
		if (presented.status !== 303)
			throw new Error(`presenting the key answered ${presented.status}`);
	}
	// A short warm-up, so the profile shows the steady state rather than the JIT's first minutes.
	await autocannon({
		url: base,
		connections: 8,
		duration: 2,
		requests: [{ path: paths[pageName], headers }]
	});
	const cpuBefore = cpuMicros(server.pid);
	window.start = Number(process.hrtime.bigint() / 1000n);
	const result = await autocannon({
		url: base,
		connections: 8,
		duration: seconds,
		requests: [{ path: paths[pageName], headers }]
	});
	cpu = cpuMicros(server.pid) - cpuBefore;
	window.end = Number(process.hrtime.bigint() / 1000n);
	served = result.requests.total;
	console.log(
		`${pageName} on ${engine}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`
	);
	if (result.non2xx)
		throw new Error('the page did not answer 200: the profile would be of an error page');
} finally {
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	pg?.remove();
}
summarise(served, cpu);
// --keep leaves the .cpuprofile for a flame graph (Chrome DevTools, speedscope).
if (process.argv.includes('--keep')) console.log(`\nprofile kept in ${profDir}`);
else rmSync(profDir, { recursive: true, force: true });

async function prepare() {
	if (engine === 'postgres') return prepareBench({ port: PORT });
	if (!existsSync(`${buildDir}/handler.js`)) throw new Error(`no build in ${buildDir}`);
	const { env, seed, remove } = preparePglite({ port: PORT });
	return { pg: { remove }, env, seed };
}

/**
 * The server's CPU time (user + system) so far, in µs, from /proc: on a machine shared with
 * other work the profile's sample intervals are wall time, so its shares are scaled to this.
 */
function cpuMicros(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks / 100) * 1e6;
}

/**
 * Self time per function and per file from the .cpuprofile, as µs of CPU per request: each
 * one's share of the busy samples taken during the measured load, times the CPU time measured
 * over the same load.
 */
function summarise(requests, cpu) {
	const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
	const profile = JSON.parse(readFileSync(path.join(profDir, file), 'utf8'));
	const self = new Map();
	profile.samples.forEach((id, i) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
	);
	const byFunction = new Map();
	const byFile = new Map();
	let busy = 0;
	for (const node of profile.nodes) {
		const us = self.get(node.id) ?? 0;
		const { functionName, url, lineNumber } = node.callFrame;
		if (functionName === '(idle)') continue;
		busy += us;
		const where = shortUrl(url);
		const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
		byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
		byFile.set(where || functionName, (byFile.get(where || functionName) ?? 0) + us);
	}
	const perRequest = cpu / requests;
	const per = (us) => ((us / busy) * perRequest).toFixed(1).padStart(7);
	console.log(`\n${requests} requests; server CPU ${perRequest.toFixed(0)} µs per request\n`);
	console.log('µs/request  by file');
	for (const [where, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top))
		console.log(`${per(us)}  ${where}`);
	console.log('\nµs/request  by function (self time)');
	for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
		console.log(`${per(us)}  ${fn}`);
}

function shortUrl(url) {
	if (!url) return '';
	const modules = url.lastIndexOf('node_modules/');
	if (modules >= 0) return url.slice(modules + 13);
	return url.replace(/^file:\/\/.*?\/(build[^/]*)\//, '$1/');
}
