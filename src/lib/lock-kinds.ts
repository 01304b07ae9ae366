/**
 * The limits an organisation's admin can see and lift (server/identity/lock-keys.ts), in the
 * order the locks page lists them: key attempts (certificates/verify.ts), then sign-ins
 * (identity/sign-in.ts).
 */
export const LOCK_KINDS = [
	'number',
	'user',
	'organization',
	'device',
	'account-address',
	'account',
	'consecutive'
] as const;
export type LockKind = (typeof LOCK_KINDS)[number];
