import { hash } from 'node:crypto';
import type { AuditEvent } from '../db/schema';

/**
 * How audit events are chained: each event's hash covers the previous event's hash and a
 * canonical encoding of its own fields, so changing, removing or reordering any event breaks
 * every later link. Two versions of the encoding exist, both pinned here; `audit verify`
 * (verify.ts) hashes every event itself.
 *
 * - Version 1 (events written before issue 13): hashed by the portal before the insert.
 * - Version 2: hashed by the database's append trigger (drizzle/0010_b_audit_append.sql), so one
 *   statement can link an event to the last one of its lane: the same fields with a version tag
 *   first, as texts, as array_to_json writes them.
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

/** The fields both versions hash between `at` and `detail`, in their fixed order. */
const described = (event: Omit<ChainedFields, 'at'>) => [
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
	event.userAgent
];

/** Version 1: the exact bytes that were hashed, a fixed field order. */
export function canonicalEncoding(event: ChainedFields): string {
	return JSON.stringify([
		event.chain,
		event.seq,
		event.prevHash,
		new Date(event.at).toISOString(),
		...described(event),
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

/** An event's columns as `audit verify` reads them when it encodes the event itself. */
export type StoredFields = Omit<ChainedFields, 'at'> & { at: number | string | Date };

/**
 * Version 2, pinned here as audit_hash_v2 writes it with PostgreSQL's array_to_json: the JSON
 * array of texts `["kensho-audit/2", chain, seq, prev_hash, at, request_id, actor_type, actor_id,
 * actor_label, organization_id, issuer_id, action, outcome, reason, guarantee_id,
 * guarantee_number, purpose, ip, user_agent, detail]` as JSON.stringify writes it (PostgreSQL
 * escapes the same characters the same way): every item a string or null, `seq` in decimal, `at`
 * UTC with milliseconds, `detail` as jsonb prints it (jsonbText). `audit verify` has the
 * database render this text (fast) and falls back to this function when that rendering does not
 * hash to the stored hash, so a PostgreSQL that writes JSON differently cannot fail a good trail.
 */
export function canonicalV2(event: StoredFields): string {
	return JSON.stringify([
		'kensho-audit/2',
		event.chain,
		String(event.seq),
		event.prevHash,
		new Date(event.at).toISOString(),
		...described(event),
		event.detail === null || event.detail === undefined ? null : jsonbText(event.detail)
	]);
}

/**
 * A JSON value as jsonb prints it: object keys shorter first, then by their UTF-8 bytes; ", "
 * and ": " between items; numbers in plain decimal (the portal writes details with
 * JSON.stringify, so a number's digits are JavaScript's, and jsonb keeps them).
 */
export function jsonbText(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(
			([a], [b]) =>
				Buffer.from(a).length - Buffer.from(b).length ||
				Buffer.compare(Buffer.from(a), Buffer.from(b))
		);
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`).join(', ')}}`;
	}
	if (typeof value === 'number') return plainDecimal(value);
	return JSON.stringify(value ?? null);
}

/** 1e+21 as 1000000000000000000000 and 1e-7 as 0.0000001, as PostgreSQL's numeric prints them. */
function plainDecimal(value: number): string {
	const text = JSON.stringify(value);
	if (!text.includes('e')) return text;
	const [mantissa, exponent] = text.split('e');
	const sign = mantissa.startsWith('-') ? '-' : '';
	const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
	const digits = whole + fraction;
	const point = whole.length + Number(exponent);
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The hash an event should have, encoded here from its columns; null for an unknown version. */
export function expectedHash(event: StoredFields, version: number): string | null {
	if (version === 2) return sha256(canonicalV2(event));
	if (version === 1) return hashEvent({ ...event, at: new Date(event.at) });
	return null;
}

export const sha256 = (data: string | Buffer) => hash('sha256', data);
