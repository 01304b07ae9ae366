import type { Handle } from '@sveltejs/kit';
import { callerFor } from '../../identity/caller';
import { DEFAULT_LOCALE, isLocale, messages } from '$lib/i18n';
import { refuseMalformedForms } from '../forms';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * What every later handle and route may rely on: the request id (the caller's own when it is a
 * sane one, so an issuer can match our log to theirs), the locale from the `lang` cookie, who
 * is calling from where (for the audit trail), `locals.user` null and `locals.caller` anonymous
 * until the session handle says otherwise, and a `formData` that answers 400 rather than 500
 * for a body that is not a form. The page's `<html lang>` follows the locale.
 */
export const requestContext: Handle = async ({ event, resolve }) => {
	const given = event.request.headers.get('x-request-id');
	const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
	const lang = event.cookies.get('lang');
	event.locals.locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
	event.locals.context = {
		requestId,
		ip: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent')
	};
	event.locals.user = null;
	event.locals.session = null;
	event.locals.caller = callerFor(event.locals);
	// A GET or HEAD has no body to read; redefining its `formData` only cost time.
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		refuseMalformedForms(event.request, messages(event.locals.locale).common.errors.malformedForm);
	}
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	response.headers.set('x-request-id', requestId);
	return response;
};
