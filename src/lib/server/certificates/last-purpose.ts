import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent } from '../db/schema';
import type { SessionUser } from '../identity/sessions';
import { isPurpose, type Purpose } from '../../guarantee';

/**
 * The purpose the clerk chose at their last successful check, from the audit trail: the
 * default on /verify in a browser that has not remembered one (a new PC, cleared cookies). One
 * index range (organisation, actor, newest first); a clerk's latest events are their checks.
 */
export async function lastUsedPurpose(user: SessionUser): Promise<Purpose | null> {
	const [row] = await db
		.select({ purpose: auditEvent.purpose })
		.from(auditEvent)
		.where(
			and(
				eq(auditEvent.organizationId, user.organizationId),
				eq(auditEvent.actorId, user.id),
				eq(auditEvent.action, 'key.attempt'),
				eq(auditEvent.outcome, 'success')
			)
		)
		.orderBy(desc(auditEvent.at), desc(auditEvent.id))
		.limit(1);
	return isPurpose(row?.purpose) ? row.purpose : null;
}
