import type { RequestEvent } from '@sveltejs/kit';
import * as audit from '../audit/append';
import { isDatabaseUnavailable, isDataException } from '../db';
import * as idempotency from '../issuing/idempotency';
import * as issuers from '../issuing/issuers';
import { log } from '../common/log';
import { Problem, problemResponse, PROBLEM_JSON, unstorable } from './problem';
import * as rateLimit from '../common/rate-limit';
import * as signatures from '../issuing/signatures';
import type { Raw } from '../issuing/guarantees';
import { recordedAs, type Caller, type IssuerCaller } from '../identity/caller';

/**
 * The issuer API's one request pipeline (shared/API.md §1), in order: token (401), per-token
 * rate limit (429), content type (415), size (413), Idempotency-Key (replay / 422 / 409),
 * signature (422), JSON (400), then the endpoint. Every refusal is a problem+json and an audit
 * event; a database outage is a fast 503; nothing a client sends becomes a 500.
 */
export const MAX_BODY = 256 * 1024;
export const MAX_BATCH_BODY = 8 * 1024 * 1024;
export const JSON_TYPE = 'application/json';
export const JOSE_TYPE = 'application/jose';

export interface Call {
	issuer: issuers.Authenticated['issuer'];
	tokenId: string;
	/** Encrypts idempotent replays, which may hold an auth key (see idempotency.ts). */
	replayKey: Uint8Array;
	caller: IssuerCaller;
	/** The parsed body and the submission as received (POST endpoints only). */
	body: unknown;
	raw: Raw;
	params: Record<string, string>;
	verify: ReturnType<typeof signatures.verifier>;
}
export type Result = { status: number; body: unknown } | Response;

interface Options {
	action: string;
	/**
	 * `signable`: JSON or a compact JWS; `json`: JSON only; `none`: a POST without a body;
	 * `signed-or-none`: no body, or a compact JWS (required from an issuer that must sign).
	 */
	body?: 'signable' | 'json' | 'none' | 'signed-or-none';
	maxBytes?: number;
}

function limit(): rateLimit.Limit {
	const [max, windowSeconds] = (process.env.ISSUER_RATE_LIMIT ?? '600/60').split('/').map(Number);
	return { max, windowSeconds };
}

async function readBody(request: Request, max: number): Promise<Uint8Array> {
	// The rest of the body is left unread: close the connection rather than reuse it.
	const tooLarge = () =>
		new Problem(413, 'too-large', `The body may be at most ${max} bytes`, undefined, {
			connection: 'close'
		});
	if (Number(request.headers.get('content-length') ?? 0) > max) throw tooLarge();
	if (!request.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > max) {
			await reader.cancel().catch(() => {});
			throw tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new Problem(400, 'encoding', 'The body must be UTF-8');
	}
}

const signatureRequired = () =>
	new Problem(422, 'signature-required', 'This issuer must sign submissions (application/jose)');

export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new Problem(400, 'malformed-json', 'The body is not valid JSON');
	}
}

function respond(result: Result, headers: Record<string, string> = {}): Response {
	if (result instanceof Response) return result;
	const type = result.status >= 400 ? PROBLEM_JSON : 'application/json';
	return new Response(JSON.stringify(result.body), {
		status: result.status,
		headers: { 'content-type': type, 'cache-control': 'no-store', ...headers }
	});
}

export function endpoint(options: Options, handler: (call: Call) => Promise<Result>) {
	return async (event: RequestEvent): Promise<Response> => {
		const context = event.locals.context;
		// Anonymous until the token is accepted; then the issuer, for the endpoint and the trail.
		let caller: Caller = { kind: 'anonymous', label: 'issuer-api', context };
		let issuerId: string | null = null;
		try {
			try {
				const auth = await issuers.authenticate(event.request.headers.get('authorization'));
				if (!auth) {
					throw new Problem(401, 'unauthorized', 'A valid issuer token is required', undefined, {
						'www-authenticate': 'Bearer'
					});
				}
				issuerId = auth.issuer.id;
				caller = { kind: 'issuer', issuer: auth.issuer, tokenPrefix: auth.tokenPrefix, context };
				event.locals.caller = caller;
				// Reserved before the request is served, in one statement: parallel requests past
				// the limit are refused, not served and counted afterwards.
				const counter = { key: `issuer-token:${auth.tokenId}`, limit: limit() };
				const reservation = await rateLimit.reserve([counter]);
				if (!reservation.reserved) {
					const retry = String(rateLimit.retryAfterSeconds(reservation.full!));
					log.warn(
						{ requestId: context.requestId, issuer: auth.tokenPrefix },
						'issuer rate limited'
					);
					return problemResponse(
						new Problem(429, 'rate-limited', `Too many requests; retry after ${retry} s`),
						{ 'retry-after': retry }
					);
				}
				const call: Call = {
					issuer: auth.issuer,
					tokenId: auth.tokenId,
					replayKey: auth.replayKey,
					caller,
					body: undefined,
					raw: { text: '', contentType: JSON_TYPE, kid: null },
					params: event.params as Record<string, string>,
					verify: signatures.verifier(auth.issuer.id)
				};
				if (event.request.method !== 'POST') return respond(await handler(call));
				return await withBody(event, options, call, handler);
			} catch (error) {
				if (!(error instanceof Problem) || error.status >= 500) throw error;
				await audit.record({
					action: options.action,
					outcome: error.status === 401 || error.status === 404 ? 'denied' : 'failure',
					...recordedAs(caller),
					issuerId,
					reason: error.slug,
					detail: { status: error.status, errors: error.errors?.map((e) => e.path) ?? null }
				});
				return problemResponse(error);
			}
		} catch (error) {
			if (isDatabaseUnavailable(error)) {
				log.warn({ requestId: context.requestId, err: String(error) }, 'database unavailable');
				return problemResponse(
					new Problem(503, 'unavailable', 'The database cannot answer now; retry shortly'),
					{ 'retry-after': '5' }
				);
			}
			if (isDataException(error)) {
				log.warn(
					{ requestId: context.requestId, err: String(error) },
					'value refused by the database'
				);
				return problemResponse(unstorable());
			}
			// adapter-node's BODY_SIZE_LIMIT refuses a body while it is read: the client's mistake.
			if ((error as { status?: number })?.status === 413) {
				return problemResponse(new Problem(413, 'too-large', 'The body is too large'), {
					connection: 'close'
				});
			}
			log.error({ requestId: context.requestId, err: error }, 'unexpected error in issuer API');
			return problemResponse(
				new Problem(500, 'unexpected', `Unexpected error (request id ${context.requestId})`)
			);
		}
	};
}

async function withBody(
	event: RequestEvent,
	options: Options,
	call: Call,
	handler: (call: Call) => Promise<Result>
): Promise<Response> {
	const contentType = (event.request.headers.get('content-type') ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	// Without a signature, `signed-or-none` is a POST without a body, as it was before signing.
	const mode =
		options.body === 'signed-or-none'
			? contentType === JOSE_TYPE
				? 'signable'
				: 'unsigned'
			: (options.body ?? 'none');
	const accepted = mode === 'signable' ? [JSON_TYPE, JOSE_TYPE] : [JSON_TYPE];
	if ((mode === 'signable' || mode === 'json') && !accepted.includes(contentType)) {
		throw new Problem(415, 'media-type', `Content-Type must be ${accepted.join(' or ')}`);
	}
	const bytes =
		mode === 'none' || mode === 'unsigned'
			? new Uint8Array()
			: await readBody(event.request, options.maxBytes ?? MAX_BODY);
	const key = event.request.headers.get('idempotency-key');
	const issuerId = call.issuer.id;
	if (key !== null) {
		if (!idempotency.isValidKey(key)) {
			throw new Problem(
				400,
				'idempotency-key',
				'Idempotency-Key must be 1–255 visible ASCII characters'
			);
		}
		// The token is part of the fingerprint: a replay is readable only with the token that made it.
		const print = idempotency.fingerprint(
			`POST ${event.url.pathname} ${call.tokenId}`,
			contentType,
			bytes
		);
		const claim = await idempotency.claim(issuerId, key, print);
		if (claim.state === 'mismatch') {
			throw new Problem(
				422,
				'idempotency-mismatch',
				'This Idempotency-Key was used with another request'
			);
		}
		if (claim.state === 'in-flight') {
			throw new Problem(
				409,
				'idempotency-in-flight',
				'A request with this Idempotency-Key is still in progress'
			);
		}
		if (claim.state === 'replay') {
			const body = idempotency.open(claim.body, call.replayKey);
			return respond(
				{ status: claim.status, body: JSON.parse(body) },
				{ 'idempotent-replayed': 'true' }
			);
		}
	}
	let result: Result;
	try {
		result = await run(call, bytes, contentType, mode, handler);
	} catch (error) {
		if (!(error instanceof Problem) || error.status >= 500) {
			if (key !== null) await idempotency.release(issuerId, key).catch(() => {});
			throw error;
		}
		if (key !== null)
			await idempotency.complete(
				issuerId,
				key,
				error.status,
				JSON.stringify(error.body),
				call.replayKey
			);
		throw error;
	}
	if (key !== null) {
		// A PDF is not kept for replay; rendering it again is harmless.
		if (result instanceof Response) await idempotency.release(issuerId, key);
		else
			await idempotency.complete(
				issuerId,
				key,
				result.status,
				JSON.stringify(result.body),
				call.replayKey
			);
	}
	return respond(result);
}

async function run(
	call: Call,
	bytes: Uint8Array,
	contentType: string,
	mode: 'signable' | 'json' | 'none' | 'unsigned',
	handler: (call: Call) => Promise<Result>
) {
	if (mode === 'none') return handler(call);
	if (mode === 'unsigned') {
		if (call.issuer.requireSignature) throw signatureRequired();
		return handler(call);
	}
	const text = decode(bytes);
	let payload = text;
	let kid: string | null = null;
	if (contentType === JOSE_TYPE) {
		const verified = await call.verify(text);
		if (!verified.ok) throw new Problem(422, 'signature', `Signature rejected: ${verified.reason}`);
		payload = verified.payload;
		kid = verified.kid;
	} else if (mode === 'signable' && call.issuer.requireSignature) {
		throw signatureRequired();
	}
	call.raw = { text, contentType, kid };
	call.body = parseJson(payload);
	return handler(call);
}
