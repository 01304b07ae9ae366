import { z } from 'zod';
import { PURPOSES } from '../certificates/verify';
import * as input from './certificate-input';
import { problemSchema } from './openapi-problems';

/**
 * The schemas of the OpenAPI document. Requests come from the zod schemas that validate them
 * (certificate-input.ts), so a field added there appears here by itself. Responses are written
 * here from what guarantees.ts and reads.ts return; the issuer API tests validate every answer
 * against them. Request schemas stay closed (unknown fields → 422); response schemas are left
 * open, so a field added later does not break a client that validates strictly.
 */
type Schema = Record<string, unknown>;
const UUID = z.uuid().meta({ description: 'The guarantee’s id, assigned by the portal' });
const AUTH_KEY = z
	.string()
	.regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/)
	.meta({
		description:
			'認証キー: 20 Crockford base32 symbols, the last a Luhn mod 32 check symbol. Give it to the ' +
			'contractor with the notice; the portal keeps only a salted hash and never shows it again.'
	});
const QR = z
	.string()
	.regex(/^KENSHO:1:[0-9A-Z][0-9A-Z-]{2,31}:[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
	.meta({ description: 'The QR code payload: KENSHO:1:<guarantee number>:<auth key>' });
const status = (values: readonly string[]) => z.enum(values as [string, ...string[]]);
const instant = z.iso.datetime();

const registered = z
	.object({
		id: UUID,
		guaranteeNumber: input.guaranteeNumber,
		version: z.literal(1),
		status: z.literal('valid'),
		signed: z.boolean().meta({ description: 'Whether the body was a verified JWS' }),
		authKey: AUTH_KEY,
		qr: QR
	})
	.meta({ description: 'A registered guarantee; the only answer besides a reissue with its key' });

const version = z
	.object({
		version: z.int().min(1),
		issuedOn: z.iso.date().meta({ description: '発行日 of this version (変更日 for a change)' }),
		amendmentReason: z.enum(input.AMENDMENT_REASONS).nullable(),
		signed: z.boolean(),
		signatureKid: z.string().nullable(),
		orderer: z.object({ name: z.string() }),
		contractor: input.certificateInput.shape.contractor,
		works: input.certificateInput.shape.works,
		guarantee: input.certificateInput.shape.guarantee,
		receivedAt: instant
	})
	.meta({ description: 'One certificate: version 1 is the registration, each 変更 adds one' });

const guarantee = z
	.object({
		id: UUID,
		guaranteeNumber: input.guaranteeNumber,
		kind: z.enum(input.KINDS),
		orderer: z.object({ code: z.string().regex(/^\d{6}$/) }),
		status: status(['valid', 'cancelled', 'expired']).meta({
			description: '有効 / 解約 / 期限切れ (the latest 保証期限 has passed, in Japan time)'
		}),
		signed: z.boolean().meta({ description: 'Whether the latest version was signed' }),
		version: z.int().min(1),
		cancelledOn: z.iso.date().nullable(),
		cancellationReason: z.string().nullable(),
		authKeyIssuedAt: instant,
		createdAt: instant,
		versions: z.array(version)
	})
	.meta({ description: 'A guarantee with every version in order; never its key or hash' });

const views = z.object({
	views: z.array(
		z.object({
			at: instant,
			organization: z
				.string()
				.nullable()
				.meta({ description: '全国地方公共団体コード of the organisation; never the clerk' }),
			purpose: z.enum(PURPOSES).nullable()
		})
	)
});

const responses = {
	Registered: registered,
	Amended: z.object({ id: UUID, version: z.int().min(2), status: z.literal('valid') }),
	Cancelled: z.object({ id: UUID, status: z.literal('cancelled') }),
	Reissued: z.object({ authKey: AUTH_KEY, qr: QR }),
	CertificateVersion: version,
	Guarantee: guarantee,
	Views: views
};
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
	const request = withSection4(
		walk(convert(requests, 'input'), portablePattern) as Record<string, Schema>
	);
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
		...(walk(walk(convert(responses, 'output'), open), portablePattern) as Record<string, Schema>),
		BatchResults: batchResults,
		Problem: problemSchema
	};
}

const batchResults = {
	type: 'object',
	required: ['results'],
	properties: {
		results: {
			type: 'array',
			description: 'One result per item, in the order sent',
			items: {
				oneOf: [
					{
						type: 'object',
						required: ['index', 'status', 'body'],
						properties: {
							index: { type: 'integer', minimum: 0 },
							status: { const: 201 },
							body: { $ref: '#/components/schemas/Registered' }
						}
					},
					{
						type: 'object',
						required: ['index', 'status', 'problem'],
						properties: {
							index: { type: 'integer', minimum: 0 },
							status: { type: 'integer', minimum: 400, maximum: 499 },
							problem: { $ref: '#/components/schemas/Problem' }
						}
					}
				]
			}
		}
	}
};

// TODO(merge): remove once c's §4 fields are in certificate-input.ts (they then come from zod).
type Obj = { properties: Record<string, Obj>; required?: string[] } & Schema;
function withSection4(request: Record<string, Schema>) {
	const yen = { type: 'integer', exclusiveMinimum: 0, maximum: 1e13 };
	const text = { type: 'string', minLength: 1, maxLength: 200 };
	const works = {
		category: { type: 'string', enum: ['construction', 'service'] },
		contractedOn: { type: 'string', format: 'date' },
		fiscalYear: { type: 'integer', minimum: 1900, maximum: 2199 },
		fiscalYearAmount: yen
	};
	const members = {
		type: 'array',
		minItems: 1,
		items: {
			type: 'object',
			required: ['name'],
			additionalProperties: false,
			properties: { name: text, address: text, representative: text }
		}
	};
	const certificate = request.Certificate as Obj;
	Object.assign(certificate.properties.works.properties, works);
	certificate.properties.contractor.properties.members = members as unknown as Obj;
	certificate.properties.issuingOffice = {
		type: 'object',
		required: ['name'],
		additionalProperties: false,
		properties: { name: text, phone: { type: 'string', maxLength: 40 } }
	} as unknown as Obj;
	const amendment = request.Amendment as Obj;
	amendment.required = amendment.required?.filter((name) => name !== 'reason');
	amendment.properties.reasons = {
		type: 'array',
		minItems: 1,
		items: { type: 'string', enum: ['増額', '減額', '保証期限変更', 'その他'] }
	} as unknown as Obj;
	Object.assign(amendment.properties.changes.properties.works.properties, works);
	return request;
}
