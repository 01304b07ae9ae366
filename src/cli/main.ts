import { parseArgs } from 'node:util';
import { closeDb } from '../lib/server/db';
import { DatabaseInUseError } from '../lib/server/db/owner-lock';
import { migrate } from '../lib/server/db/migrate';
import { UsageError, type Output } from './cli-support';
import { commands } from './commands';

/**
 * The operator CLI (shared/API.md §2): `npm run cli -- <command> [options]`.
 * Exit 0 on success, 1 on failure, 2 on bad usage; `--json` prints one JSON object on stdout.
 */
const USAGE = `Usage: npm run cli -- <command> [options] [--json]

Commands:
${Object.entries(commands)
	.map(([name, command]) => `  ${name.padEnd(22)} ${command.usage}`)
	.join('\n')}
`;

async function main(argv: string[]): Promise<number> {
	const words = argv.filter((arg) => !arg.startsWith('-'));
	const name = [words.slice(0, 2).join(' '), words[0]].find((candidate) => candidate in commands);
	if (!name) {
		process.stderr.write(USAGE);
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
		process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
		return 2;
	}
	const json = Boolean(values.json);
	try {
		await migrate();
		const output: Output = await command.run(values);
		const failed = (output.exitCode ?? 0) !== 0;
		if (json) process.stdout.write(`${JSON.stringify(output.json)}\n`);
		if (!json || failed) (failed ? process.stderr : process.stdout).write(`${output.text}\n`);
		return output.exitCode ?? 0;
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`${error.message}\n\n${USAGE}`);
			return 2;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(json ? `${JSON.stringify({ error: message })}\n` : `Error: ${message}\n`);
		if (!(error instanceof DatabaseInUseError) && process.env.DEBUG) console.error(error);
		return 1;
	} finally {
		await closeDb().catch(() => {});
	}
}

process.exitCode = await main(process.argv.slice(2));
