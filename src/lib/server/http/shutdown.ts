import { closeDb } from '../db';
import { log } from '../common/log';

/**
 * Graceful shutdown on SIGTERM / SIGINT (issue 12): stop accepting, finish the requests in
 * flight, close the database, exit 0 within 10 s.
 *
 * adapter-node does the HTTP part itself (build/index.js): on either signal it closes idle
 * keep-alive connections, stops accepting, closes every other connection as soon as its request
 * ends, and when none is left emits `sveltekit:shutdown`. It never exits: the process ends only
 * when nothing else holds the event loop, and the database did. PGlite re-arms PostgreSQL's
 * statistics timer (10 s) after every write, so after one signed-in request `node build` ran on
 * for good, holding the embedded database's owner lock; postgres.js keeps idle connections for
 * a minute.
 *
 * So: on `sveltekit:shutdown` the database is closed (PGlite: its files and the owner lock;
 * postgres.js: the pool) and the process exits 0. A request still running past the request
 * deadline (a long CSV download; anything else has had its 503 by then) does not hold it: at
 * REQUEST_DEADLINE_MS + 1 s after the signal, at most 9 s, the database is closed and the
 * process exits anyway, inside a 10 s kill timeout. adapter-node's own hard stop
 * (SHUTDOWN_TIMEOUT, 30 s by default) would come too late for that.
 */
const DEADLINE_MS = Number(process.env.REQUEST_DEADLINE_MS ?? 8000);
const HARD_STOP_MS = Math.min(DEADLINE_MS + 1000, 9000);
/** Closing the database may not hold the exit longer than this. */
const CLOSE_BOUND_MS = 1500;

let draining = false;
let stopping = false;

/**
 * True once a signal came. Every answer then says `Connection: close`: adapter-node closes a
 * keep-alive connection that is idle when its request ends, but one whose request ended a
 * moment before the signal could wait out Node's keep-alive timeout (5 s); this way none does.
 */
export const isDraining = () => draining;

async function stop(reason: 'drained' | 'deadline', beforeClose: () => void) {
	if (stopping) return;
	stopping = true;
	// No timer may open the database again once it is closed.
	beforeClose();
	let bound: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			closeDb(),
			new Promise((resolve) => (bound = setTimeout(resolve, CLOSE_BOUND_MS)))
		]);
	} catch (error) {
		log.error({ err: error }, 'closing the database failed');
	} finally {
		clearTimeout(bound);
	}
	log.info({ reason }, 'stopped');
	process.exit(0);
}

/**
 * Installs the handlers once, in the built server (not under Vite's dev server); `beforeClose`
 * stops what would still use the database (the housekeeping timer).
 */
export function handleShutdown(beforeClose: () => void = () => {}) {
	const onSignal = (signal: NodeJS.Signals) => {
		draining = true;
		log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
		// Unref'd: it never keeps the process alive, only ends one that something still holds.
		setTimeout(() => {
			log.warn({ afterMs: HARD_STOP_MS }, 'requests still running at the deadline: stopping');
			void stop('deadline', beforeClose);
		}, HARD_STOP_MS).unref();
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGINT', onSignal);
	process.once('sveltekit:shutdown', () => void stop('drained', beforeClose));
}
