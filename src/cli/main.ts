import { readFileSync } from 'node:fs';
import { closeDb } from '../lib/server/db';
import { runCli } from './run';

/** `npm run cli -- <command> [options]`: the operator CLI (run.ts) on this process's streams. */
try {
	process.exitCode = await runCli(process.argv.slice(2), {
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: () => readFileSync(0, 'utf8')
	});
} finally {
	await closeDb().catch(() => {});
}
