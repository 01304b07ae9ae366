import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { db, rowsOf, statement } from '../db';
import { auditCheckpoint, type AuditCheckpoint } from '../db/schema';
import type { ChainHead } from './chain';
import * as keys from './checkpoint-key';
import { log } from '../common/log';

/**
 * Signed checkpoints: the head (last seq and hash) of every lane, signed with the portal's key
 * (checkpoint-key.ts) and stored. The trail is append-only, so every later state must still hold
 * each checkpointed event: a lane cut short, or rewritten and rehashed from some event on, no
 * longer does, and no one without the key can sign a new checkpoint to cover it up.
 */
export interface CheckpointSummary {
	id: number;
	at: string;
	keyId: string;
	/** The first 12 hex digits of SHA-256 of the signed text: printed on the 検証記録. */
	digest: string;
	chains: number;
	events: number;
	/** Why the checkpoint cannot be relied on (bad signature, unknown key …), else null. */
	problem: string | null;
}
export interface CheckpointCheck extends CheckpointSummary {
	heads: ChainHead[];
}

/** The text that is signed: fixed key order, heads sorted by lane. */
interface Payload {
	v: 1;
	at: string;
	keyId: string;
	chains: number;
	events: number;
	heads: [chain: string, seq: number, hash: string][];
}

const digestOf = (payload: string) =>
	createHash('sha256').update(payload).digest('hex').slice(0, 12);

/** Every lane's last event, read in one statement (one snapshot). */
async function currentHeads(): Promise<ChainHead[]> {
	const rows = await statement<{ chain: string; seq: string | number; hash: string }>(
		`select h.chain, e.seq, e.hash from audit_chain_head h
		cross join lateral (select seq, hash from audit_event where chain = h.chain
			order by seq desc limit 1) e
		order by h.chain`,
		[]
	);
	return rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash }));
}

type Executor = Pick<typeof db, 'execute'>;

async function store(heads: ChainHead[], executor: Executor = db): Promise<CheckpointSummary> {
	const key = keys.loadOrCreate();
	const payload: Payload = {
		v: 1,
		at: new Date().toISOString(),
		keyId: key.id,
		chains: heads.length,
		events: heads.reduce((sum, h) => sum + h.seq, 0),
		heads: heads.map((h) => [h.chain, h.seq, h.hash])
	};
	const text = JSON.stringify(payload);
	const [row] = rowsOf<{ id: string | number }>(
		await executor.execute(sql`insert into audit_checkpoint
			(at, key_id, chains, events, payload, signature)
			values (${payload.at}::timestamptz, ${key.id}, ${payload.chains}, ${payload.events},
				${text}, ${keys.signText(key, text)})
			returning id`)
	);
	return {
		id: Number(row.id),
		at: payload.at,
		keyId: key.id,
		digest: digestOf(text),
		chains: payload.chains,
		events: payload.events,
		problem: null
	};
}

/** `audit checkpoint`: signs the heads as they are now. */
export async function create(): Promise<CheckpointSummary> {
	return store(await currentHeads());
}

/**
 * The server's hourly checkpoint (AUDIT_CHECKPOINT_MINUTES): one instance at a time (an advisory
 * lock; the others skip), and only when the last one is older than the interval and the trail
 * has grown since. Returns null when nothing was written.
 */
export async function createIfDue(minutes: number): Promise<CheckpointSummary | null> {
	return db.transaction(async (tx) => {
		const [{ locked }] = rowsOf<{ locked: boolean }>(
			await tx.execute(sql`select pg_try_advisory_xact_lock(4242003) as locked`)
		);
		if (!locked) return null;
		const [last] = await tx
			.select()
			.from(auditCheckpoint)
			.orderBy(desc(auditCheckpoint.id))
			.limit(1);
		if (last && Date.now() - new Date(last.at).getTime() < minutes * 60_000 - 5_000) return null;
		const heads = await currentHeads();
		const events = heads.reduce((sum, h) => sum + h.seq, 0);
		if (last && last.events === events && last.chains === heads.length) return null;
		return store(heads, tx);
	});
}

async function findRow(id?: number): Promise<AuditCheckpoint | null> {
	const [row] = await db
		.select()
		.from(auditCheckpoint)
		.where(id === undefined ? undefined : eq(auditCheckpoint.id, id))
		.orderBy(desc(auditCheckpoint.id))
		.limit(1);
	return row ?? null;
}

/** Only what the signed text says counts; the row's other columns are for listing. */
function examine(row: AuditCheckpoint, key: keys.CheckpointKey | null): CheckpointCheck {
	const base = {
		id: Number(row.id),
		at: new Date(row.at).toISOString(),
		keyId: row.keyId,
		digest: digestOf(row.payload),
		chains: row.chains,
		events: Number(row.events),
		heads: [] as ChainHead[]
	};
	if (!key) {
		return {
			...base,
			problem: `no checkpoint key at ${keys.keyFile()}: its signature cannot be checked`
		};
	}
	if (!keys.verifyText(key, row.payload, row.signature)) {
		return {
			...base,
			problem: `its signature does not verify with this portal's checkpoint key (${key.id})`
		};
	}
	const payload = JSON.parse(row.payload) as Payload;
	return {
		...base,
		at: payload.at,
		keyId: payload.keyId,
		chains: payload.chains,
		events: payload.events,
		heads: payload.heads.map(([chain, seq, hash]) => ({ chain, seq, hash })),
		problem: null
	};
}

/** The latest checkpoint (or checkpoint `id`) with its signature checked; null when none. */
export async function check(id?: number): Promise<CheckpointCheck | null> {
	const row = await findRow(id);
	if (!row && id !== undefined) throw new Error(`No audit checkpoint #${id}`);
	return row && examine(row, keys.load());
}

export function summary({ heads: _heads, ...rest }: CheckpointCheck): CheckpointSummary {
	return rest;
}

/**
 * The checkpoint in force, for the 検証記録 (certificate page, contract record): its number, digest
 * and time, so a printout can be matched to the trail later. Read at most once a minute (the
 * certificate page is the busiest page; checkpoints come hourly): a page printed in the minute
 * after a new checkpoint names the one before, which also precedes the print.
 */
let inForceCache:
	{ value: Pick<CheckpointSummary, 'id' | 'digest' | 'at'> | null; until: number } | undefined;
export async function inForce() {
	if (inForceCache && inForceCache.until > Date.now()) return inForceCache.value;
	const row = await findRow();
	const value = row && {
		id: Number(row.id),
		digest: digestOf(row.payload),
		at: new Date(row.at).toISOString()
	};
	inForceCache = { value, until: Date.now() + 60_000 };
	return value;
}

/** The last checkpoint examined for the screen: its signed text is parsed once, not per view. */
let examined: CheckpointCheck | undefined;

/**
 * For the auditor's screen, cheap enough for every page view: the latest checkpoint (its
 * signature checked once), and whether the organisation's lanes still hold each event it
 * recorded: one indexed lookup per lane. The full walk of every hash stays with `audit verify`
 * (docs/AUDIT.md).
 */
export async function statusFor(organizationId: string) {
	const [latest] = await statement<{ id: string | number }>(
		`select id from audit_checkpoint order by id desc limit 1`,
		[]
	);
	if (!latest) return null;
	if (examined?.id !== Number(latest.id)) examined = (await check(Number(latest.id)))!;
	const checkpoint = examined;
	if (checkpoint.problem) return { checkpoint: summary(checkpoint), state: 'unusable' as const };
	const base = `org:${organizationId}`;
	const mine = checkpoint.heads.filter((h) => h.chain === base || h.chain.startsWith(`${base}/`));
	const found = await statement<{ ok: boolean | null }>(
		`select e.hash = k.hash as ok
		from jsonb_to_recordset($1::text::jsonb) as k(chain text, seq bigint, hash text)
		left join audit_event e on e.chain = k.chain and e.seq = k.seq`,
		[JSON.stringify(mine)]
	);
	const intact = found.every((r) => r.ok === true);
	return {
		checkpoint: summary(checkpoint),
		state: intact ? ('intact' as const) : ('broken' as const)
	};
}

/**
 * The server's own checkpoints, every AUDIT_CHECKPOINT_MINUTES (default 60; 0 turns them off),
 * the first a minute after start. Safe with several instances (createIfDue). Returns the
 * function that stops it; the timers never keep the process alive.
 */
export function schedule(minutes = Number(process.env.AUDIT_CHECKPOINT_MINUTES ?? 60)): () => void {
	if (!(minutes > 0)) return () => {};
	const tick = () =>
		createIfDue(minutes).then(
			(made) =>
				made &&
				log.info(
					{ checkpoint: made.id, digest: made.digest, events: made.events },
					'audit checkpoint'
				),
			(error) => log.warn({ err: String(error) }, 'audit checkpoint failed; tried again next time')
		);
	const first = setTimeout(tick, 60_000).unref();
	const every = setInterval(tick, minutes * 60_000).unref();
	return () => {
		clearTimeout(first);
		clearInterval(every);
	};
}
