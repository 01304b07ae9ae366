import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/identity/sessions';
import { signOut } from '$lib/server/identity/sign-in';
import type { RequestHandler } from './$types';

/** A POST only: a GET that signs out can be triggered by any link or prefetch. */
export const POST: RequestHandler = async (event) => {
	const { user, session, context } = event.locals;
	if (user && session) {
		const label = `${user.organizationCode}/${user.username}`;
		await signOut(
			session.id,
			{ type: 'user', id: user.id, label, organizationId: user.organizationId },
			context
		);
	}
	auth.deleteSessionTokenCookie(event);
	redirect(303, '/login');
};
