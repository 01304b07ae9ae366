import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeGuaranteeNumber } from '../../guarantee';
import { day } from '../common/dates';
import { db } from '../db';
import { auditEvent, organization, type AuditEvent } from '../db/schema';

/**
 * Reading the audit trail: the screens, the CSV export and the issuer's 閲覧状況. Reads only;
 * every query starts with the organisation, so one tenant never sees another's events.
 */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const LAST_CURSOR_MS = Date.UTC(2200, 0, 1);

export const filtersSchema = z.object({
	from: optional(day),
	to: optional(day),
	actorId: optional(z.uuid()),
	action: optional(z.string().regex(/^[a-z][a-z0-9.-]{1,40}$/)),
	outcome: optional(z.enum(['success', 'failure', 'denied', 'locked'])),
	guaranteeNumber: optional(
		z
			.string()
			.max(40)
			// Control characters can be in no stored number (and a NUL cannot be sent to
			// PostgreSQL): dropped, so the search simply finds nothing.
			.transform((value) => normalizeGuaranteeNumber(value.replace(/\p{Cc}/gu, '')))
	),
	guaranteeId: optional(z.uuid()),
	/** Keyset cursor `<at in ms>-<id>`: the last event of the previous page. */
	before: optional(
		z
			.string()
			.regex(/^\d{1,15}-\d{1,16}$/)
			// Only a cursor this screen could have made: a time PostgreSQL can compare and an id
			// a number holds exactly (an absurd one was a 500 before issue 12).
			.refine((cursor) => {
				const [ms, id] = cursor.split('-').map(Number);
				return ms <= LAST_CURSOR_MS && Number.isSafeInteger(id);
			})
	)
});
export type Filters = z.infer<typeof filtersSchema>;

/**
 * The known filters of a query string, as typed (to echo back into the form): any other
 * parameter, `__proto__` included, is never read.
 */
export function filterParams(params: URLSearchParams): Record<string, string> {
	return Object.fromEntries(
		Object.keys(filtersSchema.shape).flatMap((name) => {
			const value = params.get(name);
			return value === null ? [] : [[name, value]];
		})
	);
}

export const PAGE_SIZE = 50;

/** Calendar days are Japan's: 2026-07-06 runs from 00:00 to 24:00 JST. */
function jstStartOf(isoDay: string): Date {
	return new Date(`${isoDay}T00:00:00+09:00`);
}
function jstEndOf(isoDay: string): Date {
	return new Date(jstStartOf(isoDay).getTime() + 86_400_000);
}

function conditions(organizationId: string, filters: Filters): SQL[] {
	const where: (SQL | undefined)[] = [
		eq(auditEvent.organizationId, organizationId),
		filters.from ? gte(auditEvent.at, jstStartOf(filters.from)) : undefined,
		filters.to ? lt(auditEvent.at, jstEndOf(filters.to)) : undefined,
		filters.actorId ? eq(auditEvent.actorId, filters.actorId) : undefined,
		filters.action ? eq(auditEvent.action, filters.action) : undefined,
		filters.outcome ? eq(auditEvent.outcome, filters.outcome) : undefined,
		filters.guaranteeNumber ? eq(auditEvent.guaranteeNumber, filters.guaranteeNumber) : undefined,
		filters.guaranteeId ? eq(auditEvent.guaranteeId, filters.guaranteeId) : undefined
	];
	return where.filter((condition): condition is SQL => condition !== undefined);
}

const cursorOf = (event: AuditEvent) => `${new Date(event.at).getTime()}-${event.id}`;

/** One page, newest first; `nextBefore` is the cursor for the next (older) page. */
export async function list(
	organizationId: string,
	filters: Filters
): Promise<{ events: AuditEvent[]; nextBefore: string | null }> {
	const where = conditions(organizationId, filters);
	if (filters.before) {
		const [ms, id] = filters.before.split('-').map(Number);
		where.push(
			sql`(${auditEvent.at}, ${auditEvent.id}) < (${new Date(ms).toISOString()}::timestamptz, ${id})`
		);
	}
	const rows = await db
		.select()
		.from(auditEvent)
		.where(and(...where))
		.orderBy(desc(auditEvent.at), desc(auditEvent.id))
		.limit(PAGE_SIZE + 1);
	const events = rows.slice(0, PAGE_SIZE);
	return {
		events,
		nextBefore: rows.length > PAGE_SIZE ? cursorOf(events[events.length - 1]) : null
	};
}

/**
 * Every matching event, oldest first, fetched in batches by id so that a year of events never
 * sits in memory at once.
 */
export async function* stream(
	organizationId: string,
	filters: Filters,
	batchSize = 2000
): AsyncGenerator<AuditEvent[]> {
	let after: AuditEvent | undefined;
	for (;;) {
		const where = conditions(organizationId, filters);
		if (after) {
			const at = new Date(after.at).toISOString();
			where.push(sql`(${auditEvent.at}, ${auditEvent.id}) > (${at}::timestamptz, ${after.id})`);
		}
		const rows = await db
			.select()
			.from(auditEvent)
			.where(and(...where))
			.orderBy(asc(auditEvent.at), asc(auditEvent.id))
			.limit(batchSize);
		if (rows.length) yield rows;
		if (rows.length < batchSize) return;
		after = rows[rows.length - 1];
	}
}

/** 閲覧状況 for the issuer: which organisation viewed the guarantee, when, for what. */
export async function viewsOf(guaranteeId: string) {
	return db
		.select({
			at: auditEvent.at,
			organizationId: auditEvent.organizationId,
			organizationCode: organization.code,
			purpose: auditEvent.purpose
		})
		.from(auditEvent)
		.leftJoin(organization, eq(organization.id, auditEvent.organizationId))
		.where(
			and(
				eq(auditEvent.guaranteeId, guaranteeId),
				eq(auditEvent.action, 'certificate.view'),
				eq(auditEvent.outcome, 'success')
			)
		)
		.orderBy(asc(auditEvent.at), asc(auditEvent.id));
}
