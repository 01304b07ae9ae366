import { asc, eq, inArray, sql } from 'drizzle-orm';
import { db, statement, type Database } from '../db';
import { GENESIS_HASH, hashEvent, lanesOf, type ChainedFields, type ChainHead } from './chain';
import { lanesHere } from './lanes';
import { auditChainHead, auditEvent, type AuditEvent } from '../db/schema';
import type { RequestContext } from '../identity/request-context';

export { LANES } from './chain';

/**
 * The audit trail. Every module records through `record`; this module only ever inserts.
 * Events are hash-chained per chain (one per organisation, one per issuer, one for operator
 * actions, one for the portal's unattributed events) and the chain head is locked inside the
 * writing transaction, so concurrent writers cannot fork a chain.
 */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type Actor =
	| { type: 'user'; id: string; label: string; organizationId: string }
	| { type: 'issuer'; id: string; label: string }
	| { type: 'operator'; label: string }
	| { type: 'anonymous'; label?: string };

/** How a signed-in user appears in the audit trail: `<organisation code>/<username>`. */
export function userActor(user: {
	id: string;
	username: string;
	organizationId: string;
	organizationCode: string;
}): Actor & { type: 'user' } {
	return {
		type: 'user',
		id: user.id,
		label: `${user.organizationCode}/${user.username}`,
		organizationId: user.organizationId
	};
}

export interface EventInput {
	action: string;
	outcome: 'success' | 'failure' | 'denied' | 'locked';
	actor: Actor;
	context: RequestContext;
	organizationId?: string | null;
	issuerId?: string | null;
	reason?: string | null;
	guaranteeId?: string | null;
	guaranteeNumber?: string | null;
	purpose?: string | null;
	detail?: Record<string, unknown> | null;
}

export function chainFor(input: Pick<EventInput, 'organizationId' | 'issuerId' | 'actor'>): string {
	if (input.organizationId) return `org:${input.organizationId}`;
	if (input.issuerId) return `issuer:${input.issuerId}`;
	if (input.actor.type === 'operator') return 'operator';
	return 'portal';
}

/**
 * A refused request is recorded with what it sent, but PostgreSQL text and jsonb cannot hold a
 * NUL: it is stored as U+FFFD, before the event is hashed, so the trail still verifies.
 */
const noNul = (text: string) => text.replaceAll('\0', '\uFFFD');
const storable = (fields: ChainedFields): ChainedFields => {
	const json = JSON.stringify(fields, (_key, v) => (typeof v === 'string' ? noNul(v) : v));
	return { ...JSON.parse(json), at: fields.at };
};

function chainedFields(
	input: EventInput,
	chain: string,
	seq: number,
	prevHash: string
): ChainedFields {
	const actor = input.actor;
	return storable({
		chain,
		seq,
		prevHash,
		at: new Date(),
		requestId: input.context.requestId,
		actorType: actor.type,
		actorId: 'id' in actor ? actor.id : null,
		actorLabel: actor.label ?? null,
		organizationId: input.organizationId ?? null,
		issuerId: input.issuerId ?? null,
		action: input.action,
		outcome: input.outcome,
		reason: input.reason ?? null,
		guaranteeId: input.guaranteeId ?? null,
		guaranteeNumber: input.guaranteeNumber ?? null,
		purpose: input.purpose ?? null,
		ip: input.context.ip,
		userAgent: input.context.userAgent?.slice(0, 512) ?? null,
		detail: input.detail ?? null
	});
}

/**
 * Locks and reads the head of a free lane of `chain` (audit-chain.ts), creating one if needed:
 * a chain whose head is locked by a writer still in its transaction does not make the next
 * writer wait. One writer at a time always uses the first lane. Measured: with one lane, 8
 * concurrent clerks spent most of their time waiting for one another's commits.
 */
async function lockFreeLane(
	tx: Transaction,
	chain: string,
	knownHere: readonly string[] = []
): Promise<ChainHead> {
	// Lanes this process writes without a transaction are left to it (audit-lanes.ts); when it
	// knows every lane, any will do.
	const others = lanesOf(chain).filter((lane) => !knownHere.includes(lane));
	const lanes = others.length ? others : lanesOf(chain);
	// Rows this transaction already locked count as free: a second event in one transaction
	// goes to the same lane as the first.
	const [free] = await tx
		.select()
		.from(auditChainHead)
		.where(inArray(auditChainHead.chain, lanes))
		.orderBy(asc(auditChainHead.chain))
		.limit(1)
		.for('update', { skipLocked: true });
	if (free) return free;
	// Every lane that exists is busy: open the first one that does not exist yet (the insert
	// holds its lock) ...
	const missing = sql`(select lane from unnest(${sql.param(lanes)}::text[]) with ordinality as l(lane, n)
		where not exists (select 1 from ${auditChainHead} h where h.chain = l.lane) order by n limit 1)`;
	const [opened] = await tx
		.insert(auditChainHead)
		.select(sql`select ${missing}, 0, ${GENESIS_HASH} where ${missing} is not null`)
		.onConflictDoNothing()
		.returning();
	if (opened) return opened;
	// ... or, all LANES being busy, wait for one.
	const lane = lanes[Math.floor(Math.random() * lanes.length)];
	const [head] = await tx
		.insert(auditChainHead)
		.values({ chain: lane, seq: 0, hash: GENESIS_HASH })
		.onConflictDoUpdate({ target: auditChainHead.chain, set: { seq: sql`${auditChainHead.seq}` } })
		.returning();
	return head;
}

async function append(
	tx: Transaction,
	input: EventInput,
	here?: { known: readonly string[]; hold: (lane: string) => void }
): Promise<AuditEvent> {
	const head = await lockFreeLane(tx, chainFor(input), here?.known);
	here?.hold(head.chain);
	const fields = chainedFields(input, head.chain, head.seq + 1, head.hash);
	const hash = hashEvent(fields);
	// The event and the new head in one statement: one round trip less while the lane is locked.
	const inserted = tx.$with('inserted').as(
		tx
			.insert(auditEvent)
			.values({ ...fields, hash })
			.returning({ id: auditEvent.id })
	);
	const [row] = await tx
		.with(inserted)
		.update(auditChainHead)
		.set({ seq: fields.seq, hash })
		.where(eq(auditChainHead.chain, head.chain))
		.returning({ id: sql<number>`(select id from ${inserted})`.mapWith(Number) });
	return { ...fields, hash, id: row.id };
}

/**
 * The event and its lane's new head in one statement, written only if the lane's head is still
 * `head` (the one this process wrote last): no transaction, and the lane is locked for the one
 * statement only. No row back means someone else wrote the lane since.
 */
const APPEND_AFTER = `with head as (
		update audit_chain_head set seq = $2::bigint, hash = $4
		where chain = $1 and seq = $2::bigint - 1 and hash = $3
		returning chain)
	insert into audit_event (chain, seq, prev_hash, hash, at, request_id, actor_type, actor_id,
		actor_label, organization_id, issuer_id, action, outcome, reason, guarantee_id,
		guarantee_number, purpose, ip, user_agent, detail)
	select head.chain, $2::bigint, $3, $4, $5::text::timestamptz, $6, $7, $8, $9, $10::uuid,
		$11::uuid, $12, $13, $14, $15::uuid, $16, $17, $18, $19, $20::text::jsonb
	from head
	returning id`;

async function appendAfter(head: ChainHead, input: EventInput): Promise<AuditEvent | undefined> {
	const fields = chainedFields(input, head.chain, head.seq + 1, head.hash);
	const hash = hashEvent(fields);
	const f = fields;
	const [row] = await statement<{ id: string | number }>(
		APPEND_AFTER,
		[
			f.chain,
			f.seq,
			f.prevHash,
			hash,
			f.at.toISOString(),
			f.requestId,
			f.actorType,
			f.actorId,
			f.actorLabel,
			f.organizationId,
			f.issuerId,
			f.action,
			f.outcome,
			f.reason,
			f.guaranteeId,
			f.guaranteeNumber,
			f.purpose,
			f.ip,
			f.userAgent,
			f.detail === null ? null : JSON.stringify(f.detail)
			// The driver refuses undefined: a field a caller left out is stored as NULL, as drizzle does.
		].map((value) => value ?? null)
	);
	return row && { ...fields, hash, id: Number(row.id) };
}

/**
 * Records one event. Pass `tx` to make the event part of a larger transaction (a certificate
 * view must not happen unless its event is written); without it the event commits on its own:
 * on a lane this process wrote last when one is idle (one statement), else by locking a lane
 * this process is not writing, in a transaction (also when another instance or a caller's
 * transaction wrote the idle lane since).
 */
export async function record(input: EventInput, tx?: Transaction): Promise<AuditEvent> {
	if (tx) return append(tx, input);
	const lanes = lanesHere(chainFor(input));
	const last = await lanes.take();
	let lane = last?.chain;
	let event: AuditEvent | undefined;
	try {
		if (last) event = await appendAfter(last, input);
		if (!event) {
			if (lane) lanes.release(lane);
			lane = undefined;
			const hold = (locked: string) => (lanes.hold(locked), (lane = locked));
			event = await db.transaction((own) => append(own, input, { known: lanes.known, hold }));
		}
	} catch (error) {
		if (lane) lanes.release(lane);
		throw error;
	}
	lanes.release(event.chain, { chain: event.chain, seq: event.seq, hash: event.hash });
	return event;
}

/**
 * Someone asked for an id that does not exist for them (another tenant's, or nothing at all):
 * answered as not found, and recorded as a denied `action` in the trail of the one who asked.
 */
export async function recordDenied(
	who: { organizationId: string; actor: Actor; context: RequestContext },
	action: string,
	id: string
): Promise<void> {
	await record({
		action,
		outcome: 'denied',
		reason: 'not-found',
		actor: who.actor,
		context: who.context,
		organizationId: who.organizationId,
		detail: { id: id.slice(0, 64) }
	});
}

/** Rows per INSERT: 21 columns each stays well under the 65,535 bind parameters of a statement. */
const ROWS_PER_INSERT = 2000;

async function appendMany(tx: Transaction, inputs: EventInput[]): Promise<ChainHead[]> {
	// Every chain's head is locked once, in one stable order, so two writers never wait on
	// each other in a cycle (a transaction that calls `record` once holds a single head).
	const chains = [...new Set(inputs.map(chainFor))].sort();
	await tx
		.insert(auditChainHead)
		.values(chains.map((chain) => ({ chain, seq: 0, hash: GENESIS_HASH })))
		.onConflictDoNothing();
	const locked = await tx
		.select()
		.from(auditChainHead)
		.where(inArray(auditChainHead.chain, chains))
		.orderBy(asc(auditChainHead.chain))
		.for('update');
	const heads = new Map(locked.map((head) => [head.chain, head]));
	const rows = inputs.map((input) => {
		const head = heads.get(chainFor(input))!;
		const fields = chainedFields(input, head.chain, head.seq + 1, head.hash);
		const hash = hashEvent(fields);
		heads.set(head.chain, { chain: head.chain, seq: fields.seq, hash });
		return { ...fields, hash };
	});
	for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
		await tx.insert(auditEvent).values(rows.slice(start, start + ROWS_PER_INSERT));
	}
	const after = [...heads.values()];
	for (const head of after) {
		await tx
			.update(auditChainHead)
			.set({ seq: head.seq, hash: head.hash })
			.where(eq(auditChainHead.chain, head.chain));
	}
	return after;
}

/**
 * Records many events at once, in the given order, with the same chaining as `record`: each
 * affected chain's head is locked once, the links are computed here, the events go in with one
 * multi-row INSERT and each head is updated once (a batch of 1,000 is a handful of statements,
 * not 4,000). Returns the new heads of the chains it wrote to.
 */
export async function recordMany(inputs: EventInput[], tx?: Transaction): Promise<ChainHead[]> {
	if (inputs.length === 0) return [];
	if (tx) return appendMany(tx, inputs);
	return db.transaction((own) => appendMany(own, inputs));
}
