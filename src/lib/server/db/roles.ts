import type postgres from 'postgres';

/**
 * Least privilege on PostgreSQL (issue 13): the schema belongs to the owner role
 * (DATABASE_OWNER_URL), which applies the migrations; the portal works as the role of
 * DATABASE_URL, granted here exactly what it needs, again after every migration run so that new
 * tables are covered:
 *
 * - every table: SELECT, INSERT, UPDATE, DELETE (never TRUNCATE, REFERENCES or TRIGGER; not being
 *   the owner, it cannot ALTER or DROP a table, nor switch a trigger off);
 * - the trail (`audit_event`, `audit_checkpoint`): SELECT and INSERT only;
 * - `audit_chain_head`: SELECT only — lanes are opened by the append trigger, which runs as the
 *   owner (SECURITY DEFINER), so the app's role needs no write on them at all;
 * - sequences: USAGE (for bigserial ids).
 */
const APPEND_ONLY = ['audit_event', 'audit_checkpoint'];
const READ_ONLY = ['audit_chain_head'];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function grantAppRole(owner: postgres.Sql, appRole: string): Promise<void> {
	const app = ident(appRole);
	await owner.begin(async (tx) => {
		// Only what the owner owns: a table someone else put in the schema is not ours to grant.
		const owned = async (kind: 'r' | 'S') =>
			(
				await tx`select c.relname as name from pg_class c
					join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relkind = ${kind}
					and pg_get_userbyid(c.relowner) = current_user order by 1`
			).map((row) => ident(row.name as string));
		const tables = await owned('r');
		const sequences = await owned('S');
		const only = (names: string[]) => names.map(ident).filter((name) => tables.includes(name));
		await tx.unsafe(`grant usage on schema public to ${app}`);
		if (tables.length) {
			// From nothing, then exactly this: a privilege granted by hand earlier does not linger.
			await tx.unsafe(`revoke all on ${tables.join(', ')} from ${app}`);
			await tx.unsafe(`grant select, insert, update, delete on ${tables.join(', ')} to ${app}`);
		}
		if (only(APPEND_ONLY).length) {
			await tx.unsafe(`revoke update, delete on ${only(APPEND_ONLY).join(', ')} from ${app}`);
		}
		if (only(READ_ONLY).length) {
			await tx.unsafe(`revoke insert, update, delete on ${only(READ_ONLY).join(', ')} from ${app}`);
		}
		if (sequences.length) {
			await tx.unsafe(`revoke all on sequence ${sequences.join(', ')} from ${app}`);
			await tx.unsafe(`grant usage on sequence ${sequences.join(', ')} to ${app}`);
		}
	});
}

/** The role a URL signs in as (the URL may leave the user to PGUSER or the OS user). */
export async function roleOf(client: postgres.Sql): Promise<string> {
	const [{ role }] = await client`select current_user as role`;
	return role as string;
}
