import { engine, statement } from '../db';
import { GENESIS_HASH, type ChainHead } from './chain';
import * as pages from './trail-pages';
import type { TrailEvent } from './trail-pages';
import * as checkpoints from './checkpoint';
import { guardProblems } from './guards';

/**
 * `audit verify`: reads every event once, in (chain, seq) order, a page at a time (constant
 * memory whatever the trail's size; trail-pages.ts), and hashes each itself. Each lane must
 * start at seq 1, go on without a gap, link each event to the one before, hash to what it says,
 * belong to a lane that has a head row, and still hold what the latest signed checkpoint (and
 * any copy given with `--against`) recorded: a chain cut short or rewritten since is named.
 * Ranges of lanes are read at once, so the database reads while this process hashes.
 */
export interface Broken {
	chain: string;
	seq: number;
	/** The event's id; -1 when the problem is an event that is missing. */
	id: number;
	problem: string;
}

export interface VerifyResult {
	ok: boolean;
	events: number;
	/** Lanes with events (each is a hash chain of its own). */
	chains: number;
	firstBroken?: Broken;
	/** The first problem of each broken lane (at most MAX_REPORTED). */
	broken: Broken[];
	/** Events in lanes that have no head row, counted per lane. */
	headless: { chain: string; events: number }[];
	/** Keep a copy elsewhere: a later `verify --against` it detects a rewritten chain. */
	heads: ChainHead[];
	checkpoint: checkpoints.CheckpointSummary | null;
	/** The database's own guards that are not in place (a trigger disabled …). */
	guards: string[];
}

const MAX_REPORTED = 1000;
/** Ranges read at once on PostgreSQL (PGlite answers one query at a time). */
const RANGES = 4;

/** Walks the rows of consecutive lanes, in order, and keeps what it found. */
class Walker {
	events = 0;
	heads: ChainHead[] = [];
	broken: Broken[] = [];
	headless: { chain: string; events: number }[] = [];
	private chain: string | null = null;
	private expected = 1;
	private prevHash = GENESIS_HASH;
	private count = 0;
	private problem: Broken | null = null;

	constructor(
		private readonly lanes: Set<string>,
		private readonly anchors: Map<string, ChainHead[]>
	) {}

	take(row: TrailEvent) {
		if (row.chain !== this.chain) this.start(row.chain);
		this.events++;
		this.count++;
		if (this.problem) return;
		const seq = row.seq;
		// The id is looked up for the report (NaN: an event that is there).
		const broken = (problem: string) =>
			(this.problem = { chain: row.chain, seq, id: NaN, problem });
		if (seq !== this.expected) {
			return broken(
				seq < 1
					? `seq ${seq}: a lane starts at seq 1`
					: `seq ${this.expected} is missing (the next event is seq ${seq})`
			);
		}
		if (row.prevHash !== this.prevHash)
			return broken('prev_hash does not match the previous event');
		if (row.expected !== row.hash) return broken('hash does not match the event content');
		for (const anchor of this.anchors.get(row.chain) ?? []) {
			if (anchor.seq === seq && anchor.hash !== row.hash) {
				return this.breaks(
					row,
					'differs from the signed checkpoint or kept copy: the chain was rewritten'
				);
			}
		}
		this.prevHash = row.hash;
		this.expected++;
	}

	/** The lane's first problem, at an event that is there (its id is looked up for the report). */
	private breaks(row: TrailEvent, problem: string) {
		this.problem = { chain: row.chain, seq: row.seq, id: NaN, problem };
	}

	private start(chain: string) {
		this.finish();
		this.chain = chain;
		this.expected = 1;
		this.prevHash = GENESIS_HASH;
		this.count = 0;
		this.problem = null;
	}

	finish() {
		const chain = this.chain;
		if (chain === null) return;
		this.chain = null;
		const last = this.expected - 1;
		if (!this.lanes.has(chain)) {
			this.headless.push({ chain, events: this.count });
			this.problem ??= {
				chain,
				seq: 1,
				id: -1,
				problem: `${this.count} event(s) in a lane that has no head row`
			};
		}
		const reached = Math.max(0, ...(this.anchors.get(chain) ?? []).map((a) => a.seq));
		if (!this.problem && reached > last) {
			this.problem = {
				chain,
				seq: last + 1,
				id: -1,
				problem: `the signed checkpoint or kept copy reaches seq ${reached}; the trail now ends at ${last}`
			};
		}
		if (this.problem && this.broken.length < MAX_REPORTED) this.broken.push(this.problem);
		this.heads.push({ chain, seq: last, hash: this.prevHash });
	}
}

async function walkRange(walker: Walker, from: string | null, to: string | null) {
	// ('', lowest) precedes every event: an empty chain name sorts first in any collation.
	let after: [string, number] = [from ?? '', Number.MIN_SAFE_INTEGER];
	for (;;) {
		const events = await pages.rangePage(after, to);
		for (const event of events) walker.take(event);
		if (events.length < pages.PAGE) break;
		const last = events[events.length - 1];
		after = [last.chain, last.seq];
	}
	walker.finish();
}

async function walkLane(walker: Walker, lane: string) {
	let after = Number.MIN_SAFE_INTEGER;
	for (;;) {
		const events = await pages.lanePage(lane, after);
		for (const event of events) walker.take(event);
		if (events.length < pages.PAGE) break;
		after = events[events.length - 1].seq;
	}
	walker.finish();
}

/** `count` boundaries splitting the sorted lanes into ranges of about equal numbers of lanes. */
function boundaries(sorted: string[], count: number): (string | null)[] {
	const cuts = [null as string | null];
	for (let i = 1; i < count; i++) {
		const cut = sorted[Math.floor((sorted.length * i) / count)];
		if (cut !== undefined && cut !== cuts[cuts.length - 1]) cuts.push(cut);
	}
	return [...cuts, null];
}

export interface VerifyOptions {
	/** Only the lanes of this chain (`org:<id>`); headless lanes are then not searched. */
	chain?: string;
	/** Heads of an earlier run kept elsewhere (`--against`). */
	anchors?: ChainHead[];
	/** Check against this checkpoint instead of the latest (`--checkpoint <id>`). */
	checkpoint?: number;
}

/** Verifies the trail (or one chain) against itself, the latest checkpoint and `anchors`. */
export async function verify(options: VerifyOptions = {}): Promise<VerifyResult> {
	const registry = await statement<{ chain: string }>(
		options.chain
			? `select chain from audit_chain_head where base = $1 order by chain`
			: `select chain from audit_chain_head order by chain`,
		options.chain ? [options.chain] : []
	);
	const lanes = new Set(registry.map((r) => r.chain));
	const checkpoint = await checkpoints.check(options.checkpoint);
	const inScope = (chain: string) =>
		!options.chain || chain === options.chain || chain.startsWith(`${options.chain}/`);
	const anchors = new Map<string, ChainHead[]>();
	for (const anchor of [...(checkpoint?.heads ?? []), ...(options.anchors ?? [])]) {
		if (!inScope(anchor.chain) || anchor.seq < 1) continue;
		anchors.set(anchor.chain, [...(anchors.get(anchor.chain) ?? []), anchor]);
	}

	const walkers: Walker[] = [];
	if (options.chain) {
		const walker = new Walker(lanes, anchors);
		for (const lane of lanes) await walkLane(walker, lane);
		walkers.push(walker);
	} else {
		const cuts = boundaries([...lanes], engine === 'postgres' ? RANGES : 1);
		await Promise.all(
			cuts.slice(0, -1).map((from, i) => {
				const walker = new Walker(lanes, anchors);
				walkers.push(walker);
				return walkRange(walker, from, cuts[i + 1]);
			})
		);
	}
	const seen = new Set(walkers.flatMap((w) => w.heads.map((h) => h.chain)));
	const gone = [...anchors.keys()]
		.filter((chain) => !seen.has(chain))
		.map((chain) => ({
			chain,
			seq: 1,
			id: -1,
			problem: 'the signed checkpoint or kept copy has this lane; the trail has none of its events'
		}));
	const broken = [...walkers.flatMap((w) => w.broken), ...gone]
		.sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))
		.slice(0, MAX_REPORTED);
	for (const entry of broken)
		if (Number.isNaN(entry.id)) entry.id = await pages.eventId(entry.chain, entry.seq);
	const guards = await guardProblems();
	const heads = walkers.flatMap((w) => w.heads);
	return {
		ok: broken.length === 0 && guards.length === 0 && (checkpoint?.problem ?? null) === null,
		events: walkers.reduce((sum, w) => sum + w.events, 0),
		chains: heads.length,
		firstBroken: broken[0],
		broken,
		headless: walkers.flatMap((w) => w.headless),
		heads,
		checkpoint: checkpoint && checkpoints.summary(checkpoint),
		guards
	};
}
