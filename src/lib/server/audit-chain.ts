import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from './db';
import { auditChainHead, auditEvent, type AuditEvent } from './db/schema';

/**
 * How audit events are chained: each event's hash covers the previous event's hash and a
 * canonical encoding of its own fields, so changing, removing or reordering any event breaks
 * every later link. `verify` walks the chains and names the first broken link.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<AuditEvent, 'id' | 'hash'>;

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

export interface VerifyResult {
	ok: boolean;
	events: number;
	chains: number;
	firstBroken?: { chain: string; seq: number; id: number; problem: string };
}

/** Walks every chain from its first event and names the first broken link. */
export async function verify(onlyChain?: string): Promise<VerifyResult> {
	const heads = await db
		.select()
		.from(auditChainHead)
		.where(onlyChain ? eq(auditChainHead.chain, onlyChain) : undefined)
		.orderBy(asc(auditChainHead.chain));
	let events = 0;
	for (const head of heads) {
		let prevHash = GENESIS_HASH;
		let expectedSeq = 1;
		const pageSize = 5000;
		for (;;) {
			const rows = await db
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
