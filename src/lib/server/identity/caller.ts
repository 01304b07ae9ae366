import type { Issuer } from '../db/schema';
import type { RequestContext } from './request-context';
import type { SessionUser, ValidSession } from './sessions';

/**
 * Who is calling (DESIGN.md "Architecture"): one type, built once per request in hooks (the
 * session step: `callerFor`; the issuer API's endpoint wrapper once it has the token) or by
 * the CLI, and passed first to every domain function, as Immich passes `auth`. Each kind carries
 * what domain code needs about it, and always the request's context (request id, address,
 * user agent) for the audit trail. How a caller appears in the trail is decided here only:
 * `actorOf`.
 */
export type Caller = UserCaller | IssuerCaller | OperatorCaller | AnonymousCaller;

/** A signed-in clerk, admin or auditor (its role is `user.role`) of one organisation. */
export interface UserCaller {
	kind: 'user';
	user: SessionUser;
	/** The session the request came with; its own password change keeps it (null in tests). */
	sessionId: string | null;
	context: RequestContext;
}

/** An issuer whose API token was accepted (issuing/issuers.ts `authenticate`). */
export interface IssuerCaller {
	kind: 'issuer';
	/** surety / insurer / bank: which kinds this issuer may register (issuing/issuer-types.ts). */
	issuer: Pick<Issuer, 'id' | 'type'>;
	/** The token's public prefix (`kensho_…`), never its secret: the trail's label. */
	tokenPrefix: string;
	context: RequestContext;
}

/** The operator at the command line (src/cli), or a seed or loader acting like one. */
export interface OperatorCaller {
	kind: 'operator';
	label: string;
	/** The organisation a command acts for (`--org`), when it acts for one. */
	organizationId?: string;
	context: RequestContext;
}

/** Nobody yet: a request without a session, or an API request before its token is checked. */
export interface AnonymousCaller {
	kind: 'anonymous';
	label?: string;
	context: RequestContext;
}

/** A caller acting within one organisation: its own user, or the operator for `--org`. */
export type TenantCaller = UserCaller | (OperatorCaller & { organizationId: string });

/** Who did something, as the audit trail records it (audit/append.ts). */
export type Actor =
	| { type: 'user'; id: string; label: string; organizationId: string }
	| { type: 'issuer'; id: string; label: string }
	| { type: 'operator'; label: string }
	| { type: 'anonymous'; label?: string };

/** The caller of a request whose session step ran: its user, or anonymous. */
export function callerFor(locals: {
	user: SessionUser | null;
	session: Pick<ValidSession, 'id'> | null;
	context: RequestContext;
}): UserCaller | AnonymousCaller {
	const { user, session, context } = locals;
	if (!user) return { kind: 'anonymous', context };
	return { kind: 'user', user, sessionId: session?.id ?? null, context };
}

/** How the caller appears in the audit trail; a user as `<organisation code>/<username>`. */
export function actorOf(caller: Caller): Actor {
	switch (caller.kind) {
		case 'user': {
			const { id, organizationCode, username, organizationId } = caller.user;
			return { type: 'user', id, label: `${organizationCode}/${username}`, organizationId };
		}
		case 'issuer':
			return { type: 'issuer', id: caller.issuer.id, label: caller.tokenPrefix };
		case 'operator':
			return { type: 'operator', label: caller.label };
		case 'anonymous':
			return caller.label === undefined
				? { type: 'anonymous' }
				: { type: 'anonymous', label: caller.label };
	}
}

/** The who-and-from-where fields of the caller's audit events: `{ ...recordedAs(caller), … }`. */
export function recordedAs(caller: Caller): { actor: Actor; context: RequestContext } {
	return { actor: actorOf(caller), context: caller.context };
}

/** The organisation a tenant caller acts within: every query of its data carries it. */
export function organizationOf(caller: TenantCaller): string {
	return caller.kind === 'user' ? caller.user.organizationId : caller.organizationId;
}

/** The operator acting for one organisation (`contract-import --org`, seeds). */
export function actingFor(
	caller: OperatorCaller,
	organizationId: string
): OperatorCaller & { organizationId: string } {
	return { ...caller, organizationId };
}
