import type { Handle } from '@sveltejs/kit';
import { log } from '../../common/log';
import { DEFAULT_LOCALE, messages } from '$lib/i18n';
import { unavailable } from './responses';

/**
 * Admission limit (issue 7, fault tests): postgres.js queues every query once its pool is busy,
 * without a limit, so slow queries would pile requests up behind them — each one answered 503
 * only at the deadline, its queued work still running after that. Past MAX_IN_FLIGHT requests
 * at once, a new one is answered 503 at once instead. Health checks are always admitted.
 */
const MAX_IN_FLIGHT = Number(process.env.MAX_IN_FLIGHT ?? 64);
let inFlight = 0;

export const admissionLimit: Handle = async ({ event, resolve }) => {
	const probe = event.url.pathname === '/healthz' || event.url.pathname === '/readyz';
	if (!probe && inFlight >= MAX_IN_FLIGHT) {
		log.warn({ path: event.url.pathname, inFlight }, 'over the admission limit');
		const m = messages(DEFAULT_LOCALE).common.errors.unavailable;
		const response = unavailable(event.url.pathname, m);
		response.headers.set('x-content-type-options', 'nosniff');
		return response;
	}
	inFlight++;
	try {
		return await resolve(event);
	} finally {
		inFlight--;
	}
};
