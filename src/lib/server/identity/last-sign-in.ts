import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { appUser, auditEvent } from '../db/schema';

/**
 * When each user of an organisation last signed in, read from the audit trail (which records
 * every sign-in): for each user the newest of their events that is a successful sign-in, one
 * short index range (organisation, actor, newest first) per user.
 */
export async function lastSignIns(organizationId: string): Promise<Map<string, string>> {
	const latest = db
		.select({ at: auditEvent.at })
		.from(auditEvent)
		.where(
			and(
				eq(auditEvent.organizationId, organizationId),
				eq(auditEvent.actorId, sql`${appUser.id}::text`),
				eq(auditEvent.action, 'auth.sign-in'),
				eq(auditEvent.outcome, 'success')
			)
		)
		.orderBy(desc(auditEvent.at))
		.limit(1);
	const rows = await db
		.select({ id: appUser.id, at: sql<Date | string | null>`(${latest})` })
		.from(appUser)
		.where(eq(appUser.organizationId, organizationId));
	return new Map(
		rows.flatMap((row) => (row.at ? [[row.id, new Date(row.at).toISOString()] as const] : []))
	);
}
