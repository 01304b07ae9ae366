import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { SessionUser } from '../identity/sessions';
import type { UserCaller } from '../identity/caller';
import { WRITERS } from '../../roles';

/**
 * Narrows `locals.caller` inside `(app)` routes to a signed-in user. The role guard
 * (role-guard.ts) already turned strangers away; this gives the route the typed caller it
 * passes to domain functions and re-checks the role right where it is used.
 */
export function requireUser(...roles: SessionUser['role'][]): UserCaller {
	const { locals } = getRequestEvent();
	const caller = locals.caller;
	if (caller?.kind !== 'user') error(401, 'Sign-in required');
	if (roles.length && !roles.includes(caller.user.role)) error(403, 'Forbidden');
	return caller;
}

/** A user who may change things: auditors are refused with 403 (lib/roles.ts). */
export const requireWriter = (): UserCaller => requireUser(...WRITERS);

/**
 * What an auditor may do on an `(app)` route, for the role guard (role-guard.ts): read any page
 * but those that exist only to write, and post only their own password change and the print
 * record of a certificate they read (a read, recorded). Everything else that writes is refused,
 * including actions added later: the list names what is allowed, not what is not.
 */
const AUDITOR_POSTS = ['/(app)/account/password', '/(app)/certificates/[id]'];
const WRITING_PAGES = ['/(app)/verify', '/(app)/contracts/new', '/(app)/contracts/import'];
export function auditorMay(routeId: string, method: string): boolean {
	if (method === 'GET' || method === 'HEAD') return !WRITING_PAGES.includes(routeId);
	return AUDITOR_POSTS.includes(routeId);
}
