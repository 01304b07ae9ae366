import { createHash } from 'node:crypto';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../audit/append';
import { db } from '../db';
import { signedChange, type Guarantee } from '../db/schema';
import { Problem, validationProblem, type FieldError } from '../http/problem';
import { guaranteeNumber, parse } from './certificate-input';

/**
 * Signed changes are bound to their target and their time (shared/API.md §4). A signed 変更,
 * 解約 or key reissue carries `guaranteeNumber` (the guarantee it changes) and `iat` (Unix
 * seconds, within 10 minutes of our clock); the portal refuses it for another guarantee (422),
 * stale or from the future (422), and a second time (409: its hash is unique in signed_change,
 * so every instance agrees). Without these, one signed amendment applied twice, and to another
 * guarantee, each shown as signed (issue 12). Unsigned bodies may carry the claims too; they are
 * then checked the same way, but only a signature makes a change one-time.
 */
export const IAT_TOLERANCE_SECONDS = 600;

export type ChangeAction = 'amend' | 'cancel' | 'reissue-key';

/** The claims that bind a change; both are present in a signed change. */
export interface Binding {
	guaranteeNumber?: string;
	iat?: number;
}

/** The submission as received: a signed one has its JWS in `text` and its `kid`. */
export interface Received {
	text: string;
	kid: string | null;
}

/** A key reissue has no fields of its own: only the binding claims, when signed. */
export const reissueInput = z.strictObject({});

const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function claimErrors(claims: Record<string, unknown>, signed: boolean, now: number) {
	const errors: FieldError[] = [];
	const binding: Binding = {};
	if (claims.guaranteeNumber === undefined) {
		if (signed)
			errors.push({
				path: '/guaranteeNumber',
				message: 'required in a signed change: the number of the guarantee it changes'
			});
	} else {
		const number = guaranteeNumber.safeParse(claims.guaranteeNumber);
		if (number.success) binding.guaranteeNumber = number.data;
		else errors.push({ path: '/guaranteeNumber', message: number.error.issues[0].message });
	}
	if (claims.iat === undefined) {
		if (signed)
			errors.push({
				path: '/iat',
				message: 'required in a signed change: Unix seconds when it was signed'
			});
	} else if (!Number.isSafeInteger(claims.iat)) {
		errors.push({ path: '/iat', message: 'must be an integer: Unix seconds' });
	} else {
		const iat = claims.iat as number;
		const skew = iat - Math.floor(now / 1000);
		if (skew < -IAT_TOLERANCE_SECONDS)
			errors.push({
				path: '/iat',
				message: `is ${-skew} s old; at most ${IAT_TOLERANCE_SECONDS} s are accepted`
			});
		else if (skew > IAT_TOLERANCE_SECONDS)
			errors.push({
				path: '/iat',
				message: `is ${skew} s ahead of the server's clock; at most ${IAT_TOLERANCE_SECONDS} s are accepted`
			});
		else binding.iat = iat;
	}
	return { errors, binding };
}

/**
 * Parses a change body: the binding claims are taken off and checked (required when the body
 * is signed), the rest goes to `schema`. Every fault of both is in one 422.
 */
export function parseChange<T extends z.ZodType>(
	schema: T,
	body: unknown,
	received: Received,
	now = Date.now()
): { input: z.output<T>; binding: Binding } {
	const { guaranteeNumber: number, iat, ...rest } = isRecord(body) ? body : {};
	const claims = claimErrors({ guaranteeNumber: number, iat }, received.kid !== null, now);
	let input: z.output<T> | undefined;
	try {
		input = parse(schema, isRecord(body) ? rest : body);
	} catch (error) {
		if (!(error instanceof Problem) || !error.errors) throw error;
		throw validationProblem([...claims.errors, ...error.errors]);
	}
	if (claims.errors.length) throw validationProblem(claims.errors);
	return { input: input as z.output<T>, binding: claims.binding };
}

/** SHA-256 of the JWS signing input: what the signature covers, in one fixed spelling. */
export function signingInputHash(jws: string): Uint8Array {
	const [header, payload] = jws.trim().split('.');
	return new Uint8Array(createHash('sha256').update(`${header}.${payload}`).digest());
}

/**
 * Binds a change to `target` inside the change's transaction: 422 when the body names another
 * guarantee; for a signed body, the JWS is kept as received, and 409 if it was accepted before
 * (the unique hash; a concurrent twin waits on the guarantee's row lock, then conflicts).
 */
export async function bind(
	tx: Transaction,
	target: Guarantee,
	change: {
		action: ChangeAction;
		binding: Binding;
		received: Received;
		version?: number;
		/** False when the change changes nothing (a second cancellation). */
		applied?: boolean;
	}
) {
	const { binding, received } = change;
	if (binding.guaranteeNumber !== undefined && binding.guaranteeNumber !== target.guaranteeNumber) {
		throw validationProblem(
			[
				{
					path: '/guaranteeNumber',
					message: `names ${binding.guaranteeNumber}, not ${target.guaranteeNumber}, the guarantee it was sent to`
				}
			],
			'The change is bound to another guarantee'
		);
	}
	if (received.kid === null || binding.iat === undefined) return;
	const [row] = await tx
		.insert(signedChange)
		.values({
			signingInputHash: signingInputHash(received.text),
			issuerId: target.issuerId,
			guaranteeId: target.id,
			action: change.action,
			version: change.version ?? null,
			applied: change.applied ?? true,
			jws: received.text,
			kid: received.kid,
			signedAt: new Date(binding.iat * 1000)
		})
		.onConflictDoNothing()
		.returning({ id: signedChange.id });
	if (!row) {
		throw new Problem(
			409,
			'replayed',
			'This signed change was accepted before; sign a new one (with a new iat) to change the guarantee again'
		);
	}
}

/** The kid of the signed cancellation that cancelled the guarantee, or null if it was unsigned. */
export async function cancellationKid(guaranteeId: string): Promise<string | null> {
	const [row] = await db
		.select({ kid: signedChange.kid })
		.from(signedChange)
		.where(
			and(
				eq(signedChange.guaranteeId, guaranteeId),
				eq(signedChange.action, 'cancel'),
				eq(signedChange.applied, true)
			)
		)
		.limit(1);
	return row?.kid ?? null;
}
