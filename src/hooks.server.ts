import { type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import * as auth from '$lib/server/identity/sessions';
import { callerFor } from '$lib/server/identity/caller';
import { isDatabaseUnavailable } from '$lib/server/db';
import { migrate } from '$lib/server/db/migrate';
import * as auditCheckpoints from '$lib/server/audit/checkpoint-schedule';
import { startHousekeeping } from '$lib/server/common/housekeeping';
import { log } from '$lib/server/common/log';
import { refuseMalformedForms } from '$lib/server/http/forms';
import { auditorMay } from '$lib/server/http/guard';
import { handleShutdown, isDraining } from '$lib/server/http/shutdown';
import { dev } from '$app/environment';
import { DEFAULT_LOCALE, isLocale, messages } from '$lib/i18n';

export const init: ServerInit = async () => {
	await migrate();
	auditCheckpoints.schedule();
	// Outsiders' failed sign-ins folded into the trail, old counters removed (issue 12).
	const stopHousekeeping = startHousekeeping();
	// The built server only: Vite's dev server stops itself.
	if (!dev) handleShutdown(stopHousekeeping);
	// A stray rejection (a driver's socket error while the database restarts) is logged; it must
	// not take the whole portal down with every clerk's request in flight.
	process.on('unhandledRejection', (reason) => {
		log.error({ err: reason }, 'unhandled rejection');
	});
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * No request may hang: a database that comes back after an outage can leave queries of the
 * driver's pool waiting long after its connect timeout. Past the deadline the client gets a 503
 * to retry (with an Idempotency-Key an issuer's retry is safe), never a stuck connection.
 */
const DEADLINE_MS = Number(process.env.REQUEST_DEADLINE_MS ?? 8000);

async function withDeadline(
	work: Response | Promise<Response>,
	late: () => Response
): Promise<Response> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<Response>((resolve) => {
		timer = setTimeout(() => resolve(late()), DEADLINE_MS);
	});
	try {
		return await Promise.race([work, deadline]);
	} finally {
		clearTimeout(timer);
	}
}

function unavailable(path: string, message: string): Response {
	const api = path.startsWith('/api/');
	const body = api
		? JSON.stringify({
				type: '/problems/unavailable',
				title: 'Service Unavailable',
				status: 503,
				detail: 'The portal cannot answer in time; retry shortly'
			})
		: message;
	const type = api ? 'application/problem+json' : 'text/plain; charset=utf-8';
	return new Response(body, { status: 503, headers: { 'content-type': type, 'retry-after': '5' } });
}

/**
 * Admission limit (issue 7, fault tests): postgres.js queues every query once its pool is busy,
 * without a limit, so slow queries would pile requests up behind them — each one answered 503
 * only at the deadline, its queued work still running after that. Past MAX_IN_FLIGHT requests
 * at once, a new one is answered 503 at once instead. Health checks are always admitted.
 */
const MAX_IN_FLIGHT = Number(process.env.MAX_IN_FLIGHT ?? 64);
let inFlight = 0;

/** Request id, locale, security headers and one log line per request. */
const handleContext: Handle = async ({ event, resolve }) => {
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
		return await handleRequest({ event, resolve });
	} finally {
		inFlight--;
	}
};

const handleRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
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
	refuseMalformedForms(event.request, messages(event.locals.locale).common.errors.malformedForm);

	let response = await withDeadline(
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
		}),
		() => unavailable(event.url.pathname, messages(event.locals.locale).common.errors.unavailable)
	);
	// A request refused before its body was read (a form action sent as JSON, a sign-in
	// redirect): the body is read to its end first. Answering early makes Node close the
	// connection while the client is still sending, and the client sees a reset, not the reason.
	if (event.request.body && !event.request.bodyUsed) {
		await event.request.arrayBuffer().catch(() => {});
	}
	if (event.locals.databaseUnavailable && response.status >= 500) {
		response = new Response(response.body, { status: 503, headers: response.headers });
		response.headers.set('retry-after', '5');
	}
	response.headers.set('x-request-id', requestId);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(self), microphone=(), geolocation=()');
	// Behind an https ORIGIN, browsers are told to use https only (a year; the portal's own host
	// only, as a municipality's other hosts may not all serve https). Not on plain-http localhost.
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000');
	}
	if (isDraining()) response.headers.set('connection', 'close');

	const { user } = event.locals as App.Locals;
	if (user) response.headers.set('cache-control', 'private, no-store');
	log.info({
		requestId,
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		ms: Math.round(performance.now() - started),
		user: user?.id,
		ip: event.locals.context.ip
	});
	return response;
};

/** Paths that never look at the session: machine endpoints authenticate themselves. */
const SESSIONLESS = /^\/(api\/|healthz$|readyz$)/;

/**
 * A response made here rather than thrown: thrown errors and redirects skip handleContext,
 * and with it the security headers and the request log line.
 */
function refuse(status: number, message: string): Response {
	return new Response(JSON.stringify({ message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
}
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(auth.sessionCookieName(event.url));
	if (!token || SESSIONLESS.test(event.url.pathname)) {
		return resolve(event);
	}
	let result;
	try {
		result = await auth.validateSessionToken(token);
	} catch (cause) {
		if (!isDatabaseUnavailable(cause)) throw cause;
		// Not "signed out": the guard below answers 503 for every signed-in page.
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

/**
 * Layout guards do not cover form actions or endpoints: every `(app)` request is checked here.
 * A full page view that must fail gets the site's own error page from the (app) layout (it
 * always runs on a full render); anything else (actions, data, endpoints) is refused here.
 */
const guardApp: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id ?? '';
	if (!routeId.startsWith('/(app)')) return resolve(event);
	const pageView = event.request.method === 'GET' && !event.isDataRequest;
	const m = messages(event.locals.locale).common.errors;
	if (event.locals.databaseUnavailable) {
		if (pageView) return resolve(event);
		const response = refuse(503, m.unavailable);
		response.headers.set('retry-after', '5');
		return response;
	}
	const user = event.locals.user;
	if (!user) return pageView ? seeOther('/login') : refuse(401, 'Sign-in required');
	const forbidden =
		(routeId.startsWith('/(app)/admin') && user.role !== 'admin') ||
		(routeId.startsWith('/(app)/audit') && user.role === 'clerk') ||
		(user.role === 'auditor' && !auditorMay(routeId, event.request.method));
	if (forbidden) {
		if (!pageView) return refuse(403, m.forbidden);
		event.locals.forbidden = true;
	}
	if (user.mustChangePassword && routeId !== '/(app)/account/password') {
		return seeOther('/account/password');
	}
	return resolve(event);
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Cross-site form posts are refused here, as SvelteKit's own check did (svelte.config.js turns
 * that one off because it ran before any hook and also hit the issuer API: servers posting with a
 * bearer token and no cookie to abuse, which must get a problem+json 415, not a bare 403 text).
 * Beyond SvelteKit's check, a foreign Origin is refused whatever the body, and so is a POST with
 * no body and no Origin (POST /logout has no fields: it was signed out from any site, issue 12).
 */
const refuseCrossSiteForms: Handle = async ({ event, resolve }) => {
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

export const handle = sequence(handleContext, refuseCrossSiteForms, handleAuth, guardApp);

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
