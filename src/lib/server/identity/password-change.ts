import { eq } from 'drizzle-orm';
import * as audit from '../audit/append';
import * as rateLimit from '../common/rate-limit';
import { db } from '../db';
import { appUser } from '../db/schema';
import { verifyPassword } from './passwords';
import { policyError, type PolicyProblem } from './password-policy';
import { recordedAs, type UserCaller } from './caller';
import * as users from './users';

/**
 * A signed-in user changes their own password. The current password is asked again, so that a
 * session left open cannot take the account over; that check is throttled like a sign-in (a
 * session must not become an unlimited password oracle) and every failure is audited.
 */
export const CURRENT_PASSWORD_LIMIT: rateLimit.Limit = { max: 5, windowSeconds: 15 * 60 };

export type ChangeResult =
	| { ok: true }
	| { ok: false; error: 'wrongCurrent' | PolicyProblem }
	| { ok: false; error: 'throttled'; retryAfterSeconds: number };

export async function changeOwnPassword(
	caller: UserCaller,
	passwords: { current: string; next: string }
): Promise<ChangeResult> {
	const { user } = caller;
	// The new password's policy first: it reveals nothing, so it costs no attempt.
	const problem = await policyError(passwords.next, {
		username: user.username,
		organizationCode: user.organizationCode
	});
	if (problem) return { ok: false, error: problem };

	const event = (outcome: 'failure' | 'locked', reason: string) => ({
		action: 'user.change-password',
		outcome,
		reason,
		...recordedAs(caller),
		organizationId: user.organizationId,
		detail: { username: user.username }
	});
	const reservation = await rateLimit.reserve([
		{ key: `password-change:user:${user.id}`, limit: CURRENT_PASSWORD_LIMIT }
	]);
	if (!reservation.reserved) {
		await audit.record(event('locked', 'current-password-throttled'));
		const retryAfterSeconds = rateLimit.retryAfterSeconds(reservation.full!);
		return { ok: false, error: 'throttled', retryAfterSeconds };
	}
	const [row] = await db.select().from(appUser).where(eq(appUser.id, user.id));
	if (!row || !(await verifyPassword(row.passwordHash, passwords.current))) {
		await audit.record(event('failure', 'wrong-current'));
		return { ok: false, error: 'wrongCurrent' };
	}
	await rateLimit.release(reservation);
	await users.setOwnPassword(caller, passwords.next);
	return { ok: true };
}
