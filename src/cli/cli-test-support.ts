import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * The operator CLI as an operator runs it: a separate process, on the embedded database in a
 * fresh DATA_DIR of the calling test file (or the PostgreSQL of DATABASE_URL when the suite runs
 * there). Returns the runner and the folder (for files the CLI reads).
 */
export function cliRunner(prefix: string) {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
	function cli(args: string[], input?: string) {
		const result = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
			input,
			encoding: 'utf8',
			env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'silent' }
		});
		const stdout = result.stdout.trim();
		return {
			status: result.status,
			stdout,
			stderr: result.stderr,
			json: () => JSON.parse(stdout.split('\n').at(-1)!)
		};
	}
	return { cli, dataDir };
}
