import { createHash } from 'node:crypto';
import type { AuditEvent } from '../db/schema';

/**
 * How audit events are chained: each event's hash covers the previous event's hash and a
 * canonical encoding of its own fields, so changing, removing or reordering any event breaks
 * every later link. Two versions of the encoding exist; `audit verify` (verify.ts) recomputes
 * both here, in the portal's own code, from the stored columns.
 *
 * - Version 1 (events written before issue 13): hashed by the portal before the insert.
 * - Version 2: hashed by the database's append trigger (drizzle/0006_b_audit_append.sql), so one
 *   statement can link an event to the last one of its lane. The same JSON array, with a version
 *   tag first, `detail` as jsonb writes it, and no JSON-in-JS round trip.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The most lanes a chain has: the append trigger's limit (writers beyond it wait for lane 0). */
export const MAX_LANES = 32;

export type ChainedFields = Omit<AuditEvent, 'id' | 'hash' | 'hashVersion'>;

export interface ChainHead {
	chain: string;
	seq: number;
	hash: string;
}

/** Version 1: the exact bytes that were hashed, a fixed field order. */
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

/** jsonb does not keep key order, so version 1 hashed nested objects with their keys sorted. */
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
	return sha256(canonicalEncoding(event));
}

/** An event as `audit verify` reads it: `detail` as the database's jsonb text. */
export type StoredFields = Omit<ChainedFields, 'detail'> & { detailText: string | null };

const json = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * Version 2, as audit_hash_v2 in SQL writes it: PostgreSQL's `to_json(text)` escapes exactly
 * what JSON.stringify escapes (quote, backslash, control characters as \b \f \n \r \t or \u00xx),
 * so each text field is JSON.stringify'd; `seq` is a number, `at` UTC with milliseconds, and
 * `detail` the jsonb text as stored (jsonb's own key order).
 */
export function canonicalV2(event: StoredFields): string {
	return (
		'["kensho-audit/2",' +
		[
			json(event.chain),
			String(event.seq),
			json(event.prevHash),
			json(new Date(event.at).toISOString()),
			json(event.requestId),
			json(event.actorType),
			json(event.actorId),
			json(event.actorLabel),
			json(event.organizationId),
			json(event.issuerId),
			json(event.action),
			json(event.outcome),
			json(event.reason),
			json(event.guaranteeId),
			json(event.guaranteeNumber),
			json(event.purpose),
			json(event.ip),
			json(event.userAgent),
			event.detailText ?? 'null'
		].join(',') +
		']'
	);
}

/** The hash an event should have, by its version; null for a version this code does not know. */
export function expectedHash(event: StoredFields, version: number): string | null {
	if (version === 2) return sha256(canonicalV2(event));
	if (version === 1) {
		const detail = event.detailText === null ? null : JSON.parse(event.detailText);
		return hashEvent({ ...event, detail });
	}
	return null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
