import postgres from 'postgres';
import { engine, statement } from '../db';

/**
 * The attacker with every power over the database, for the tests that tamper with the trail:
 * on PGlite the one role it has; on PostgreSQL a superuser connection to the tests' database,
 * TEST_ADMIN_DATABASE_URL (`npm test` and .ci/run set it; the app's own role cannot do this).
 */
export const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
export const noSuperuser =
	engine === 'postgres' && !adminUrl
		? 'needs TEST_ADMIN_DATABASE_URL (a superuser of the test database) on PostgreSQL'
		: null;

type Run = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;

/**
 * Runs `work` in one transaction of the superuser: a trigger it switches off and on again is never
 * seen off by anyone else (other test files share the PostgreSQL database).
 */
export async function asSuperuser<T>(work: (run: Run) => Promise<T>): Promise<T> {
	if (engine !== 'postgres') {
		const run: Run = (text, params = []) => statement(text, params);
		await run('begin');
		try {
			const result = await work(run);
			await run('commit');
			return result;
		} catch (error) {
			await run('rollback');
			throw error;
		}
	}
	const sql = postgres(adminUrl!, { max: 1, onnotice: () => {} });
	try {
		return (await sql.begin((tx) =>
			work(async <Row>(text: string, params: unknown[] = []) => {
				const rows = await tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
				return rows as unknown as Row[];
			})
		)) as T;
	} finally {
		await sql.end();
	}
}
