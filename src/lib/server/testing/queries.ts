import { onQuery } from '../db';

/** The SQL of every query drizzle ran while `run` ran, with its result (for N+1 tests). */
export async function queriesOf<T>(
	run: () => Promise<T>
): Promise<{ result: T; queries: string[] }> {
	const queries: string[] = [];
	const stop = onQuery((query) => queries.push(query));
	try {
		return { result: await run(), queries };
	} finally {
		stop();
	}
}
