import type { Handle } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { refuse } from './responses';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Cross-site form posts are refused here, as SvelteKit's own check did (svelte.config.js turns
 * that one off because it ran before any hook and also hit the issuer API: servers posting with a
 * bearer token and no cookie to abuse, which must get a problem+json 415, not a bare 403 text).
 * Beyond SvelteKit's check, a foreign Origin is refused whatever the body, and so is a POST with
 * no body and no Origin (POST /logout has no fields: it was signed out from any site, issue 12).
 */
export const refuseCrossSiteForms: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	const origin = request.headers.get('origin');
	const crossSite =
		!url.pathname.startsWith('/api/') &&
		UNSAFE.includes(request.method) &&
		origin !== url.origin &&
		(origin !== null || type === '' || FORM_TYPES.includes(type));
	if (!crossSite) return resolve(event);
	return refuse(403, messages(event.locals.locale).common.errors.crossSite);
};
