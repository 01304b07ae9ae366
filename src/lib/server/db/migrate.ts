import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { log } from '../common/log';
import { db, engine } from './index';
import { grantAppRole, roleOf } from './roles';

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

const ONE_ROLE_WARNING =
	'DATABASE_OWNER_URL is not set: the portal applies migrations and works as one role, which ' +
	'owns the audit tables and could switch their triggers off. Give the schema to an owner role ' +
	'and set DATABASE_OWNER_URL (README, "Production with PostgreSQL").';

/**
 * On PostgreSQL: the migrations, through DATABASE_OWNER_URL when set, then the grants that let
 * the role of DATABASE_URL do its work and no more (roles.ts). One dedicated connection, so the
 * session-level advisory lock keeps several instances starting together from racing each other.
 */
async function migrateServer(folder: string) {
	const appUrl = process.env.DATABASE_URL!;
	const ownerUrl = process.env.DATABASE_OWNER_URL || appUrl;
	const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
	try {
		await owner`select pg_advisory_lock(4242001)`;
		await migratePostgres(drizzlePostgres(owner), { migrationsFolder: folder });
		const app = postgres(appUrl, { max: 1, onnotice: () => {} });
		const appRole = await roleOf(app).finally(() => app.end({ timeout: 5 }));
		if (appRole === (await roleOf(owner))) log.warn(ONE_ROLE_WARNING);
		else await grantAppRole(owner, appRole);
	} finally {
		await owner.end({ timeout: 5 });
	}
}

let done: Promise<void> | undefined;

/** Applies pending migrations once per process (and, on PostgreSQL, the app role's grants). */
export function migrate(): Promise<void> {
	done ??= (async () => {
		const folder = migrationsFolder();
		if (engine === 'postgres') {
			await migrateServer(folder);
		} else {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			await migratePglite(db as any, { migrationsFolder: folder });
		}
	})();
	return done;
}
