import { sql } from 'drizzle-orm';
import { db, rowsOf, statement, type Database } from '../db';
import type { AuditEvent } from '../db/schema';
import type { ChainHead } from './chain';
import type { RequestContext } from '../identity/request-context';
import { organizationOf, recordedAs, type Actor, type TenantCaller } from '../identity/caller';

export { MAX_LANES } from './chain';

/**
 * The audit trail. Every module records through `record` (or `recordMany`); this module only
 * ever inserts. An INSERT names the chain (one per organisation, per issuer, one for operator
 * actions, one for the portal's unattributed events); the database's append trigger places the
 * event on a free lane of that chain, links and hashes it (drizzle/0010_b_audit_append.sql).
 * So an event is one statement, never waits for another writer's lane, and nothing about the
 * lanes lives in this process.
 */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type { Actor } from '../identity/caller';

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
 * NUL: it is stored as U+FFFD.
 */
const noNul = (text: string | null | undefined) => text?.replaceAll('\0', '\uFFFD') ?? null;

/** The columns a writer gives, in order; the trigger fills in the rest. */
const COLUMNS = [
	['chain', 'text'],
	['request_id', 'text'],
	['actor_type', 'text'],
	['actor_id', 'text'],
	['actor_label', 'text'],
	['organization_id', 'uuid'],
	['issuer_id', 'uuid'],
	['action', 'text'],
	['outcome', 'text'],
	['reason', 'text'],
	['guarantee_id', 'uuid'],
	['guarantee_number', 'text'],
	['purpose', 'text'],
	['ip', 'text'],
	['user_agent', 'text'],
	['detail', 'jsonb']
] as const;

function values(input: EventInput): (string | null)[] {
	const actor = input.actor;
	const detail =
		input.detail == null
			? null
			: JSON.stringify(input.detail, (_key, v) => (typeof v === 'string' ? noNul(v) : v));
	return [
		chainFor(input),
		input.context.requestId,
		actor.type,
		'id' in actor ? actor.id : null,
		actor.label ?? null,
		input.organizationId ?? null,
		input.issuerId ?? null,
		input.action,
		input.outcome,
		input.reason ?? null,
		input.guaranteeId ?? null,
		input.guaranteeNumber ?? null,
		input.purpose ?? null,
		input.context.ip,
		input.context.userAgent?.slice(0, 512) ?? null,
		detail
	].map((value) => (typeof value === 'string' ? noNul(value) : null));
}

const NAMES = COLUMNS.map(([name]) => name).join(', ');
const RETURNING = `returning id, chain, seq, prev_hash, hash, (extract(epoch from at) * 1000)::float8 as at_ms`;
const APPEND = `insert into audit_event (${NAMES}) values (${COLUMNS.map(
	([, type], i) => `$${i + 1}::text::${type}`
).join(', ')}) ${RETURNING}`;

interface Appended {
	id: string | number;
	chain: string;
	seq: string | number;
	prev_hash: string;
	hash: string;
	at_ms: number;
}

function eventOf(params: (string | null)[], row: Appended): AuditEvent {
	const [, requestId, actorType, actorId, actorLabel, organizationId, issuerId, action, outcome] =
		params;
	const [reason, guaranteeId, guaranteeNumber, purpose, ip, userAgent, detail] = params.slice(9);
	return {
		id: Number(row.id),
		chain: row.chain,
		seq: Number(row.seq),
		prevHash: row.prev_hash,
		hash: row.hash,
		hashVersion: 2,
		at: new Date(row.at_ms),
		requestId,
		actorType: actorType!,
		actorId,
		actorLabel,
		organizationId,
		issuerId,
		action: action!,
		outcome: outcome!,
		reason,
		guaranteeId,
		guaranteeNumber,
		purpose,
		ip,
		userAgent,
		detail: detail === null ? null : JSON.parse(detail)
	};
}

/**
 * Records one event. Pass `tx` to make the event part of a larger transaction (a certificate
 * view must not happen unless its event is written); without it the event commits on its own.
 * Either way it is one prepared INSERT; its lane stays taken until the transaction ends.
 */
export async function record(input: EventInput, tx?: Transaction): Promise<AuditEvent> {
	const params = values(input);
	if (!tx) {
		const [row] = await statement<Appended>(APPEND, params);
		return eventOf(params, row);
	}
	const placeholders = sql.join(
		params.map((value, i) => sql`${value}::text::${sql.raw(COLUMNS[i][1])}`),
		sql`, `
	);
	const result = await tx.execute(
		sql`insert into audit_event (${sql.raw(NAMES)}) values (${placeholders}) ${sql.raw(RETURNING)}`
	);
	return eventOf(params, rowsOf<Appended>(result)[0]);
}

/**
 * Someone asked for an id that does not exist for them (another tenant's, or nothing at all):
 * answered as not found, and recorded as a denied `action` in the trail of the one who asked.
 */
export async function recordDenied(
	caller: TenantCaller,
	action: string,
	id: string
): Promise<void> {
	await record({
		action,
		outcome: 'denied',
		reason: 'not-found',
		...recordedAs(caller),
		organizationId: organizationOf(caller),
		detail: { id: id.slice(0, 64) }
	});
}

/**
 * Records many events at once, in the given order, as one INSERT of a JSON array (one
 * parameter however many events: a batch of 1,000 is one statement). The trigger chains them
 * one after another on the lane of their chain that this transaction holds. Returns the heads
 * it left: each lane's last event written here.
 */
export async function recordMany(inputs: EventInput[], tx?: Transaction): Promise<ChainHead[]> {
	if (inputs.length === 0) return [];
	const rows = inputs.map((input, i) => {
		const row: Record<string, unknown> = { i };
		values(input).forEach((value, k) => (row[COLUMNS[k][0]] = value));
		row.detail = row.detail === null ? null : JSON.parse(row.detail as string);
		return row;
	});
	const definition = ['i integer', ...COLUMNS.map(([name, type]) => `${name} ${type}`)].join(', ');
	const fields = COLUMNS.map(([name]) => `x.${name}`).join(', ');
	const written = rowsOf<{ chain: string; seq: string | number; hash: string }>(
		await (tx ?? db).execute(sql`insert into audit_event (${sql.raw(NAMES)})
			select ${sql.raw(fields)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
			as x(${sql.raw(definition)}) order by x.i
			returning chain, seq, hash`)
	);
	const heads = new Map<string, ChainHead>();
	for (const row of written) {
		const seq = Number(row.seq);
		if (seq > (heads.get(row.chain)?.seq ?? 0)) heads.set(row.chain, { ...row, seq });
	}
	return [...heads.values()];
}
