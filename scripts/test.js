// `npm test`: every test, on a fresh machine. It finds (or, as root, installs) what the tests
// need beyond npm — a Chromium for the browser tests, a PostgreSQL server for the second run of
// the database tests — and says plainly what is missing when it cannot.
//
//   1. The issuer API's OpenAPI document, linted by Redocly CLI and Spectral (offline)
//   2. Vitest on the embedded PGlite (always)
//   3. Vitest again on a real PostgreSQL: TEST_DATABASE_URL (with TEST_DATABASE_OWNER_URL and
//      TEST_ADMIN_DATABASE_URL) if given, else a throwaway cluster with the same three roles
//   4. Playwright in Chromium against the production build
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startTempPostgres } from './pg-temp.js';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const results = [];

function run(label, command, args, env = {}) {
	console.log(`\n━━ ${label} ━━`);
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const ok = result.status === 0;
	results.push({ label, ok, seconds: Math.round((Date.now() - started) / 1000) });
	return ok;
}

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

async function playwrightBrowser() {
	try {
		const { chromium } = await import('@playwright/test');
		return existsSync(chromium.executablePath()) ? chromium.executablePath() : null;
	} catch {
		return null;
	}
}

async function ensureChromium() {
	const found = findChromium();
	if (found) return found;
	if (process.getuid?.() === 0) {
		console.log('Chromium not found: installing Debian’s chromium package…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
			stdio: 'inherit',
			env
		});
		if (findChromium()) return findChromium();
	}
	if (await playwrightBrowser()) return 'playwright';
	console.log('Trying Playwright’s own Chromium download…');
	spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
	return (await playwrightBrowser()) ? 'playwright' : null;
}

/** pdftoppm (Debian's poppler-utils) rasterises the notice PDFs whose QR codes the tests read. */
function ensurePdftoppm() {
	const found = () =>
		spawnSync('sh', ['-c', 'command -v pdftoppm'], { stdio: 'ignore' }).status === 0;
	if (found()) return true;
	if (process.getuid?.() === 0) {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const args = ['install', '-y', '-qq', '--no-install-recommends', 'poppler-utils'];
		spawnSync('apt-get', args, { stdio: 'inherit', env });
	}
	if (!found()) {
		console.log(
			'\nMISSING: pdftoppm. Install Debian’s `poppler-utils` package: the notice PDF tests need it.'
		);
	}
	return found();
}

/**
 * The document as the source makes it (scripts/openapi.ts), linted by two independent tools with
 * their recommended rules; any finding fails, a warning or a hint as much as an error. Both run
 * offline; Redocly's telemetry is off (here and in redocly.yaml).
 */
function lintOpenApi() {
	const dir = 'tests/.tmp/openapi';
	const tools = ['redocly', 'spectral', 'tsx'];
	const missing = tools.filter((tool) => !existsSync(`node_modules/.bin/${tool}`));
	if (missing.length) {
		console.log(`\nMISSING: ${missing.join(', ')} in node_modules/.bin. Run \`npm ci\` first.`);
		results.push({ label: 'OpenAPI lint (tools not installed)', ok: false, seconds: 0 });
		return;
	}
	if (!run('OpenAPI document (scripts/openapi.ts)', 'npx', ['tsx', 'scripts/openapi.ts', dir]))
		return;
	const file = `${dir}/openapi.json`;
	run('OpenAPI lint: Redocly CLI, recommended rules', 'npx', ['redocly', 'lint', file], {
		REDOCLY_TELEMETRY: 'off',
		REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true'
	});
	run('OpenAPI lint: Spectral, spectral:oas', 'npx', [
		'spectral',
		'lint',
		'--fail-severity=hint',
		file
	]);
}

lintOpenApi();

const { DATABASE_URL: _ignored, ...withoutDatabase } = process.env;
process.env = withoutDatabase;

run('Unit and database tests on embedded PGlite', 'npx', ['vitest', 'run']);

const givenUrl = process.env.TEST_DATABASE_URL;
const temp = givenUrl
	? null
	: await startTempPostgres().catch((error) => {
			console.log(`Could not start a PostgreSQL server: ${error.message}`);
			return null;
		});
const pgUrl = givenUrl ?? temp?.url;
if (pgUrl) {
	// Two roles, as in production: the schema's owner migrates, the app's role works (README);
	// the superuser is for the tests that tamper with the trail as an attacker would.
	run('Database tests on PostgreSQL', 'npx', ['vitest', 'run', '--project', 'server'], {
		DATABASE_URL: pgUrl,
		DATABASE_OWNER_URL: (givenUrl ? process.env.TEST_DATABASE_OWNER_URL : temp?.ownerUrl) ?? '',
		TEST_ADMIN_DATABASE_URL: (givenUrl ? process.env.TEST_ADMIN_DATABASE_URL : temp?.adminUrl) ?? ''
	});
} else {
	console.log(
		'\nMISSING: no PostgreSQL server. Install Debian’s `postgresql` package (or run as root to let ' +
			'this script install it), or set TEST_DATABASE_URL. The database tests ran on PGlite only.'
	);
	results.push({ label: 'Database tests on PostgreSQL (no server found)', ok: false, seconds: 0 });
}
temp?.remove();

ensurePdftoppm();
const chromium = await ensureChromium();
if (chromium) {
	const env =
		chromium === 'playwright' ? { CHROMIUM_PATH: '/nonexistent' } : { CHROMIUM_PATH: chromium };
	if (run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
		run('Browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], env);
	}
} else {
	console.log(
		'\nMISSING: no Chromium. Install Debian’s `chromium` package (or run as root to let this ' +
			'script install it), set CHROMIUM_PATH, or run `npx playwright install chromium` where ' +
			'that download is reachable.'
	);
	results.push({ label: 'Browser tests (no Chromium found)', ok: false, seconds: 0 });
}

console.log('\n━━ Summary ━━');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.label} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
