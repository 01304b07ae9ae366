import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import * as audit from '../audit/append';
import { db } from '../db';
import { signInFailure } from '../db/schema';
import type { RequestContext } from './request-context';

/**
 * Failed sign-ins by people who are not signed in, aggregated: anyone can send them, so one
 * audit event each would let an outsider flood an organisation's trail (300 requests, 300 rows,
 * each with whatever User-Agent it sent). They are counted per (minute, source address, account
 * tried, reason) in `sign_in_failure`; the first of each is an audit event at once, and when the
 * minute is over the count is folded into the trail as one summary event, which reads
 * "12 failed sign-ins for 124249/admin from 203.0.113.5 between 10:01:05 and 10:01:58".
 * The trail stays append-only and hash-chained: both go through audit.record.
 */
export const WINDOW_SECONDS = 60;
export const USER_AGENT_MAX = 200;
export const LABEL_MAX = 80;

export type FailureReason =
	| 'unknown-user'
	| 'wrong-password'
	| 'disabled'
	| 'ip-throttled'
	| 'account-throttled'
	| 'device-throttled';

export interface Failure {
	/** The account tried, `<code>/<username>` as typed; '' when an address is throttled. */
	label: string;
	reason: FailureReason;
	/** The organisation whose account was tried (its trail gets the events), if it exists. */
	organizationId: string | null;
	context: RequestContext;
}

const outcomeOf = (reason: FailureReason) => (reason.endsWith('-throttled') ? 'locked' : 'failure');

/** The request context as the trail keeps it for an outsider: the User-Agent cut short. */
export const cappedContext = (context: RequestContext): RequestContext => ({
	...context,
	userAgent: context.userAgent?.slice(0, USER_AGENT_MAX) ?? null
});

const windowStart = sql`to_timestamp(floor(extract(epoch from clock_timestamp()) / ${WINDOW_SECONDS}) * ${WINDOW_SECONDS})`;

/** Counts one failure; the first of its (window, address, account, reason) is recorded at once. */
export async function count(failure: Failure): Promise<void> {
	const context = cappedContext(failure.context);
	const label = failure.label.slice(0, LABEL_MAX);
	const [row] = await db
		.insert(signInFailure)
		.values({
			minute: windowStart,
			ip: context.ip ?? '',
			label,
			reason: failure.reason,
			organizationId: failure.organizationId,
			userAgent: context.userAgent,
			count: 1,
			firstAt: sql`clock_timestamp()`,
			lastAt: sql`clock_timestamp()`
		})
		.onConflictDoUpdate({
			target: [signInFailure.minute, signInFailure.ip, signInFailure.label, signInFailure.reason],
			set: { count: sql`${signInFailure.count} + 1`, lastAt: sql`clock_timestamp()` }
		})
		.returning({ count: signInFailure.count });
	if (row.count === 1) {
		await audit.record({
			action: 'auth.sign-in',
			outcome: outcomeOf(failure.reason),
			reason: failure.reason,
			actor: { type: 'anonymous', label },
			context,
			organizationId: failure.organizationId
		});
	}
	await foldWhenDue();
}

/** Folds every finished window not yet in the trail (at most `max`); returns how many. */
export async function foldFinished(max = 500): Promise<number> {
	let folded = 0;
	while (folded < max && (await foldOne())) folded++;
	return folded;
}

/** One finished window: marked folded and, if it counted more than its first, summarised. */
function foldOne(): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(signInFailure)
			.where(
				and(
					isNull(signInFailure.recordedAt),
					sql`${signInFailure.minute} <= clock_timestamp() - make_interval(secs => ${WINDOW_SECONDS})`
				)
			)
			.orderBy(asc(signInFailure.minute))
			.limit(1)
			.for('update', { skipLocked: true });
		if (!row) return false;
		await tx
			.update(signInFailure)
			.set({ recordedAt: sql`now()` })
			.where(eq(signInFailure.id, row.id));
		if (row.count > 1) {
			const reason = row.reason as FailureReason;
			await audit.record(
				{
					action: 'auth.sign-in',
					outcome: outcomeOf(reason),
					reason,
					actor: { type: 'anonymous', label: row.label },
					context: { requestId: null, ip: row.ip || null, userAgent: row.userAgent },
					organizationId: row.organizationId,
					detail: { count: row.count, from: row.firstAt, to: row.lastAt }
				},
				tx
			);
		}
		return true;
	});
}

/** Sign-in attempts fold finished windows now and then (at most every few seconds here). */
const FOLD_EVERY_MS = 5_000;
let lastFold = 0;
async function foldWhenDue(): Promise<void> {
	if (Date.now() - lastFold < FOLD_EVERY_MS) return;
	lastFold = Date.now();
	await foldFinished();
}

/** Counts folded into the trail long ago: the trail keeps them, the table need not. */
export async function prune(olderThanDays = 31): Promise<void> {
	await db
		.delete(signInFailure)
		.where(sql`${signInFailure.recordedAt} < now() - make_interval(days => ${olderThanDays})`);
}
