import type { Limit } from '../common/rate-limit';
import type { LockKind } from '../../lock-kinds';
import { NUMBER_LIMIT, ORGANIZATION_LIMIT, USER_LIMIT } from '../certificates/verify';
import { ACCOUNT_ADDRESS_LIMIT, ACCOUNT_LIMIT, CONSECUTIVE_LIMIT, DEVICE_LIMIT } from './sign-in';

/**
 * Which rate-limit counters belong to one organisation, read from their keys (the keys are
 * built in certificates/verify.ts `countersFor` and identity/sign-in.ts `countersFor`). An admin
 * sees and lifts only these: a key this module does not place in the organisation is another
 * organisation's, or nobody's (an address's own limit, an unknown account's), however the form
 * was made (tenant isolation, issue 7).
 *
 * Sign-in counters are labelled `<code>/<username>` as typed; the label of an existing account is
 * exactly `<organisation code>/<username>` (sign-in.ts `parseLogin` lowercases and normalises,
 * usernames are `[a-z0-9._-]`, 2–32 characters, within LABEL_MAX), so the counters that can stop
 * one of the organisation's users map to that user and to nothing else.
 */
export { LOCK_KINDS, type LockKind } from '../../lock-kinds';

export interface Member {
	id: string;
	username: string;
	displayName: string;
}

export interface OwnCounter {
	key: string;
	kind: LockKind;
	limit: Limit;
	/** The clerk whose key attempts or sign-ins the counter stops. */
	user?: Member;
	/** The guarantee number locked for this organisation. */
	guaranteeNumber?: string;
	/** The address a per-(account, address) sign-in limit counts. */
	address?: string;
}

export interface Organization {
	id: string;
	code: string;
	members: Member[];
}

const labelOf = (org: Organization, user: Member) => `${org.code}/${user.username}`;

/** What to ask the database for: the exact keys and the key prefixes of the organisation. */
export function keysOf(org: Organization): { exact: string[]; prefixes: string[] } {
	const exact = [`verify:org:${org.id}`];
	const prefixes = [`verify:number:${org.id}:`];
	for (const user of org.members) {
		const label = labelOf(org, user);
		exact.push(`verify:user:${user.id}`, `login:account:${label}`, `login:consecutive:${label}`);
		prefixes.push(`login:account-ip:${label}|`, `login:device:${user.id}:`);
	}
	return { exact, prefixes };
}

/** The organisation's counter a key names, or null when the key is not the organisation's. */
export function ownCounter(org: Organization, key: string): OwnCounter | null {
	const number = after(key, `verify:number:${org.id}:`);
	if (number) return { key, kind: 'number', limit: NUMBER_LIMIT, guaranteeNumber: number };
	if (key === `verify:org:${org.id}`)
		return { key, kind: 'organization', limit: ORGANIZATION_LIMIT };
	for (const user of org.members) {
		const label = labelOf(org, user);
		if (key === `verify:user:${user.id}`) return { key, kind: 'user', limit: USER_LIMIT, user };
		if (key === `login:account:${label}`)
			return { key, kind: 'account', limit: ACCOUNT_LIMIT, user };
		if (key === `login:consecutive:${label}`) {
			return { key, kind: 'consecutive', limit: CONSECUTIVE_LIMIT, user };
		}
		const address = after(key, `login:account-ip:${label}|`);
		if (address) {
			return { key, kind: 'account-address', limit: ACCOUNT_ADDRESS_LIMIT, user, address };
		}
		if (after(key, `login:device:${user.id}:`)) {
			return { key, kind: 'device', limit: DEVICE_LIMIT, user };
		}
	}
	return null;
}

/** The rest of `key` after `prefix`, when it starts with it and something follows. */
function after(key: string, prefix: string): string | null {
	return key.startsWith(prefix) && key.length > prefix.length ? key.slice(prefix.length) : null;
}
