import type { OperatorCaller } from '../lib/server/identity/caller';
import { localContext } from '../lib/server/identity/request-context';

/** What every operator command shares: its shape, who it acts as, and option checks. */
export class UsageError extends Error {}

export interface Output {
	json: unknown;
	text: string;
	/** 1 when the command ran but found a problem (a broken audit chain); the text goes to stderr. */
	exitCode?: number;
}

type Options = Record<string, { type: 'string' | 'boolean' }>;
export type Values = Record<string, string | boolean | undefined>;

/** Where a command reads and writes: the process's own streams, or a test's strings. */
export interface Io {
	stdout: { write(text: string): unknown };
	stderr: { write(text: string): unknown };
	/** All of standard input; read only by a command that takes it (`--password-stdin`). */
	stdin(): string;
}

export interface Command {
	usage: string;
	options: Options;
	run(values: Values, io: Io): Promise<Output>;
}

/** The CLI's caller: the operator at this terminal, one request context per process. */
export const operator: OperatorCaller = {
	kind: 'operator',
	label: `cli:${process.env.USER ?? process.env.LOGNAME ?? 'operator'}`,
	context: localContext('cli')
};

export function required(values: Values, name: string): string {
	const value = values[name];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new UsageError(`--${name} is required`);
	}
	return value.trim();
}
