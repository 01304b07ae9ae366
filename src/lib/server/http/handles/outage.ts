import type { Handle } from '@sveltejs/kit';

/**
 * A database that cannot answer is "retry shortly" (503 with Retry-After), not "we broke"
 * (500): a clerk's page tells them to try again rather than call for help, and an issuer's
 * client retries. `locals.databaseUnavailable` is set by the session handle and by handleError.
 */
export const databaseOutage: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.locals.databaseUnavailable || response.status < 500) return response;
	const answer = new Response(response.body, { status: 503, headers: response.headers });
	answer.headers.set('retry-after', '5');
	return answer;
};
