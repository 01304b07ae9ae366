import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Database } from './db';
import { auditChainHead, auditEvent, type AuditEvent } from './db/schema';
import type { RequestContext } from './request-context';

/**
 * The audit trail. Every module records through `record`; this module only ever inserts.
 * Events are hash-chained per chain (one per organisation, one per issuer, one for operator
 * actions, one for the portal's unattributed events) and the chain head is locked inside the
 * writing transaction, so concurrent writers cannot fork a chain.
 */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Executor = Database | Transaction;

export const GENESIS_HASH = '0'.repeat(64);

export type Actor =
	| { type: 'user'; id: string; label: string; organizationId: string }
	| { type: 'issuer'; id: string; label: string }
	| { type: 'operator'; label: string }
	| { type: 'anonymous'; label?: string };

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

type ChainedFields = Omit<AuditEvent, 'id' | 'hash'>;

/** The exact bytes that are hashed: a fixed field order, so any later edit shows. */
export function canonicalEncoding(event: ChainedFields): string {
	return JSON.stringify([
		event.chain,
		event.seq,
		event.prevHash,
		new Date(event.at).toISOString(),
		event.requestId,
		event.actorType,
		event.actorId,
		event.actorLabel,
		event.organizationId,
		event.issuerId,
		event.action,
		event.outcome,
		event.reason,
		event.guaranteeId,
		event.guaranteeNumber,
		event.purpose,
		event.ip,
		event.userAgent,
		sortKeys(event.detail ?? null)
	]);
}

/** jsonb does not keep key order, so nested objects are hashed with their keys sorted. */
function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
		);
	}
	return value;
}

export function hashEvent(event: ChainedFields): string {
	return createHash('sha256').update(canonicalEncoding(event)).digest('hex');
}

async function append(tx: Transaction, input: EventInput): Promise<AuditEvent> {
	const chain = chainFor(input);
	await tx
		.insert(auditChainHead)
		.values({ chain, seq: 0, hash: GENESIS_HASH })
		.onConflictDoNothing();
	const [head] = await tx
		.select()
		.from(auditChainHead)
		.where(eq(auditChainHead.chain, chain))
		.for('update');
	const actor = input.actor;
	const fields: ChainedFields = {
		chain,
		seq: head.seq + 1,
		prevHash: head.hash,
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
	};
	const hash = hashEvent(fields);
	const [row] = await tx
		.insert(auditEvent)
		.values({ ...fields, hash })
		.returning();
	await tx
		.update(auditChainHead)
		.set({ seq: fields.seq, hash })
		.where(eq(auditChainHead.chain, chain));
	return row;
}

/**
 * Records one event. Pass `tx` to make the event part of a larger transaction (a certificate
 * view must not happen unless its event is written); without it the event commits on its own.
 */
export async function record(input: EventInput, tx?: Transaction): Promise<AuditEvent> {
	if (tx) return append(tx, input);
	return db.transaction((own) => append(own, input));
}

export interface VerifyResult {
	ok: boolean;
	events: number;
	chains: number;
	firstBroken?: { chain: string; seq: number; id: number; problem: string };
}

/** Walks every chain from its first event and names the first broken link. */
export async function verify(executor: Executor = db): Promise<VerifyResult> {
	const heads = await executor.select().from(auditChainHead).orderBy(asc(auditChainHead.chain));
	let events = 0;
	for (const head of heads) {
		let prevHash = GENESIS_HASH;
		let expectedSeq = 1;
		const pageSize = 5000;
		for (;;) {
			const rows = await executor
				.select()
				.from(auditEvent)
				.where(and(eq(auditEvent.chain, head.chain), sql`${auditEvent.seq} >= ${expectedSeq}`))
				.orderBy(asc(auditEvent.seq))
				.limit(pageSize);
			for (const row of rows) {
				const broken = (problem: string) => ({
					ok: false,
					events,
					chains: heads.length,
					firstBroken: { chain: row.chain, seq: row.seq, id: row.id, problem }
				});
				if (row.seq !== expectedSeq) return broken(`seq ${expectedSeq} is missing`);
				if (row.prevHash !== prevHash) return broken('prev_hash does not match the previous event');
				if (hashEvent(row) !== row.hash) return broken('hash does not match the event content');
				prevHash = row.hash;
				expectedSeq++;
				events++;
			}
			if (rows.length < pageSize) break;
		}
		if (expectedSeq - 1 !== head.seq || prevHash !== head.hash) {
			return {
				ok: false,
				events,
				chains: heads.length,
				firstBroken: {
					chain: head.chain,
					seq: expectedSeq,
					id: -1,
					problem: `chain head says seq ${head.seq} but the trail ends at ${expectedSeq - 1}`
				}
			};
		}
	}
	return { ok: true, events, chains: heads.length };
}
