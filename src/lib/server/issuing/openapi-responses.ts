import * as examples from './openapi-examples';

/**
 * The building blocks of the operations: references, bodies, and the answers every operation
 * shares (shared/API.md §1: 401, 429 and 503 anywhere; 400, 413 and 415 where a body is read).
 */
export const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
export const PROBLEM_JSON = 'application/problem+json';

/** Problems an Idempotency-Key replays (they are decided after the key is claimed). */
const REPLAYABLE = new Set([400, 404, 409, 422]);

export function problem(
	status: number,
	description: string,
	slugs: examples.ProblemSlug[],
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

/** A JSON answer; on a POST it may be an Idempotency-Key replay. */
export function answer(description: string, schema: string, example: unknown, replayable = false) {
	return {
		description,
		...(replayable
			? { headers: { 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') } }
			: {}),
		content: { 'application/json': { schema: ref('schemas', schema), example } }
	};
}

interface BodyExample {
	summary: string;
	value: unknown;
	/** The payload to sign for the application/jose example; absent when it cannot be signed. */
	signed?: unknown;
}

/** A request body: JSON, and for a signable one the same payload as a compact JWS. */
export function body(schema: string, bodyExamples: Record<string, BodyExample>, signable: boolean) {
	const json = Object.fromEntries(
		Object.entries(bodyExamples).map(([name, { summary, value }]) => [name, { summary, value }])
	);
	const jose = Object.fromEntries(
		Object.entries(bodyExamples)
			.filter(([, example]) => example.signed !== undefined)
			.map(([name, { summary, signed }]) => [
				name,
				{
					summary: `${summary}, signed`,
					description: `Payload:\n\n\`\`\`json\n${JSON.stringify(signed, null, 2)}\n\`\`\``,
					value: examples.jws(signed)
				}
			])
	);
	return {
		required: true,
		content: {
			'application/json': { schema: ref('schemas', schema), examples: json },
			...(signable ? { 'application/jose': { schema: ref('schemas', 'Jws'), examples: jose } } : {})
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

export const headers = {
	RetryAfter: {
		description: 'Seconds to wait before trying again',
		required: true,
		schema: { type: 'integer', minimum: 1 },
		example: 5
	},
	IdempotentReplayed: {
		description:
			'Present when this is the stored answer to an earlier request with the same Idempotency-Key',
		schema: { type: 'string', enum: ['true'] }
	},
	WwwAuthenticate: {
		description: 'The authentication scheme to use',
		required: true,
		schema: { type: 'string', enum: ['Bearer'] }
	}
};

export const parameters = {
	GuaranteeId: {
		name: 'id',
		in: 'path',
		required: true,
		description: 'The id the registration answered with',
		schema: { type: 'string', format: 'uuid' },
		example: examples.registered.id
	},
	IdempotencyKey: {
		name: 'Idempotency-Key',
		in: 'header',
		required: false,
		description:
			'Makes a retry safe. The same key with the same body replays the first answer (same status ' +
			'and body, with Idempotent-Replayed: true); with another body → 422; while the first is ' +
			'still running → 409. Scoped to the issuer; a replay needs the token that made it.',
		schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
		example: 'E12-2026-000123-register'
	}
};
