import { LRUCache } from 'lru-cache';
import { LANES, type ChainHead } from './chain';

/**
 * What this process knows of one chain's lanes (audit-chain.ts): the ones it is writing now,
 * and the ones it wrote last and is not writing, with the heads it wrote. An idle lane is
 * written with one statement (audit.ts `appendAfter`) instead of a transaction that locks a
 * lane (four round trips, measured as the costliest part of a verification). When this process
 * already writes every lane of the chain, a writer waits here for the next one released rather
 * than on a row lock in the database.
 */
export class LanesHere {
	private readonly idle = new Map<string, ChainHead>();
	private readonly writing = new Set<string>();
	private readonly waiting: ((head: ChainHead | undefined) => void)[] = [];

	/**
	 * A lane to write after `head`, or undefined: then lock a lane in the database that is not
	 * in `known` (a lane idle here and written by a transaction would be stale here), and
	 * `hold` it.
	 */
	async take(): Promise<ChainHead | undefined> {
		const head: ChainHead | undefined = this.idle.values().next().value;
		if (head) {
			this.idle.delete(head.chain);
			this.writing.add(head.chain);
			return head;
		}
		if (this.writing.size + this.idle.size < LANES) return undefined;
		return new Promise((resolve) => this.waiting.push(resolve));
	}

	/** The lanes this process writes now or wrote last. */
	get known(): string[] {
		return [...this.writing, ...this.idle.keys()];
	}

	hold(lane: string): void {
		this.writing.add(lane);
	}

	/** Done with `lane`: `head` is what was written there, undefined when that is not known. */
	release(lane: string, head?: ChainHead): void {
		const next = this.waiting.shift();
		if (next && head) return next(head);
		this.writing.delete(lane);
		if (head) this.idle.set(lane, head);
		next?.(undefined);
	}
}

const known = new LRUCache<string, LanesHere>({ max: 10_000 });

export function lanesHere(chain: string): LanesHere {
	let lanes = known.get(chain);
	if (!lanes) known.set(chain, (lanes = new LanesHere()));
	return lanes;
}
