import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import { auditChainHead, auditEvent, type AuditEvent } from '../db/schema';

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

/**
 * Each chain is written in up to LANES lanes, each hash-chained on its own: `org:<id>`, then
 * `org:<id>/1` … `org:<id>/7` (audit.ts opens a lane only when the ones before are busy).
 */
export const LANES = 8;
export const lanesOf = (chain: string) =>
	Array.from({ length: LANES }, (_, lane) => (lane === 0 ? chain : `${chain}/${lane}`));

export interface ChainHead {
	chain: string;
	seq: number;
	hash: string;
}

export interface VerifyResult {
	ok: boolean;
	events: number;
	chains: number;
	firstBroken?: { chain: string; seq: number; id: number; problem: string };
	/** Keep a copy elsewhere: a later `verify` against it detects a rewritten chain. */
	heads: ChainHead[];
}

type Broken = NonNullable<VerifyResult['firstBroken']>;
const PAGE_SIZE = 5000;

/** Walks one chain from seq 1; returns the number of events or the first broken link. */
async function verifyChain(head: ChainHead, anchor?: ChainHead): Promise<number | Broken> {
	let prevHash = GENESIS_HASH;
	let expectedSeq = 1;
	for (;;) {
		const rows = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.chain, head.chain), sql`${auditEvent.seq} >= ${expectedSeq}`))
			.orderBy(asc(auditEvent.seq))
			.limit(PAGE_SIZE);
		for (const row of rows) {
			const broken = (problem: string) => ({ chain: row.chain, seq: row.seq, id: row.id, problem });
			if (row.seq !== expectedSeq) return broken(`seq ${expectedSeq} is missing`);
			if (row.prevHash !== prevHash) return broken('prev_hash does not match the previous event');
			if (hashEvent(row) !== row.hash) return broken('hash does not match the event content');
			if (anchor && anchor.seq === row.seq && anchor.hash !== row.hash) {
				return broken('differs from the copy of the chain kept earlier: the chain was rewritten');
			}
			prevHash = row.hash;
			expectedSeq++;
		}
		if (rows.length < PAGE_SIZE) break;
	}
	const last = expectedSeq - 1;
	const end = (problem: string) => ({ chain: head.chain, seq: expectedSeq, id: -1, problem });
	if (last !== head.seq || prevHash !== head.hash) {
		return end(`chain head says seq ${head.seq} but the trail ends at ${last}`);
	}
	if (anchor && anchor.seq > last) {
		return end(`the copy kept earlier reaches seq ${anchor.seq}; the trail now ends at ${last}`);
	}
	return last;
}

/**
 * Walks every chain (or one, with its lanes) and names the first broken link. `anchors` are the `heads` of an
 * earlier run kept elsewhere; a chain recomputed from scratch after an edit fails against them.
 */
export async function verify(onlyChain?: string, anchors: ChainHead[] = []): Promise<VerifyResult> {
	const heads = await db
		.select()
		.from(auditChainHead)
		.where(onlyChain ? inArray(auditChainHead.chain, lanesOf(onlyChain)) : undefined)
		.orderBy(asc(auditChainHead.chain));
	const result: VerifyResult = { ok: true, events: 0, chains: heads.length, heads };
	for (const anchor of anchors) {
		if (!onlyChain || lanesOf(onlyChain).includes(anchor.chain)) {
			if (!heads.some((head) => head.chain === anchor.chain)) {
				const problem = 'the chain kept earlier is gone';
				return { ...result, ok: false, firstBroken: { ...anchor, id: -1, problem } };
			}
		}
	}
	for (const head of heads) {
		const anchor = anchors.find((a) => a.chain === head.chain);
		const outcome = await verifyChain(head, anchor);
		if (typeof outcome !== 'number') return { ...result, ok: false, firstBroken: outcome };
		result.events += outcome;
	}
	return result;
}
