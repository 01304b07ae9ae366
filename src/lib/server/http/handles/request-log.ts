import type { Handle } from '@sveltejs/kit';
import { log } from '../../common/log';

/**
 * One log line per request, with its final status (after the deadline and the outage 503) and
 * the time it took: what an operator greps when a clerk says "it was slow at ten".
 */
export const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	log.info({
		requestId: event.locals.context.requestId,
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		ms: Math.round(performance.now() - started),
		user: event.locals.user?.id,
		ip: event.locals.context.ip
	});
	return response;
};
