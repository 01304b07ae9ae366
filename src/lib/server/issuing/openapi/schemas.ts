import { z } from 'zod';
import * as input from '../certificate-input';
import { problemSchema } from './problems';
import { batchResults, responses } from './response-schemas';

/**
 * The schemas of the OpenAPI document. Requests come from the zod schemas that validate them
 * (certificate-input.ts), so a field added there appears here by itself; the answers from
 * response-schemas.ts. Request schemas stay closed (unknown fields → 422); response
 * schemas are left open, so a field added later does not break a client that validates strictly.
 */
type Schema = Record<string, unknown>;
const requests = {
	Certificate: input.certificateInput,
	Amendment: input.amendmentInput,
	Cancellation: input.cancellationInput,
	Notice: input.noticeInput,
	Batch: input.batchInput
};

function convert(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
	const own = z.registry<{ id: string }>();
	for (const [id, schema] of Object.entries(schemas)) own.add(schema, { id });
	const { schemas: out } = z.toJSONSchema(own, {
		io,
		unrepresentable: 'any',
		uri: (id) => `#/components/schemas/${id}`
	});
	for (const schema of Object.values(out)) {
		delete schema.$schema;
		delete schema.$id;
	}
	return out as Record<string, Schema>;
}

/**
 * Rewrites every object below `schema` with `rewrite`. Used to open the response schemas (drop
 * `additionalProperties: false`) and to spell `\P{Cc}` (any but a control character) as a
 * character class: some validators (Spectral's) compile patterns without the `u` flag.
 */
function walk(schema: unknown, rewrite: (key: string, value: unknown) => unknown): unknown {
	if (Array.isArray(schema)) return schema.map((item) => walk(item, rewrite));
	if (schema === null || typeof schema !== 'object') return schema;
	return Object.fromEntries(
		Object.entries(schema)
			.map(([key, value]) => [key, rewrite(key, value)])
			.filter(([, value]) => value !== undefined)
			.map(([key, value]) => [key, walk(value, rewrite)])
	);
}
const NOT_CONTROL = '[^\\u0000-\\u001F\\u007F-\\u009F]';
const portablePattern = (key: string, value: unknown) =>
	key === 'pattern' && typeof value === 'string' ? value.replaceAll('\\P{Cc}', NOT_CONTROL) : value;
const open = (key: string, value: unknown) =>
	key === 'additionalProperties' && value === false ? undefined : value;

const jws = {
	type: 'string',
	pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$',
	description:
		'A compact JWS (RFC 7515): protected header `{"alg":"EdDSA","kid":"<registered kid>"}`, ' +
		'Ed25519 signature, payload the JSON body this operation takes.'
};

/**
 * The claims that bind a change to its target (shared/API.md §4). They are taken off the body
 * before its schema parses the rest, so they are added here: required in a signed change,
 * allowed (and checked alike) in a plain one.
 */
const changeClaims = {
	guaranteeNumber: {
		type: 'string',
		maxLength: 64,
		description: 'The number of the guarantee in the URL; required when the body is signed'
	},
	iat: {
		type: 'integer',
		description:
			'When it was signed, in Unix seconds, within 10 minutes of the portal’s clock; ' +
			'required when the body is signed'
	}
};

export function schemas(): Record<string, Schema> {
	const request = walk(convert(requests, 'input'), portablePattern) as Record<string, Schema>;
	const response = walk(walk(convert(responses, 'output'), open), portablePattern) as Record<
		string,
		Schema
	>;
	for (const change of [request.Amendment, request.Cancellation])
		Object.assign((change as { properties: Schema }).properties, changeClaims);
	const batch = request.Batch as { properties: { items: Schema } };
	batch.properties.items.items = {
		description: 'A body of registerCertificate, or { "jws": … } for a signed one',
		anyOf: [
			{ $ref: '#/components/schemas/Certificate' },
			{ $ref: '#/components/schemas/SignedItem' }
		]
	};
	return {
		...request,
		SignedItem: {
			type: 'object',
			required: ['jws'],
			additionalProperties: false,
			properties: { jws: { $ref: '#/components/schemas/Jws' } }
		},
		Jws: jws,
		...response,
		BatchResults: batchResults,
		Problem: problemSchema
	};
}
