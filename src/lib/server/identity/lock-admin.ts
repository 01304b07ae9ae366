import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import * as audit from '../audit/append';
import { db } from '../db';
import { rateLimit } from '../db/schema';
import { recordedAs, type UserCaller } from './caller';
import { LOCK_KINDS, keysOf, ownCounter, type OwnCounter, type Organization } from './lock-keys';
import * as users from './users';

/**
 * An organisation's admin sees the key-attempt and sign-in limits that stop its own people
 * today (a clerk who mistyped a key five times, an account whose password was guessed at), and
 * lifts one early (DESIGN.md "Rate limits", docs/SECURITY.md). Only the organisation's own
 * counters, placed by lock-keys.ts; each lift is an audit event (`rate-limit.lift`).
 */
export interface Lock extends OwnCounter {
	/** Attempts counted in the window: at or above the limit. */
	count: number;
	/** When the window ends and the limit lets attempts through again. */
	until: Date;
}

/** The longest window of any counter an admin lifts (CONSECUTIVE_LIMIT: 30 days). */
const LONGEST_WINDOW = sql`now() - interval '31 days'`;

async function organizationOf(admin: UserCaller): Promise<Organization> {
	const { organizationId: id, organizationCode: code } = admin.user;
	const members = (await users.list(id)).map(({ id, username, displayName }) => ({
		id,
		username,
		displayName
	}));
	return { id, code, members };
}

/** The counter as a lock, when it is locked now (a window not over, its limit reached). */
function lockOf(counter: OwnCounter, row: { count: number; windowStart: Date }, now: number) {
	const until = new Date(row.windowStart.getTime() + counter.limit.windowSeconds * 1000);
	if (row.count < counter.limit.max || until.getTime() <= now) return null;
	return { ...counter, count: row.count, until };
}

const order = (lock: Lock) => LOCK_KINDS.indexOf(lock.kind);

/** The admin's organisation's locks now: numbers, then clerks, the organisation, sign-ins. */
export async function list(admin: UserCaller): Promise<Lock[]> {
	const org = await organizationOf(admin);
	const { exact, prefixes } = keysOf(org);
	const rows = await db
		.select({ key: rateLimit.key, count: rateLimit.count, windowStart: rateLimit.windowStart })
		.from(rateLimit)
		.where(
			and(
				gt(rateLimit.count, 0),
				gt(rateLimit.windowStart, LONGEST_WINDOW),
				or(
					inArray(rateLimit.key, exact),
					...prefixes.map((prefix) => sql`starts_with(${rateLimit.key}, ${prefix})`)
				)
			)
		);
	const now = Date.now();
	return rows
		.map((row) => {
			const counter = ownCounter(org, row.key);
			return counter && lockOf(counter, row, now);
		})
		.filter((lock): lock is Lock => lock !== null)
		.sort((a, b) => order(a) - order(b) || a.until.getTime() - b.until.getTime());
}

export type LiftResult = { lifted: Lock } | { error: 'forbidden' | 'foreign' | 'notLocked' };

/**
 * Lifts one of the organisation's locks: the counter starts afresh, as after a window. A key
 * that is not the organisation's is refused (and recorded as denied), whatever the form sent;
 * one no longer locked (its window ended, another admin lifted it) is left alone.
 */
export async function lift(admin: UserCaller, key: string): Promise<LiftResult> {
	// The route refuses everyone else already (403); a domain call from elsewhere is refused too.
	if (admin.user.role !== 'admin') return { error: 'forbidden' };
	const org = await organizationOf(admin);
	const counter = ownCounter(org, key);
	if (!counter) {
		await audit.recordDenied(admin, 'rate-limit.lift', key);
		return { error: 'foreign' };
	}
	const { max, windowSeconds } = counter.limit;
	return db.transaction(async (tx) => {
		// One statement: of two admins lifting at once, one lifts and the other is told it is not locked.
		const [row] = await tx
			.delete(rateLimit)
			.where(
				and(
					eq(rateLimit.key, key),
					sql`${rateLimit.count} >= ${max}`,
					sql`${rateLimit.windowStart} > now() - make_interval(secs => ${windowSeconds})`
				)
			)
			.returning({ count: rateLimit.count, windowStart: rateLimit.windowStart });
		const lifted = row && lockOf(counter, row, 0);
		if (!lifted) return { error: 'notLocked' as const };
		await audit.record(
			{
				action: 'rate-limit.lift',
				outcome: 'success',
				reason: `lock-${counter.kind}`,
				...recordedAs(admin),
				organizationId: org.id,
				guaranteeNumber: counter.guaranteeNumber ?? null,
				detail: {
					scope: counter.kind,
					...(counter.user ? { username: counter.user.username } : {}),
					...(counter.address ? { address: counter.address } : {}),
					// Not `count`: the trail reads that as a count of folded events.
					attempts: lifted.count,
					until: lifted.until
				}
			},
			tx
		);
		return { lifted };
	});
}
