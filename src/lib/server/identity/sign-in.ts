import * as audit from '../audit/append';
import * as auth from './sessions';
import * as rateLimit from '../common/rate-limit';
import * as users from './users';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import type { RequestContext } from './request-context';
import { isLocalGovernmentCode } from '../../local-government-code';
import { withoutBidi } from '../common/text';

/**
 * Failed sign-ins are limited per account (against guessing one password) and every attempt
 * per IP (against spraying many accounts, and against burning CPU on argon2).
 */
export const ACCOUNT_LIMIT: rateLimit.Limit = { max: 5, windowSeconds: 15 * 60 };
export const IP_LIMIT: rateLimit.Limit = {
	max: Number(process.env.LOGIN_IP_LIMIT ?? 30),
	windowSeconds: 5 * 60
};

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; mustChangePassword: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * `username` is either `code/username` alone, or `username` with the organisation code given
 * separately (the login form has both fields; API.md keeps the single-field form working).
 */
export function parseLogin(organizationCode: string, username: string) {
	// A bidirectional control is dropped: the name goes into the trail as typed (issue 12).
	const trimmed = withoutBidi(username.normalize('NFKC')).trim().toLowerCase();
	const slash = trimmed.indexOf('/');
	const code = slash >= 0 ? trimmed.slice(0, slash) : organizationCode.normalize('NFKC').trim();
	const name = slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
	return { code, username: name };
}

export async function signIn(
	input: { organizationCode: string; username: string; password: string },
	context: RequestContext
): Promise<SignInResult> {
	const { code, username } = parseLogin(input.organizationCode, input.username);
	const label = `${code}/${username}`.slice(0, 80);
	const anonymous: audit.Actor = { type: 'anonymous', label };

	const byIp = await rateLimit.hit(`login:ip:${context.ip ?? 'unknown'}`, IP_LIMIT);
	const accountKey = `login:account:${label}`;
	const byAccount = await rateLimit.peek(accountKey, ACCOUNT_LIMIT);
	const found = isLocalGovernmentCode(code) ? await users.findByOrgCode(code, username) : null;
	const organizationId = found?.organization.id ?? null;

	if (byIp.limited || byAccount.limited) {
		const state = byIp.limited ? byIp : byAccount;
		await audit.record({
			action: 'auth.sign-in',
			outcome: 'locked',
			reason: byIp.limited ? 'ip-throttled' : 'account-throttled',
			actor: anonymous,
			context,
			organizationId
		});
		return {
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: rateLimit.retryAfterSeconds(state)
		};
	}

	const passwordOk = found
		? await verifyPassword(found.user.passwordHash, input.password)
		: await verifyAgainstNothing(input.password);
	if (!found || !passwordOk || found.user.disabledAt) {
		await rateLimit.hit(accountKey, ACCOUNT_LIMIT);
		await audit.record({
			action: 'auth.sign-in',
			outcome: 'failure',
			reason: !found ? 'unknown-user' : !passwordOk ? 'wrong-password' : 'disabled',
			actor: anonymous,
			context,
			organizationId
		});
		return { ok: false, reason: 'invalid' };
	}

	await rateLimit.reset(accountKey);
	const { token, expiresAt } = await auth.createSession(found.user.id);
	await audit.record({
		action: 'auth.sign-in',
		outcome: 'success',
		actor: { type: 'user', id: found.user.id, label, organizationId: found.organization.id },
		context,
		organizationId
	});
	return { ok: true, token, expiresAt, mustChangePassword: found.user.mustChangePassword };
}

export async function signOut(
	sessionId: string,
	actor: audit.Actor & { type: 'user' },
	context: RequestContext
): Promise<void> {
	await auth.invalidateSession(sessionId);
	await audit.record({
		action: 'auth.sign-out',
		outcome: 'success',
		actor,
		context,
		organizationId: actor.organizationId
	});
}
