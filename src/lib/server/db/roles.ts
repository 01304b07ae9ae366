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
		await tx.unsafe(`grant usage on schema public to ${app}`);
		// From nothing, then exactly this: a privilege granted by hand earlier does not linger.
		await tx.unsafe(`revoke all on all tables in schema public from ${app}`);
		await tx.unsafe(
			`grant select, insert, update, delete on all tables in schema public to ${app}`
		);
		await tx.unsafe(`revoke update, delete on ${APPEND_ONLY.join(', ')} from ${app}`);
		await tx.unsafe(`revoke insert, update, delete on ${READ_ONLY.join(', ')} from ${app}`);
		await tx.unsafe(`revoke all on all sequences in schema public from ${app}`);
		await tx.unsafe(`grant usage on all sequences in schema public to ${app}`);
	});
}

/** The role a URL signs in as (the URL may leave the user to PGUSER or the OS user). */
export async function roleOf(client: postgres.Sql): Promise<string> {
	const [{ role }] = await client`select current_user as role`;
	return role as string;
}
