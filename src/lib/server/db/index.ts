import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import { acquireOwnerLock } from './owner-lock';

/**
 * One `db` for the whole app. With DATABASE_URL it talks to PostgreSQL through postgres.js;
 * without it, an embedded PGlite in DATA_DIR (or in memory when DATA_DIR is `:memory:`, as the
 * tests do). Nothing outside this folder knows which engine runs.
 */
export type Database = ReturnType<typeof drizzlePglite<typeof schema>>;
/** `db` or one of its transactions: a read that must go with a write (its audit event) takes one. */
export type Executor = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

/**
 * Told of every query drizzle runs (not the plain-SQL `statement`s): no one in the app; a test
 * counts a read's queries, so that a loop reading one row at a time cannot come back unseen.
 */
const queryListeners = new Set<(query: string) => void>();
const logger = { logQuery: (query: string) => queryListeners.forEach((listen) => listen(query)) };
export function onQuery(listener: (query: string) => void): () => void {
	queryListeners.add(listener);
	return () => queryListeners.delete(listener);
}

let instance: Database | undefined;
let close: (() => Promise<void>) | undefined;
let memoryStart: Blob | undefined;

export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function open(): Database {
	const url = process.env.DATABASE_URL;
	if (url) {
		const client = postgres(url, {
			max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
			// Fail fast rather than hang when the server is gone (postgres.js waits 30 s by default).
			connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT_S ?? 3),
			idle_timeout: 60,
			onnotice: () => {},
			connection: {
				statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000),
				application_name: 'kensho'
			}
		});
		close = () => client.end({ timeout: 5 });
		// Both drivers expose the same drizzle API; the cast keeps one type for callers.
		return drizzlePostgres(client, { schema, casing: 'snake_case', logger }) as unknown as Database;
	}
	const dataDir = process.env.DATA_DIR ?? './data';
	let client: PGlite;
	if (dataDir === ':memory:') {
		client = new PGlite(memoryStart && { loadDataDir: memoryStart });
	} else {
		mkdirSync(dataDir, { recursive: true });
		const release = acquireOwnerLock(dataDir);
		client = new PGlite(path.join(dataDir, 'pglite'));
		close = async () => {
			await client.close();
			release();
		};
	}
	close ??= () => client.close();
	return drizzlePglite(client, { schema, casing: 'snake_case', logger });
}

function get(): Database {
	instance ??= open();
	return instance;
}

/**
 * The in-memory database starts as a copy of this dump of a migrated one (`dumpDataDir`), not
 * as an empty cluster: the tests' setup does this for every test file, because creating a
 * cluster costs seconds and loading a dump a fraction of that (testing/global-setup.ts).
 */
export function startMemoryDatabaseFrom(dump: Blob): void {
	memoryStart = dump;
}

/**
 * Opened on first use, not at import: SvelteKit imports server modules while building, and the
 * embedded database must not be opened (and locked) then.
 */
export const db: Database = new Proxy({} as Database, {
	get: (_target, property) => {
		const real = get();
		const value = Reflect.get(real, property, real);
		return typeof value === 'function' ? value.bind(real) : value;
	}
});

/**
 * A query built once per database and reused: for the few queries every request runs (the
 * session lookup, the token lookup, a key attempt's and a certificate page's reads), where
 * building the SQL again each time was a visible share of the CPU.
 */
const preparedQueries = new WeakMap<Database, Map<string, unknown>>();
export function prepared<T>(name: string, build: (db: Database) => T): T {
	const real = get();
	let queries = preparedQueries.get(real);
	if (!queries) preparedQueries.set(real, (queries = new Map()));
	if (!queries.has(name)) queries.set(name, build(real));
	return queries.get(name) as T;
}

/**
 * One statement in plain SQL with `$1`… parameters, prepared by the driver on first use: for
 * the one write every audited request makes (audit.ts), where drizzle's query building was the
 * largest single share of the server's CPU. Rows come back with the columns' SQL names.
 */
export async function statement<Row>(text: string, params: unknown[]): Promise<Row[]> {
	const client = (get() as unknown as { $client: unknown }).$client;
	if (engine === 'postgres') {
		const sql = client as postgres.Sql;
		return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
			prepare: true
		})) as unknown as Row[];
	}
	return (await (client as PGlite).query<Row>(text, params)).rows;
}

/**
 * PostgreSQL only: like `statement`, each row an array of its values' raw bytes (null for NULL),
 * nothing decoded — for `audit verify`, which hashes most of what it reads as it arrives.
 */
export async function rawStatement(text: string, params: unknown[]): Promise<(Buffer | null)[][]> {
	const sql = (get() as unknown as { $client: postgres.Sql }).$client;
	const rows = await sql
		.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })
		.raw();
	return rows as unknown as (Buffer | null)[][];
}

/** The rows of `db.execute` / `tx.execute`: postgres.js returns them, PGlite a `{ rows }`. */
export function rowsOf<Row>(result: unknown): Row[] {
	return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export async function closeDb(): Promise<void> {
	if (!instance) return;
	instance = undefined;
	await close?.();
	close = undefined;
}

/** True when an error means "the database cannot answer now", which we report as 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const { code } = current as { code?: unknown };
		if (typeof code === 'string') {
			if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code))
				return true;
			if (code === 'CONNECT_TIMEOUT' || code === 'CONNECTION_CLOSED' || code === 'CONNECTION_ENDED')
				return true;
			if (code === 'CONNECTION_DESTROYED') return true;
			// 08: connection exception; 57P0x: shutdown; 57014: statement timeout; 53300: too many connections.
			if (/^(08...|57P0.|57014|53300)$/.test(code)) return true;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

/**
 * True when PostgreSQL refused a value itself (SQLSTATE class 22, data exception: a date out of
 * range, a character it cannot store). The schemas refuse such values first; this is the net
 * under them, so that a value they let through is the client's 4xx, not a 500.
 */
export function isDataException(error: unknown): boolean {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
		current = cause;
	}
	return false;
}
