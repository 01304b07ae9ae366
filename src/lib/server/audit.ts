import { eq } from 'drizzle-orm';
import { db, type Database } from './db';
import { GENESIS_HASH, hashEvent, type ChainedFields } from './audit-chain';
import { auditChainHead, auditEvent, type AuditEvent } from './db/schema';
import type { RequestContext } from './request-context';

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
