import * as examples from './examples';

/**
 * The building blocks of the operations: references, JSON answers, request bodies (JSON and,
 * where signing is offered, the same payload as a JWS), and the shared headers and parameters.
 */
export const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

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
