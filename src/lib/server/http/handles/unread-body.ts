import type { Handle } from '@sveltejs/kit';

/**
 * A request refused before its body was read (a form action sent as JSON, a sign-in redirect):
 * the body is read to its end first. Answering early makes Node close the connection while the
 * client is still sending, and the client sees a reset, not the reason.
 */
export const readUnreadBody: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.request.body && !event.request.bodyUsed) {
		await event.request.arrayBuffer().catch(() => {});
	}
	return response;
};
