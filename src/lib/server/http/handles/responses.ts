/**
 * The few answers the hooks make themselves rather than throw: a thrown error or redirect would
 * skip the outer handles, and with them the security headers and the request's log line.
 */

/** A JSON refusal (`{ message }`), as SvelteKit's own error responses look to a script. */
export function refuse(status: number, message: string): Response {
	return new Response(JSON.stringify({ message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
}

export const seeOther = (location: string) =>
	new Response(null, { status: 303, headers: { location } });

/**
 * "Cannot answer now, retry": problem+json for the issuer API (shared/API.md §1), the plain
 * message for a browser. Used by the admission limit and the deadline.
 */
export function unavailable(path: string, message: string): Response {
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
