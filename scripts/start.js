// `npm start`: build the portal if the build is missing or older than the source, load the demo
// data into the embedded database (idempotent), print the demo sign-ins, then serve.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
}

function run(command, args, env = process.env) {
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const built = 'build/handler.js';
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const sourceTime = Math.max(
	...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs))
);
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
	console.log('Building the portal…');
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const env = { ...process.env, PORT: port, HOST: host };
env.ORIGIN ??= `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
// adapter-node's own cap (default 512K); the issuer API enforces 256 KiB (8 MiB for a batch) itself.
env.BODY_SIZE_LIMIT ??= '9M';

if (!process.env.DATABASE_URL && process.env.KENSHO_DEMO !== '0') {
	run('npx', ['tsx', 'src/cli/main.ts', 'demo'], env);
}

console.log(`\nKensho is running at ${env.ORIGIN}  (Ctrl+C to stop)\n`);
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
// Ctrl+C or a SIGTERM to `npm start` reaches the server, which finishes its requests, closes the
// database and exits (src/lib/server/http/shutdown.ts); this process then exits as it did. In a
// terminal the server gets Ctrl+C's SIGINT itself too: a second signal changes nothing there.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// Killed by a signal (no code): the shell's convention, 128 + the signal's number.
server.on('exit', (code, signal) =>
	process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 1))
);
