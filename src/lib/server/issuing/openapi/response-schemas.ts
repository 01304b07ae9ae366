import { z } from 'zod';
import { GUARANTEE_NUMBER, KINDS, PURPOSES } from '../../../guarantee';
import * as input from '../certificate-input';

/**
 * The answers of the issuer API as zod schemas, written from what guarantees.ts and reads.ts
 * return (the certificate's parts reuse the request's shapes, so a field added there is read
 * back here too). The issuer API tests validate every answer against them.
 */
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
	.regex(new RegExp(`^KENSHO:1:${GUARANTEE_NUMBER}:[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$`))
	.meta({ description: 'The QR code payload: KENSHO:1:<guarantee number>:<auth key>' });
const status = (values: readonly string[]) => z.enum(values as [string, ...string[]]);
const instant = z.iso.datetime();
const REASON = input.AMENDMENT_REASONS.join('|');

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
		amendmentReason: z
			.string()
			.regex(new RegExp(`^(${REASON})(・(${REASON}))*$`))
			.nullable()
			.meta({
				description: 'Why it was changed: one reason, or several joined by ・ (§4 reasons)'
			}),
		signed: z.boolean(),
		signatureKid: z.string().nullable(),
		orderer: z.object({ name: z.string() }),
		contractor: input.certificateInput.shape.contractor,
		works: input.certificateInput.shape.works,
		guarantee: input.certificateInput.shape.guarantee,
		issuingOffice: input.certificateInput.shape.issuingOffice,
		receivedAt: instant
	})
	.meta({ description: 'One certificate: version 1 is the registration, each 変更 adds one' });

const guarantee = z
	.object({
		id: UUID,
		guaranteeNumber: input.guaranteeNumber,
		kind: z.enum(KINDS),
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

export const responses = {
	Registered: registered,
	Amended: z.object({ id: UUID, version: z.int().min(2), status: z.literal('valid') }),
	Cancelled: z.object({ id: UUID, status: z.literal('cancelled') }),
	Reissued: z.object({ authKey: AUTH_KEY, qr: QR }),
	CertificateVersion: version,
	Guarantee: guarantee,
	Views: views
};

export const batchResults = {
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
