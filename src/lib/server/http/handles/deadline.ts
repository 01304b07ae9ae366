import type { Handle } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { unavailable } from './responses';

/**
 * No request may hang: a database that comes back after an outage can leave queries of the
 * driver's pool waiting long after its connect timeout. Past the deadline the client gets a 503
 * to retry (with an Idempotency-Key an issuer's retry is safe), never a stuck connection.
 */
const DEADLINE_MS = Number(process.env.REQUEST_DEADLINE_MS ?? 8000);

/**
 * One timer looks at every request in flight a few times a second, rather than one timer set and
 * cleared per request: Node keeps timers in a priority queue, and its upkeep was a visible share
 * of a page's CPU (docs/PERFORMANCE.md). A deadline is kept to within SWEEP_MS.
 */
const SWEEP_MS = Math.max(10, Math.min(250, DEADLINE_MS / 4));
const running = new Set<{ due: number; late: () => void }>();
let sweeper: NodeJS.Timeout | undefined;

function sweep() {
	const now = performance.now();
	for (const request of running) {
		if (request.due > now) continue;
		running.delete(request);
		request.late();
	}
}

export const deadline: Handle = async ({ event, resolve }) => {
	// Unref'd: it never keeps the process alive; a request in flight holds its socket anyway.
	sweeper ??= setInterval(sweep, SWEEP_MS).unref();
	let request!: { due: number; late: () => void };
	const late = new Promise<Response>((answer) => {
		request = {
			due: performance.now() + DEADLINE_MS,
			late: () => {
				const message = messages(event.locals.locale).common.errors.unavailable;
				answer(unavailable(event.url.pathname, message));
			}
		};
	});
	running.add(request);
	try {
		return await Promise.race([resolve(event), late]);
	} finally {
		running.delete(request);
	}
};
