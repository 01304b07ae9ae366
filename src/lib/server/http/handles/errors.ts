import type { HandleServerError } from '@sveltejs/kit';
import { isDatabaseUnavailable } from '../../db';
import { log } from '../../common/log';
import { DEFAULT_LOCALE, messages } from '$lib/i18n';

/**
 * What an unexpected error shows (Kit docs, "Errors"): the generic message in the clerk's
 * language and a request id to quote, the cause only in the log. A database that cannot answer
 * is marked, so the outage handle turns the 500 into a 503 and the page says "cannot verify now".
 */
export const handleError: HandleServerError = ({ error: cause, event, status }) => {
	const requestId = event.locals.context?.requestId ?? crypto.randomUUID();
	const m = messages(event.locals.locale ?? DEFAULT_LOCALE).common.errors;
	if (isDatabaseUnavailable(cause)) {
		event.locals.databaseUnavailable = true;
		log.warn({ requestId, err: String(cause) }, 'database unavailable');
		return { message: m.unavailable, requestId, code: 'unavailable' };
	}
	if (status === 404) return { message: m.notFound, requestId };
	// SvelteKit's own refusals (e.g. 415 for a form action sent as JSON): the client's mistake.
	if (status < 500) {
		log.info({ requestId, status, err: String(cause) }, 'request refused');
		return { message: m.badRequest, requestId };
	}
	log.error({ requestId, err: cause }, 'unexpected error');
	return { message: m.unexpected, requestId, code: 'unexpected' };
};
