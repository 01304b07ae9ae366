import type { Handle } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { unavailable } from './responses';

/**
 * No request may hang: a database that comes back after an outage can leave queries of the
 * driver's pool waiting long after its connect timeout. Past the deadline the client gets a 503
 * to retry (with an Idempotency-Key an issuer's retry is safe), never a stuck connection.
 */
const DEADLINE_MS = Number(process.env.REQUEST_DEADLINE_MS ?? 8000);

export const deadline: Handle = async ({ event, resolve }) => {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<Response>((answer) => {
		timer = setTimeout(() => {
			const message = messages(event.locals.locale).common.errors.unavailable;
			answer(unavailable(event.url.pathname, message));
		}, DEADLINE_MS);
	});
	try {
		return await Promise.race([resolve(event), late]);
	} finally {
		clearTimeout(timer);
	}
};
