import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { SessionUser } from './auth';
import type { Actor } from './audit';

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

/** How a signed-in user appears in the audit trail. */
export function userActor(user: SessionUser): Actor & { type: 'user' } {
	return {
		type: 'user',
		id: user.id,
		label: `${user.organizationCode}/${user.username}`,
		organizationId: user.organizationId
	};
}
