import { parseArgs } from 'node:util';
import { DatabaseInUseError } from '../lib/server/db/owner-lock';
import { migrate } from '../lib/server/db/migrate';
import { UsageError, type Io, type Output } from './cli-support';
import { commands } from './commands';

/**
 * The operator CLI (shared/API.md §2) without its process: one command line in, its output
 * written to `io`, the exit code returned — 0 on success, 1 on failure, 2 on bad usage; `--json`
 * prints one JSON object on stdout. main.ts runs it for `npm run cli`; the tests call it directly,
 * on the database the test file already has open (it is left open: the caller closes it).
 */
const USAGE = `Usage: npm run cli -- <command> [options] [--json]

Commands:
${Object.entries(commands)
	.map(([name, command]) => `  ${name.padEnd(22)} ${command.usage}`)
	.join('\n')}
`;

export async function runCli(argv: string[], io: Io): Promise<number> {
	const words = argv.filter((arg) => !arg.startsWith('-'));
	const name = [words.slice(0, 2).join(' '), words[0]].find((candidate) => candidate in commands);
	if (!name) {
		io.stderr.write(USAGE);
		return 2;
	}
	const command = commands[name];
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv.slice(name.split(' ').length),
			options: { json: { type: 'boolean' }, ...command.options },
			strict: true
		}));
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
		return 2;
	}
	const json = Boolean(values.json);
	try {
		await migrate();
		const output: Output = await command.run(values, io);
		const failed = (output.exitCode ?? 0) !== 0;
		if (json) io.stdout.write(`${JSON.stringify(output.json)}\n`);
		if (!json || failed) (failed ? io.stderr : io.stdout).write(`${output.text}\n`);
		return output.exitCode ?? 0;
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr.write(`${error.message}\n\n${USAGE}`);
			return 2;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.stderr.write(json ? `${JSON.stringify({ error: message })}\n` : `Error: ${message}\n`);
		if (!(error instanceof DatabaseInUseError) && process.env.DEBUG) {
			io.stderr.write(`${(error as Error)?.stack ?? error}\n`);
		}
		return 1;
	}
}
