import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { parseAuthKey } from '../../auth-key';
import * as audit from '../audit/append';
import * as authKeys from '../issuing/auth-keys';
import * as rateLimit from '../common/rate-limit';
import { withoutBidi } from '../common/text';
import type { SessionUser } from '../identity/sessions';
import { db, prepared } from '../db';
import { auditEvent, guarantee, issuer } from '../db/schema';
import { isUuid, latestVersion, statusOf } from './reads';
import type { RequestContext } from '../identity/request-context';

export { view } from './view';

/**
 * The clerk's side of a guarantee: present the number and key (`verify`), then read the
 * certificate (`view`, in certificate-view.ts: the only function that returns certificate data
 * for display, and it writes the audit row in the same transaction).
 *
 * Wrong keys are counted per guarantee number, per clerk and per organisation, in the database
 * (shared by every app instance). A typing error (bad check symbol, wrong length) is not a guess
 * and is not counted. A number is locked after NUMBER_LIMIT.max wrong keys within its window.
 */
export const NUMBER_LIMIT: rateLimit.Limit = { max: 5, windowSeconds: 30 * 60 };
export const USER_LIMIT: rateLimit.Limit = { max: 10, windowSeconds: 60 * 60 };
export const ORGANIZATION_LIMIT: rateLimit.Limit = { max: 30, windowSeconds: 60 * 60 };

export const PURPOSES = [
	'contract',
	'advance_payment',
	'intermediate_advance_payment',
	'other'
] as const;
export type Purpose = (typeof PURPOSES)[number];
export const isPurpose = (value: unknown): value is Purpose =>
	typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);

const NUMBER_PATTERN = /^[0-9A-Z][0-9A-Z-]{2,31}$/;
/**
 * As the issuer API stores it (API.md): NFKC, upper case, trimmed. A bidirectional control
 * (pasted from a PDF) is dropped: it is never stored, not even in the trail (issue 12).
 */
export const normalizeGuaranteeNumber = (input: string) =>
	withoutBidi(input.normalize('NFKC')).toUpperCase().trim();

export interface VerifyInput {
	guaranteeNumber: string;
	authKey: string;
	purpose: Purpose;
	user: SessionUser;
	context: RequestContext;
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
	/** Unknown number, wrong key and another organisation's guarantee: one answer for all three. */
	| { ok: false; kind: 'no-match' }
	| { ok: false; kind: 'locked'; scope: LockScope; until: Date; retryAfterSeconds: number };

const limitKeys = (number: string, user: SessionUser) =>
	[
		['number', `verify:number:${number}`, NUMBER_LIMIT],
		['user', `verify:user:${user.id}`, USER_LIMIT],
		['organization', `verify:org:${user.organizationId}`, ORGANIZATION_LIMIT]
	] as const;

function locked(scope: LockScope, state: rateLimit.LimitState): VerifyResult {
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
export async function verify(input: VerifyInput): Promise<VerifyResult> {
	const { user, context, purpose } = input;
	const number = normalizeGuaranteeNumber(input.guaranteeNumber);
	const key = parseAuthKey(input.authKey);
	const event = (outcome: audit.EventInput['outcome'], reason: string, extra = {}) => ({
		action: 'key.attempt',
		outcome,
		reason,
		actor: audit.userActor(user),
		context,
		organizationId: user.organizationId,
		guaranteeNumber: number.slice(0, 64) || null,
		purpose,
		...extra
	});

	const numberError: 'empty' | 'format' | null = !number
		? 'empty'
		: NUMBER_PATTERN.test(number)
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

	const limits = limitKeys(number, user);
	// The limits and the guarantee are read at once; the guarantee is looked at only if no
	// limit is reached.
	const [current, candidates] = await Promise.all([
		rateLimit.peekMany(limits.map(([, key, limit]) => ({ key, limit }))),
		candidatesQuery().execute({ number })
	]);
	for (const [index, [scope]] of limits.entries()) {
		const state = current[index];
		if (state.limited) {
			await audit.record(event('locked', `${scope}-locked`, { detail: { until: state.resetAt } }));
			return locked(scope, state);
		}
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
	// Another organisation's guarantee id stays out of this organisation's trail.
	const own = checked.find((c) => c.ours);
	await audit.record(event('failure', reason, { guaranteeId: own?.id ?? null, detail: masked }));
	const states = [];
	for (const [scope, limitKey, limit] of limits) {
		states.push({ scope, limit, state: await rateLimit.hit(limitKey, limit) });
	}
	// The wrong key that reaches a limit already tells the clerk it is locked, and until when.
	const reached = states.find(({ state, limit }) => state.count >= limit.max);
	return reached ? locked(reached.scope, reached.state) : { ok: false, kind: 'no-match' };
}

/** This organisation's recently verified guarantees, newest first (for the home page). */
export async function recent(organizationId: string, limit = 10) {
	const lastAt = sql<string>`max(${auditEvent.at})`;
	const rows = await db
		.select({ guaranteeId: auditEvent.guaranteeId, at: lastAt })
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
		.limit(limit);
	if (!rows.length) return [];
	const ids = rows.map((r) => r.guaranteeId!);
	const found = await db
		.select({ guarantee, issuerName: issuer.name })
		.from(guarantee)
		.innerJoin(issuer, eq(issuer.id, guarantee.issuerId))
		.where(and(inArray(guarantee.id, ids), eq(guarantee.organizationId, organizationId)));
	const byId = new Map(found.map((f) => [f.guarantee.id, f]));
	const result = [];
	for (const row of rows) {
		const f = byId.get(row.guaranteeId!);
		if (!f) continue;
		const latest = await latestVersion(f.guarantee.id);
		result.push({
			id: f.guarantee.id,
			guaranteeNumber: f.guarantee.guaranteeNumber,
			kind: f.guarantee.kind,
			issuerName: f.issuerName,
			worksName: latest?.worksName ?? '',
			status: statusOf(f.guarantee, latest),
			verifiedAt: new Date(row.at).toISOString()
		});
	}
	return result;
}

export type RecentCheck = Awaited<ReturnType<typeof recent>>[number];

/**
 * Records that a clerk printed the verification record (検証記録) of a certificate their
 * organisation has presented. Returns false (nothing recorded) for anything they cannot see.
 */
export async function recordPrint(input: {
	id: string;
	user: SessionUser;
	context: RequestContext;
}) {
	const { id, user, context } = input;
	// Issue 7 (tenant matrix): printing what one cannot see is a denied access, in the trail.
	const denied = async () => {
		const who = { organizationId: user.organizationId, actor: audit.userActor(user), context };
		await audit.recordDenied(who, 'certificate.print', id);
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
		actor: audit.userActor(user),
		context,
		organizationId: user.organizationId,
		guaranteeId: id,
		guaranteeNumber: row.number
	});
	return true;
}
