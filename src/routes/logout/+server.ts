import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/identity/sessions';
import { signOut } from '$lib/server/identity/sign-in';
import type { RequestHandler } from './$types';

/** A POST only: a GET that signs out can be triggered by any link or prefetch. */
export const POST: RequestHandler = async (event) => {
	const { caller } = event.locals;
	if (caller.kind === 'user' && caller.sessionId)
		await signOut({ ...caller, sessionId: caller.sessionId });
	auth.deleteSessionTokenCookie(event);
	redirect(303, '/login');
};
