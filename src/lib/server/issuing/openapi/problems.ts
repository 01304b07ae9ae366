import { ref } from './responses';

/**
 * The problems of the issuer API (RFC 9457, shared/API.md §1): one example per `type` slug, and
 * the problem answers the operations share (401, 429 and 503 anywhere; 400, 413 and 415 where a
 * body is read; 404 where an id is).
 */
const NUMBER = 'E12-2026-000123';
const PROBLEM_JSON = 'application/problem+json';

const example = (status: number, title: string, slug: string, detail: string, extra = {}) => ({
	type: `/problems/${slug}`,
	title,
	status,
	detail,
	...extra
});
/** One example per problem `type`, named by its slug. */
export const problems = {
	'malformed-json': example(400, 'Bad Request', 'malformed-json', 'The body is not valid JSON'),
	encoding: example(400, 'Bad Request', 'encoding', 'The body must be UTF-8'),
	'idempotency-key': example(
		400,
		'Bad Request',
		'idempotency-key',
		'Idempotency-Key must be 1–255 visible ASCII characters'
	),
	unauthorized: example(401, 'Unauthorized', 'unauthorized', 'A valid issuer token is required'),
	'not-found': example(404, 'Not Found', 'not-found', 'No such guarantee for this issuer'),
	duplicate: example(
		409,
		'Conflict',
		'duplicate',
		`Guarantee number ${NUMBER} is already registered`
	),
	cancelled: example(
		409,
		'Conflict',
		'cancelled',
		'The guarantee is cancelled and cannot be amended'
	),
	replayed: example(
		409,
		'Conflict',
		'replayed',
		'This signed change was accepted before; sign a new one (with a new iat) to change the guarantee again'
	),
	'idempotency-in-flight': example(
		409,
		'Conflict',
		'idempotency-in-flight',
		'A request with this Idempotency-Key is still in progress'
	),
	'too-large': example(
		413,
		'Content Too Large',
		'too-large',
		'The body may be at most 262144 bytes'
	),
	'media-type': example(
		415,
		'Unsupported Media Type',
		'media-type',
		'Content-Type must be application/json or application/jose'
	),
	validation: example(422, 'Unprocessable Content', 'validation', 'The body has invalid fields', {
		errors: [
			{ path: '/works/contractAmount', message: 'Invalid input: expected number, received string' },
			{ path: '/guarantee/advancePaymentAmount', message: 'required for kind advance_payment' }
		]
	}),
	signature: example(
		422,
		'Unprocessable Content',
		'signature',
		'Signature rejected: the signature does not verify'
	),
	'signature-required': example(
		422,
		'Unprocessable Content',
		'signature-required',
		'This issuer must sign submissions (application/jose)'
	),
	'idempotency-mismatch': example(
		422,
		'Unprocessable Content',
		'idempotency-mismatch',
		'This Idempotency-Key was used with another request'
	),
	'rate-limited': example(
		429,
		'Too Many Requests',
		'rate-limited',
		'Too many requests; retry after 12 s'
	),
	unavailable: example(
		503,
		'Service Unavailable',
		'unavailable',
		'The database cannot answer now; retry shortly'
	)
};
export type ProblemSlug = keyof typeof problems;

/** Problems an Idempotency-Key replays (they are decided after the key is claimed). */
const REPLAYABLE = new Set([400, 404, 409, 422]);

export function problem(
	status: number,
	description: string,
	slugs: ProblemSlug[],
	options: { replayable?: boolean; headers?: Record<string, unknown> } = {}
) {
	const replayed =
		options.replayable && REPLAYABLE.has(status)
			? { 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') }
			: {};
	return {
		description,
		...(options.headers || options.replayable
			? { headers: { ...options.headers, ...replayed } }
			: {}),
		content: {
			[PROBLEM_JSON]: {
				schema: ref('schemas', 'Problem'),
				examples: Object.fromEntries(slugs.map((slug) => [slug, ref('examples', slug)]))
			}
		}
	};
}

/** Every authenticated operation. */
export const common = {
	'401': ref('responses', 'Unauthorized'),
	'429': ref('responses', 'RateLimited'),
	'503': ref('responses', 'Unavailable')
};

/** Every POST that reads a body. */
export const withBody = {
	'413': ref('responses', 'TooLarge'),
	'415': ref('responses', 'UnsupportedMediaType')
};

export const badRequest = problem(
	400,
	'The body is not UTF-8 or not JSON, or the Idempotency-Key is malformed',
	['malformed-json', 'encoding', 'idempotency-key'],
	{ replayable: true }
);

export const notFound = (replayable: boolean) =>
	problem(
		404,
		'No such guarantee for this issuer. Another issuer’s guarantee answers exactly the same',
		['not-found'],
		{ replayable }
	);

const retryAfter = { 'Retry-After': ref('headers', 'RetryAfter') };
export const responses = {
	Unauthorized: problem(401, 'Missing, unknown or revoked token', ['unauthorized'], {
		headers: { 'WWW-Authenticate': ref('headers', 'WwwAuthenticate') }
	}),
	RateLimited: problem(
		429,
		'This token exceeded its rate limit (600 requests a minute unless the operator set ISSUER_RATE_LIMIT)',
		['rate-limited'],
		{ headers: retryAfter }
	),
	Unavailable: problem(
		503,
		'The database cannot answer now; retry after Retry-After seconds',
		['unavailable'],
		{
			headers: retryAfter
		}
	),
	TooLarge: problem(413, 'The body is over 256 KiB (8 MiB for a batch)', ['too-large']),
	UnsupportedMediaType: problem(
		415,
		'Content-Type is not one this operation takes (application/json, or application/jose where signing is offered)',
		['media-type']
	)
};

export const problemSchema = {
	type: 'object',
	description:
		'RFC 9457 problem details. `type` is `/problems/<slug>`, stable for clients to branch on; ' +
		'`errors` lists each field at fault as a JSON Pointer into the body that was sent.',
	required: ['type', 'title', 'status'],
	properties: {
		type: { type: 'string', pattern: '^/problems/[a-z-]+$' },
		title: { type: 'string' },
		status: { type: 'integer', minimum: 400, maximum: 599 },
		detail: { type: 'string' },
		errors: {
			type: 'array',
			items: {
				type: 'object',
				required: ['path', 'message'],
				properties: {
					path: { type: 'string', description: 'JSON Pointer, e.g. /works/contractAmount' },
					message: { type: 'string' }
				}
			}
		}
	}
};
