import type { Handle } from '@sveltejs/kit';
import { callerFor } from '../../identity/caller';
import * as auth from '../../identity/sessions';
import { isDatabaseUnavailable } from '../../db';

/** Paths that never look at the session: machine endpoints authenticate themselves. */
const SESSIONLESS = /^\/(api\/|healthz$|readyz$)/;

/**
 * Who is signed in (STYLE.md §4, the Lucia design): the session cookie is checked against the
 * database, `locals.user` and `locals.session` set, the cookie renewed when the session's expiry
 * slid, and deleted when the session is gone.
 */
export const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(auth.sessionCookieName(event.url));
	if (!token || SESSIONLESS.test(event.url.pathname)) {
		return resolve(event);
	}
	let result;
	try {
		result = await auth.validateSessionToken(token);
	} catch (cause) {
		if (!isDatabaseUnavailable(cause)) throw cause;
		// Not "signed out": the role guard answers 503 for every signed-in page.
		event.locals.databaseUnavailable = true;
		return resolve(event);
	}
	if (result) {
		// The cookie expires with the session; it changes only when the session's expiry slid.
		if (result.session.extended) auth.setSessionTokenCookie(event, token, result.session.expiresAt);
		event.locals.user = result.user;
		event.locals.session = result.session;
		event.locals.caller = callerFor(event.locals);
	} else {
		auth.deleteSessionTokenCookie(event);
	}
	return resolve(event);
};
