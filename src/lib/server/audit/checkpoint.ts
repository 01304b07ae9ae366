import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { auditCheckpoint, type AuditCheckpoint } from '../db/schema';
import type { ChainHead } from './chain';
import * as keys from './checkpoint-key';

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

export const digestOf = (payload: string) =>
	createHash('sha256').update(payload).digest('hex').slice(0, 12);

type Executor = Pick<typeof db, 'execute'>;

/** Every lane's last event, read in one statement (one snapshot). */
export async function currentHeads(executor: Executor = db): Promise<ChainHead[]> {
	const rows = rowsOf<{ chain: string; seq: string | number; hash: string }>(
		await executor.execute(sql`select h.chain, e.seq, e.hash from audit_chain_head h
			cross join lateral (select seq, hash from audit_event where chain = h.chain
				order by seq desc limit 1) e
			order by h.chain`)
	);
	return rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash }));
}

export async function store(
	heads: ChainHead[],
	executor: Executor = db
): Promise<CheckpointSummary> {
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

export async function findRow(id?: number): Promise<AuditCheckpoint | null> {
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
