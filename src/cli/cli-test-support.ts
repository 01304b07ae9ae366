import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from './run';

/** What an operator sees of one command: its exit code and what it printed. */
function seen(status: number | null, stdout: string, stderr: string) {
	const out = stdout.trim();
	return { status, stdout: out, stderr, json: () => JSON.parse(out.split('\n').at(-1)!) };
}

/**
 * One CLI command line run in this process (run.ts) on the calling test file's database, with
 * `input` as its standard input: the same exit code and output the operator's process gives,
 * without starting one (each start costs seconds). main.ts, the process around it, is
 * tested by spawnCli in cli-process.test.ts.
 */
export async function cli(args: string[], input = '') {
	let stdout = '';
	let stderr = '';
	const status = await runCli(args, {
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
		stdin: () => input
	});
	return seen(status, stdout, stderr);
}

/** The CLI as an operator starts it (`npm run cli` is `tsx src/cli/main.ts`), in `env`. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
	const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env }
	});
	return seen(result.status, result.stdout, result.stderr);
}

/** A folder of the calling test file, for files the CLI reads (or its own DATA_DIR). */
export function tempDir(prefix: string): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}
