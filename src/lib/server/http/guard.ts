import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { SessionUser } from '../identity/sessions';

/**
 * Narrows `locals.user` inside `(app)` routes. hooks.server.ts already turned strangers away;
 * this gives the route a typed user and re-checks the role right where it is used.
 */
export function requireUser(...roles: SessionUser['role'][]): SessionUser {
	const { locals } = getRequestEvent();
	const user = locals.user;
	if (!user) error(401, 'Sign-in required');
	if (roles.length && !roles.includes(user.role)) error(403, 'Forbidden');
	return user;
}

// Routes import the actor helper from here, beside requireUser.
export { userActor } from '../audit/append';
