import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db, engine } from '.';

/** One `db`, two engines (index.ts): the one the environment names is the one that answers. */
it(`runs on ${engine}: the PostgreSQL of DATABASE_URL when set, else the embedded PGlite`, async () => {
	const result = await db.execute<{ version: string; database: string }>(
		sql`select version() as version, current_database() as database`
	);
	// postgres.js answers the rows themselves, PGlite an object holding them.
	const [row] = Array.isArray(result) ? result : result.rows;
	const url = process.env.DATABASE_URL;
	if (url) {
		expect(engine).toBe('postgres');
		expect(row.version).not.toContain('PGlite');
		expect(row.database).toBe(new URL(url).pathname.slice(1));
	} else {
		expect(engine).toBe('pglite');
		expect(row.version).toMatch(/PGlite .* on wasm32/);
	}
});
