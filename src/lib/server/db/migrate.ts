import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { db, engine } from './index';

/** The committed drizzle-kit output, found from the source tree or from the built server. */
function migrationsFolder(): string {
	const candidates = [
		process.env.MIGRATIONS_DIR,
		path.resolve('drizzle'),
		fileURLToPath(new URL('../../../../drizzle', import.meta.url))
	];
	const found = candidates.find(
		(dir) => dir && existsSync(path.join(dir, 'meta', '_journal.json'))
	);
	if (!found) throw new Error('drizzle/ migrations folder not found (set MIGRATIONS_DIR)');
	return found;
}

let done: Promise<void> | undefined;

/**
 * Applies pending migrations once per process. On PostgreSQL an advisory lock keeps several
 * instances starting together from racing each other.
 */
export function migrate(): Promise<void> {
	done ??= (async () => {
		const folder = migrationsFolder();
		if (engine === 'postgres') {
			// One dedicated connection, so the session-level advisory lock covers the whole run.
			const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
			try {
				await client`select pg_advisory_lock(4242001)`;
				await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
			} finally {
				await client.end({ timeout: 5 });
			}
		} else {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			await migratePglite(db as any, { migrationsFolder: folder });
		}
	})();
	return done;
}
