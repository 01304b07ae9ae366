import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { db } from '../db';
import { auditEvent, organization, type AuditEvent } from '../db/schema';
import { NUMBER_LIMIT } from '../certificates/verify';

/**
 * What led to a lock an auditor sees in the trail: this organisation's key attempts on the
 * locked number within the lock's window before it, and how many attempts on the same number
 * came from other organisations in that window — a count only: their trail is theirs.
 */
export interface LockTrail {
	attempts: Pick<AuditEvent, 'id' | 'at' | 'reason' | 'actorId' | 'actorLabel'>[];
	elsewhere: number;
}

/** A wrong key counts; a typing error (bad check symbol) never reaches the server's count. */
const guesses = (number: string, from: Date, to: Date) =>
	and(
		eq(auditEvent.guaranteeNumber, number),
		eq(auditEvent.action, 'key.attempt'),
		eq(auditEvent.outcome, 'failure'),
		ne(auditEvent.reason, 'typing-error'),
		gte(auditEvent.at, from),
		lte(auditEvent.at, to)
	);

export async function lockTrail(
	organizationId: string,
	guaranteeNumber: string,
	lockedAt: Date
): Promise<LockTrail> {
	const from = new Date(lockedAt.getTime() - NUMBER_LIMIT.windowSeconds * 1000);
	// Per organisation, an index range each (organisation, number, at): no scan of the trail.
	const elsewhereCount = db
		.select({ n: sql<number>`count(*)` })
		.from(auditEvent)
		.where(
			and(
				eq(auditEvent.organizationId, sql`${organization.id}`),
				guesses(guaranteeNumber, from, lockedAt)
			)
		);
	const [attempts, [elsewhere]] = await Promise.all([
		db
			.select({
				id: auditEvent.id,
				at: auditEvent.at,
				reason: auditEvent.reason,
				actorId: auditEvent.actorId,
				actorLabel: auditEvent.actorLabel
			})
			.from(auditEvent)
			.where(
				and(eq(auditEvent.organizationId, organizationId), guesses(guaranteeNumber, from, lockedAt))
			)
			.orderBy(asc(auditEvent.at), asc(auditEvent.id))
			.limit(100),
		db
			.select({ n: sql<number>`coalesce(sum((${elsewhereCount})), 0)::int` })
			.from(organization)
			.where(ne(organization.id, organizationId))
	]);
	return { attempts, elsewhere: Number(elsewhere?.n ?? 0) };
}

/**
 * The trails of the number locks among a page of events (newest first), at most `max` looked
 * up: a lock within the window of a newer one of the same number shares that one's trail.
 */
export async function trailsOf(
	organizationId: string,
	events: AuditEvent[],
	max = 10
): Promise<Map<number, LockTrail>> {
	const trails = new Map<number, LockTrail>();
	const found: { number: string; at: number; trail: LockTrail }[] = [];
	for (const event of events) {
		if (event.outcome !== 'locked' || event.reason !== 'number-locked') continue;
		if (!event.guaranteeNumber) continue;
		const at = new Date(event.at).getTime();
		const newer = found.find(
			(f) => f.number === event.guaranteeNumber && f.at - at < NUMBER_LIMIT.windowSeconds * 1000
		);
		if (newer) trails.set(event.id, newer.trail);
		else if (found.length < max) {
			const trail = await lockTrail(organizationId, event.guaranteeNumber, new Date(at));
			found.push({ number: event.guaranteeNumber, at, trail });
			trails.set(event.id, trail);
		}
	}
	return trails;
}
