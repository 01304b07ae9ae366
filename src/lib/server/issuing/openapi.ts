import { z } from 'zod';
import * as guarantees from './guarantees';
import { documented, reissueInput } from './signed-changes';

/**
 * The OpenAPI 3.1 document of the issuer API, generated from the same zod schemas that
 * validate the requests, so the two cannot drift apart.
 */
const schema = (s: z.ZodType) => {
	const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
	void _ignored;
	return rest;
};

const problem = {
	type: 'object',
	required: ['type', 'title', 'status'],
	properties: {
		type: { type: 'string' },
		title: { type: 'string' },
		status: { type: 'integer' },
		detail: { type: 'string' },
		errors: {
			type: 'array',
			items: {
				type: 'object',
				required: ['path', 'message'],
				properties: { path: { type: 'string' }, message: { type: 'string' } }
			}
		}
	}
};

const refusal = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
});
const errors = {
	'400': refusal('Body is not JSON or not UTF-8'),
	'401': refusal('Missing, unknown or revoked token'),
	'409': refusal('Duplicate, cancelled, or Idempotency-Key in flight'),
	'413': refusal('Body too large (256 KiB; 8 MiB for a batch)'),
	'415': refusal('Content-Type is not application/json or application/jose'),
	'422': refusal('Invalid fields (JSON Pointer paths), bad signature, Idempotency-Key reused'),
	'429': refusal('Rate limit exceeded (Retry-After)'),
	'503': refusal('Database unavailable (Retry-After)')
};
const ok = (description: string, schemaRef?: string) => ({
	description,
	content: {
		'application/json': { schema: schemaRef ? { $ref: schemaRef } : { type: 'object' } }
	}
});
const body = (ref: string, signable = true) => ({
	required: true,
	content: {
		'application/json': { schema: { $ref: ref } },
		...(signable
			? { 'application/jose': { schema: { type: 'string', description: 'compact JWS, EdDSA' } } }
			: {})
	}
});
/** No body; or signed (required for an issuer that must sign), `{ guaranteeNumber, iat }`. */
const reissueBody = {
	required: false,
	content: {
		'application/jose': {
			schema: {
				type: 'string',
				description: 'compact JWS, EdDSA, of #/components/schemas/Reissue'
			}
		}
	}
};
const idParam = [
	{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
];
const idempotency = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	schema: { type: 'string', maxLength: 255 }
};

export function document(serverUrl = '/') {
	const post = (summary: string, requestBody: object | undefined, responses: object) => ({
		summary,
		parameters: [idempotency],
		...(requestBody ? { requestBody } : {}),
		responses: { ...responses, ...errors }
	});
	return {
		openapi: '3.1.0',
		info: { title: 'Kensho issuer API', version: '1.0.0', description: 'shared/API.md §1' },
		servers: [{ url: serverUrl }],
		security: [{ bearer: [] }],
		paths: {
			'/api/v1/certificates': {
				post: post('Register a guarantee', body('#/components/schemas/Certificate'), {
					'201': ok('Registered; authKey shown this once', '#/components/schemas/Registered')
				})
			},
			'/api/v1/certificates/batch': {
				post: post('Register up to 1,000 guarantees', body('#/components/schemas/Batch', false), {
					'200': ok('One result per item')
				})
			},
			'/api/v1/certificates/{id}': {
				get: {
					summary: 'The guarantee with every version',
					parameters: idParam,
					responses: {
						'200': ok('The guarantee'),
						...errors,
						'404': refusal('Not found (or another issuer’s)')
					}
				}
			},
			'/api/v1/certificates/{id}/amendments': {
				post: {
					...post('Change certificate (変更)', body('#/components/schemas/Amendment'), {
						'201': ok('The new version'),
						'404': refusal('Not found')
					}),
					parameters: [...idParam, idempotency]
				}
			},
			'/api/v1/certificates/{id}/cancellation': {
				post: {
					...post('Cancel (解約)', body('#/components/schemas/Cancellation'), {
						'200': ok('Cancelled'),
						'404': refusal('Not found')
					}),
					parameters: [...idParam, idempotency]
				}
			},
			'/api/v1/certificates/{id}/auth-key': {
				post: {
					...post('Reissue the auth key', reissueBody, {
						'200': ok('The new key; the old one stops'),
						'404': refusal('Not found')
					}),
					parameters: [...idParam, idempotency]
				}
			},
			'/api/v1/certificates/{id}/views': {
				get: {
					summary: '閲覧状況',
					parameters: idParam,
					responses: { '200': ok('Views by organisation'), ...errors, '404': refusal('Not found') }
				}
			},
			'/api/v1/notices': {
				post: post(
					'The printable notice (お知らせ) as PDF',
					body('#/components/schemas/Notice', false),
					{
						'200': {
							description: 'A4 PDF',
							content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }
						},
						'404': refusal('Not found')
					}
				)
			}
		},
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
			schemas: {
				Certificate: schema(guarantees.certificateInput),
				Amendment: schema(documented(guarantees.amendmentInput)),
				Cancellation: schema(documented(guarantees.cancellationInput)),
				Reissue: schema(documented(reissueInput)),
				Batch: schema(guarantees.batchInput),
				Notice: schema(guarantees.noticeInput),
				Registered: {
					type: 'object',
					required: ['id', 'guaranteeNumber', 'version', 'status', 'signed', 'authKey', 'qr'],
					properties: {
						id: { type: 'string', format: 'uuid' },
						guaranteeNumber: { type: 'string' },
						version: { type: 'integer' },
						status: { type: 'string', enum: ['valid'] },
						signed: { type: 'boolean' },
						authKey: { type: 'string' },
						qr: { type: 'string' }
					}
				},
				Problem: problem
			}
		}
	};
}
