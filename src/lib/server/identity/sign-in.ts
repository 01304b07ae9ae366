import * as audit from '../audit/append';
import * as auth from './sessions';
import * as devices from './device-cookies';
import * as failures from './sign-in-failures';
import * as rateLimit from '../common/rate-limit';
import * as users from './users';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import type { RequestContext } from './request-context';
import { recordedAs, type UserCaller } from './caller';
import { isLocalGovernmentCode } from '../../local-government-code';
import { withoutBidi } from '../common/text';

/**
 * Sign-in limits that an outsider cannot turn into a lockout (DESIGN.md "Rate limits", OWASP's
 * device cookies). A browser in which the account signed in before (a valid device cookie)
 * counts its failures against its own budget only. Every other client counts against the
 * account from its address (tight) and against the account from anywhere (loose): an outsider
 * who spends those locks out outsiders, never the clerk's own browser. Every attempt from an
 * address counts against that address (argon2 costs CPU). A failure is counted before the
 * password is checked (reserve first, then decide), so parallel guesses cannot pass a limit.
 */
export const DEVICE_LIMIT: rateLimit.Limit = { max: 5, windowSeconds: 15 * 60 };
export const ACCOUNT_ADDRESS_LIMIT: rateLimit.Limit = { max: 5, windowSeconds: 15 * 60 };
export const ACCOUNT_LIMIT: rateLimit.Limit = { max: 20, windowSeconds: 60 * 60 };
/**
 * NIST SP 800-63B §5.2.2: at most 100 consecutive failed attempts on one account. Failures from
 * browsers without its device cookie count until the account signs in successfully anywhere.
 */
export const CONSECUTIVE_LIMIT: rateLimit.Limit = { max: 100, windowSeconds: 30 * 24 * 60 * 60 };
export const IP_LIMIT: rateLimit.Limit = {
	max: Number(process.env.LOGIN_IP_LIMIT ?? 30),
	windowSeconds: 5 * 60
};

export type SignInResult =
	| {
			ok: true;
			token: string;
			expiresAt: Date;
			mustChangePassword: boolean;
			/** The browser's device cookie, with this account's fresh entry. */
			devices: string;
	  }
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

type Scope = 'ip' | 'device' | 'account-address' | 'account';

function countersFor(label: string, ip: string, device: devices.Device | null) {
	const counters: (rateLimit.Counter & { scope: Scope })[] = [
		{ scope: 'ip', key: `login:ip:${ip}`, limit: IP_LIMIT }
	];
	if (device) {
		// The user's id in the key lets their organisation's admin find and lift it (lock-keys.ts).
		const key = `login:device:${device.userId}:${device.id}`;
		counters.push({ scope: 'device', key, limit: DEVICE_LIMIT });
	} else {
		const address = { key: `login:account-ip:${label}|${ip}`, limit: ACCOUNT_ADDRESS_LIMIT };
		counters.push({ scope: 'account-address', ...address });
		counters.push({ scope: 'account', key: `login:account:${label}`, limit: ACCOUNT_LIMIT });
		const consecutive = { key: `login:consecutive:${label}`, limit: CONSECUTIVE_LIMIT };
		counters.push({ scope: 'account', ...consecutive });
	}
	return counters;
}

export async function signIn(
	input: { organizationCode: string; username: string; password: string },
	context: RequestContext,
	deviceCookie?: string
): Promise<SignInResult> {
	const { code, username } = parseLogin(input.organizationCode, input.username);
	const label = `${code}/${username}`.slice(0, failures.LABEL_MAX);
	const found = isLocalGovernmentCode(code) ? await users.findByOrgCode(code, username) : null;
	const organizationId = found?.organization.id ?? null;
	const device = found ? await devices.recognise(deviceCookie, found.user.id) : null;

	const counters = countersFor(label, context.ip ?? 'unknown', device);
	const reservation = await rateLimit.reserve(counters);
	if (!reservation.reserved) {
		const full = reservation.full!;
		const scope = counters[reservation.counters.indexOf(full)].scope;
		// Once an address is throttled, which account it names no longer matters: one count.
		const byAddress = scope === 'ip';
		await failures.count({
			label: byAddress ? '' : label,
			reason: byAddress ? 'ip-throttled' : device ? 'device-throttled' : 'account-throttled',
			organizationId: byAddress ? null : organizationId,
			context
		});
		return { ok: false, reason: 'throttled', retryAfterSeconds: rateLimit.retryAfterSeconds(full) };
	}

	const passwordOk = found
		? await verifyPassword(found.user.passwordHash, input.password)
		: await verifyAgainstNothing(input.password);
	if (!found || !passwordOk || found.user.disabledAt) {
		const reason = !found ? 'unknown-user' : !passwordOk ? 'wrong-password' : 'disabled';
		await failures.count({ label, reason, organizationId, context });
		return { ok: false, reason: 'invalid' };
	}

	// Success is not a guess: the account's count gets its place back, and this browser's (or
	// this address's) failures are forgotten. The address keeps counting every attempt.
	const own = counters.find((c) => c.scope === 'device' || c.scope === 'account-address')!;
	await rateLimit.release(reservation, [`login:account:${label}`]);
	await rateLimit.reset(own.key);
	await rateLimit.reset(`login:consecutive:${label}`);
	const { token, expiresAt } = await auth.createSession(found.user.id);
	await audit.record({
		action: 'auth.sign-in',
		outcome: 'success',
		actor: { type: 'user', id: found.user.id, label, organizationId: found.organization.id },
		context: failures.cappedContext(context),
		organizationId,
		detail: device ? { device: 'known' } : null
	});
	return {
		ok: true,
		token,
		expiresAt,
		mustChangePassword: found.user.mustChangePassword,
		devices: await devices.issue(deviceCookie, found.user.id)
	};
}

/** Ends the caller's session (the one its request came with) and records it. */
export async function signOut(caller: UserCaller & { sessionId: string }): Promise<void> {
	await auth.invalidateSession(caller.sessionId);
	await audit.record({
		action: 'auth.sign-out',
		outcome: 'success',
		...recordedAs(caller),
		organizationId: caller.user.organizationId
	});
}
