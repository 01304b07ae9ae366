import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { parseAuthKey } from '../../auth-key';
import { GUARANTEE_NUMBER_PATTERN, normalizeGuaranteeNumber, type Purpose } from '../../guarantee';
import * as audit from '../audit/append';
import * as authKeys from '../issuing/auth-keys';
import * as rateLimit from '../common/rate-limit';
import { withoutBidi } from '../common/text';
import type { SessionUser } from '../identity/sessions';
import { db, prepared } from '../db';
import { auditEvent, guarantee, issuer } from '../db/schema';
import { isUuid, latestVersions, statusOf } from './reads';
import { recordedAs, type UserCaller } from '../identity/caller';

export { view } from './view';

/**
 * The clerk's side of a guarantee: present the number and key (`verify`), then read the
 * certificate (`view`, in view.ts: the only function that returns certificate data for display,
 * and it writes the audit row in the same transaction).
 *
 * Wrong keys are counted per (organisation, guarantee number), per clerk and per organisation, in
 * the database (shared by every app instance) — never per number alone, so one town's wrong keys
 * can never lock another town out of its own guarantee (DESIGN.md "Rate limits"). Each attempt
 * reserves its place on all three counters before the key is looked at (common/rate-limit.ts),
 * so parallel attempts cannot check more keys than the limits allow. A typing error (bad check
 * symbol, wrong length) is not a guess and is not counted; a correct key gives its place back.
 */
export const NUMBER_LIMIT: rateLimit.Limit = { max: 5, windowSeconds: 30 * 60 };
export const USER_LIMIT: rateLimit.Limit = { max: 10, windowSeconds: 60 * 60 };
export const ORGANIZATION_LIMIT: rateLimit.Limit = { max: 30, windowSeconds: 60 * 60 };

/**
 * The number as the issuer API stores it (../../guarantee.ts); a bidirectional control (pasted
 * from a PDF) is dropped first: it is never stored, not even in the trail (issue 12).
 */
const clerkNumber = (input: string) => normalizeGuaranteeNumber(withoutBidi(input));

export interface VerifyInput {
	guaranteeNumber: string;
	authKey: string;
	purpose: Purpose;
}

export type LockScope = 'number' | 'user' | 'organization';
export type VerifyResult =
	| { ok: true; id: string; guaranteeNumber: string }
	/** Nothing was looked up: the input cannot be a number or a key. Not counted. */
	| {
			ok: false;
			kind: 'invalid';
			guaranteeNumber?: 'empty' | 'format';
			authKey?: 'empty' | 'character' | 'length' | 'checksum';
	  }
	/**
	 * Unknown number, wrong key and another organisation's guarantee: one answer for all three,
	 * with the wrong keys this clerk may still enter before `scope` locks (API.md §4).
	 */
	| { ok: false; kind: 'no-match'; remaining: number; scope: LockScope }
	| { ok: false; kind: 'locked'; scope: LockScope; until: Date; retryAfterSeconds: number };

const SCOPES: readonly LockScope[] = ['number', 'user', 'organization'];

/** The three counters a key attempt reserves on, in the order of SCOPES. */
const countersFor = (number: string, user: SessionUser): rateLimit.Counter[] => [
	{ key: `verify:number:${user.organizationId}:${number}`, limit: NUMBER_LIMIT },
	{ key: `verify:user:${user.id}`, limit: USER_LIMIT },
	{ key: `verify:org:${user.organizationId}`, limit: ORGANIZATION_LIMIT }
];

const scopeOf = (reservation: rateLimit.Reservation, state: rateLimit.CounterState) =>
	SCOPES[reservation.counters.indexOf(state)];

function locked(scope: LockScope, state: rateLimit.CounterState): VerifyResult {
	return {
		ok: false,
		kind: 'locked',
		scope,
		until: state.resetAt,
		retryAfterSeconds: rateLimit.retryAfterSeconds(state)
	};
}

/** Every guarantee with a number (issuers may share numbers), read on every key attempt. */
const candidatesQuery = () =>
	prepared('key_attempt_candidates', (db) =>
		db
			.select({
				id: guarantee.id,
				organizationId: guarantee.organizationId,
				authKeyHash: guarantee.authKeyHash,
				firstVerifiedAt: guarantee.firstVerifiedAt
			})
			.from(guarantee)
			.where(eq(guarantee.guaranteeNumber, sql.placeholder('number')))
			.prepare('key_attempt_candidates')
	);

/**
 * Checks a number and key typed, scanned or uploaded by a clerk. Plain values in, plain result
 * out, so the contract file's "attach" runs exactly the same check. Every attempt is audited as
 * `key.attempt`, with the key only ever masked.
 */
export async function verify(caller: UserCaller, input: VerifyInput): Promise<VerifyResult> {
	const { user } = caller;
	const { purpose } = input;
	const number = clerkNumber(input.guaranteeNumber);
	const key = parseAuthKey(input.authKey);
	const event = (outcome: audit.EventInput['outcome'], reason: string, extra = {}) => ({
		action: 'key.attempt',
		outcome,
		reason,
		...recordedAs(caller),
		organizationId: user.organizationId,
		guaranteeNumber: number.slice(0, 64) || null,
		purpose,
		...extra
	});

	const numberError: 'empty' | 'format' | null = !number
		? 'empty'
		: GUARANTEE_NUMBER_PATTERN.test(number)
			? null
			: 'format';
	if (numberError || !key.ok) {
		const invalid = {
			...(numberError ? { guaranteeNumber: numberError } : {}),
			...(key.ok ? {} : { authKey: key.error })
		} as const;
		if (!numberError && !key.ok && key.error !== 'empty') {
			await audit.record(event('failure', 'typing-error', { detail: { error: key.error } }));
		}
		return { ok: false, kind: 'invalid', ...invalid };
	}

	// The place on every counter is taken before any key is compared; the guarantee is read at
	// the same time and looked at only if the reservation was granted.
	const [reservation, candidates] = await Promise.all([
		rateLimit.reserve(countersFor(number, user)),
		candidatesQuery().execute({ number })
	]);
	if (!reservation.reserved) {
		const full = reservation.full!;
		const scope = scopeOf(reservation, full);
		await audit.record(event('locked', `${scope}-locked`, { detail: { until: full.resetAt } }));
		return locked(scope, full);
	}

	// Every candidate's hash is computed, so the answer takes the same time whichever matched.
	const checked = candidates.map((c) => ({
		...c,
		keyMatches: authKeys.matches(c.authKeyHash, c.id, key.key),
		ours: c.organizationId === user.organizationId
	}));
	const masked = { key: authKeys.mask(key.key) };
	const match = checked.find((c) => c.keyMatches && c.ours);

	if (match) {
		// A correct key is not a guess: its place on the counters is given back.
		await rateLimit.release(reservation);
		const matched = event('success', 'key-matched', { guaranteeId: match.id, detail: masked });
		// The first match also stamps the guarantee, in the same transaction as its event.
		if (match.firstVerifiedAt) await audit.record(matched);
		else {
			await db.transaction(async (tx) => {
				await tx
					.update(guarantee)
					.set({ firstVerifiedAt: sql`coalesce(${guarantee.firstVerifiedAt}, now())` })
					.where(eq(guarantee.id, match.id));
				await audit.record(matched, tx);
			});
		}
		return { ok: true, id: match.id, guaranteeNumber: number };
	}

	const reason = checked.some((c) => c.ours)
		? 'wrong-key'
		: checked.length
			? 'other-organization'
			: 'unknown-number';
	// The counter closest to its limit decides what the clerk is told (the number on a tie).
	const nearest = reservation.counters.reduce((a, b) => (b.remaining < a.remaining ? b : a));
	const scope = scopeOf(reservation, nearest);
	// Another organisation's guarantee id stays out of this organisation's trail.
	const own = checked.find((c) => c.ours);
	const detail = { ...masked, remaining: nearest.remaining, scope };
	await audit.record(event('failure', reason, { guaranteeId: own?.id ?? null, detail }));
	// The wrong key that reaches a limit already tells the clerk it is locked, and until when.
	if (nearest.remaining === 0) return locked(scope, nearest);
	return { ok: false, kind: 'no-match', remaining: nearest.remaining, scope };
}

/** This organisation's recently verified guarantees, newest first (for the home page). */
export async function recent(organizationId: string, limit = 10) {
	const lastAt = sql<string>`max(${auditEvent.at})`;
	const last = db
		.select({ guaranteeId: auditEvent.guaranteeId, at: lastAt.as('at') })
		.from(auditEvent)
		.where(
			and(
				eq(auditEvent.organizationId, organizationId),
				eq(auditEvent.action, 'key.attempt'),
				eq(auditEvent.outcome, 'success'),
				isNotNull(auditEvent.guaranteeId)
			)
		)
		.groupBy(auditEvent.guaranteeId)
		.orderBy(desc(lastAt))
		.limit(limit)
		.as('last');
	// Two queries whatever the limit: the guarantees with their issuers, then their latest versions.
	const rows = await db
		.select({ guarantee, issuerName: issuer.name, at: last.at })
		.from(last)
		.innerJoin(guarantee, eq(guarantee.id, last.guaranteeId))
		.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
		.where(eq(guarantee.organizationId, organizationId))
		.orderBy(desc(last.at));
	const latest = await latestVersions(rows.map((row) => row.guarantee.id));
	return rows.map((row) => ({
		id: row.guarantee.id,
		guaranteeNumber: row.guarantee.guaranteeNumber,
		kind: row.guarantee.kind,
		issuerName: row.issuerName,
		worksName: latest.get(row.guarantee.id)?.worksName ?? '',
		status: statusOf(row.guarantee, latest.get(row.guarantee.id) ?? null),
		verifiedAt: new Date(row.at).toISOString()
	}));
}

export type RecentCheck = Awaited<ReturnType<typeof recent>>[number];

/**
 * Records that a clerk printed the verification record (検証記録) of a certificate their
 * organisation has presented. Returns false (nothing recorded) for anything they cannot see.
 */
export async function recordPrint(caller: UserCaller, id: string) {
	const { user } = caller;
	// Issue 7 (tenant matrix): printing what one cannot see is a denied access, in the trail.
	const denied = async () => {
		await audit.recordDenied(caller, 'certificate.print', id);
		return false;
	};
	if (!isUuid(id)) return denied();
	const [row] = await db
		.select({ number: guarantee.guaranteeNumber })
		.from(guarantee)
		.where(
			and(
				eq(guarantee.id, id),
				eq(guarantee.organizationId, user.organizationId),
				isNotNull(guarantee.firstVerifiedAt)
			)
		);
	if (!row) return denied();
	await audit.record({
		action: 'certificate.print',
		outcome: 'success',
		...recordedAs(caller),
		organizationId: user.organizationId,
		guaranteeId: id,
		guaranteeNumber: row.number
	});
	return true;
}
