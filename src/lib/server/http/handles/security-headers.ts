import type { Handle } from '@sveltejs/kit';
import { isDraining } from '../shutdown';

/**
 * The headers every answer carries, whoever made it (a page, an endpoint, a refusal from a
 * later handle, the deadline's 503): no MIME sniffing, no framing, no referrer to other sites,
 * the camera for the QR scanner only. The CSP itself is SvelteKit's (svelte.config.js).
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
	// Behind an https ORIGIN, browsers are told to use https only (a year; the portal's own host
	// only, as a municipality's other hosts may not all serve https). Not on plain-http localhost.
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000');
	}
	// Shutting down: no connection is kept alive for a next request (shutdown.ts).
	if (isDraining()) response.headers.set('connection', 'close');
	// A signed-in page is one clerk's: no shared cache may keep it.
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};
