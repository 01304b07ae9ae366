import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '../db';
import { auditEvent } from '../db/schema';
import type { SessionUser } from '../identity/sessions';
import { isPurpose, type Purpose } from '../../guarantee';

/** Read on every /verify page a browser without the purpose cookie opens: built once. */
const lastPurposeQuery = () =>
	prepared('last_used_purpose', (db) =>
		db
			.select({ purpose: auditEvent.purpose })
			.from(auditEvent)
			.where(
				and(
					eq(auditEvent.organizationId, sql.placeholder('organizationId')),
					eq(auditEvent.actorId, sql.placeholder('actorId')),
					eq(auditEvent.action, 'key.attempt'),
					eq(auditEvent.outcome, 'success')
				)
			)
			.orderBy(desc(auditEvent.at), desc(auditEvent.id))
			.limit(1)
			.prepare('last_used_purpose')
	);

/**
 * The purpose the clerk chose at their last successful check, from the audit trail: the
 * default on /verify in a browser that has not remembered one (a new PC, cleared cookies). One
 * index range (organisation, actor, newest first); a clerk's latest events are their checks.
 */
export async function lastUsedPurpose(user: SessionUser): Promise<Purpose | null> {
	const [row] = await lastPurposeQuery().execute({
		organizationId: user.organizationId,
		actorId: user.id
	});
	return isPurpose(row?.purpose) ? row.purpose : null;
}
