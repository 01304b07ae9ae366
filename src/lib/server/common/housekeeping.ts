import { log } from './log';
import * as rateLimit from './rate-limit';
import * as signInFailures from '../identity/sign-in-failures';

/**
 * Work no request waits for, on a timer in each instance (safe to run in several at once):
 * outsiders' failed sign-ins folded into the audit trail once their minute is over, even when no
 * one tries to sign in afterwards; old counters removed now and then. The timer does not keep
 * the process alive; a failed round is logged and tried again at the next tick.
 */
const FOLD_EVERY_MS = 30_000;
const PRUNE_EVERY_TICKS = 120;

export function startHousekeeping(): () => void {
	let ticks = 0;
	const timer = setInterval(async () => {
		try {
			await signInFailures.foldFinished();
			if (ticks++ % PRUNE_EVERY_TICKS === 0) {
				await rateLimit.prune();
				await signInFailures.prune();
			}
		} catch (err) {
			log.warn({ err: String(err) }, 'housekeeping round failed');
		}
	}, FOLD_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
