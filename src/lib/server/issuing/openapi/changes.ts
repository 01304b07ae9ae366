import * as examples from './examples';
import { badRequest, common, notFound, problem, withBody } from './problems';
import { answer, body, ref } from './responses';

/**
 * The changes an issuer makes to its guarantee (shared/API.md §1): 変更, 解約 and a new auth key;
 * signed, each is bound to its target (§4).
 */
const id = ref('parameters', 'GuaranteeId');
const idempotencyKey = ref('parameters', 'IdempotencyKey');
const { signedClaims: claims } = examples;

const SIGNED_CHANGE =
	'\n\nSigned (`application/jose`), the payload also carries `guaranteeNumber`, equal to this ' +
	'guarantee’s number, and `iat` (Unix seconds, within 10 minutes of the portal’s clock) ' +
	'(API.md §4): a JWS naming another guarantee, or a stale one, → 422; the same JWS presented ' +
	'a second time → 409 (an Idempotency-Key replay of the same request still replays its answer).';
export const amendCertificate = {
	operationId: 'amendCertificate',
	tags: ['Guarantees'],
	summary: 'Change a guarantee (変更)',
	description:
		'Issues a change certificate (変更保証書) as the next version. `changes` may touch ' +
		'`contractor`, `works` and `guarantee`, not `kind`, `orderer` or `guaranteeNumber`; the result ' +
		'must still be consistent (dates in order, 前払金額 as the kind requires). `reason` is one of ' +
		'増額, 減額, 保証期限変更, その他; `reasons` (API.md §4) gives several at once. The auth key ' +
		'does not change. On a cancelled guarantee → 409.' +
		SIGNED_CHANGE,
	parameters: [id, idempotencyKey],
	requestBody: body(
		'Amendment',
		{
			increase: {
				summary: 'A 増額',
				value: examples.amendment,
				signed: { ...claims, ...examples.amendment }
			},
			severalReasons: {
				summary: 'A 増額 with a 保証期限変更 (§4 reasons)',
				value: examples.amendmentWithReasons
			}
		},
		true
	),
	responses: {
		'201': answer('The new version', 'Amended', examples.amended, true),
		'400': badRequest,
		'404': notFound(true),
		'409': problem(
			409,
			'The guarantee is cancelled, the signed change was presented before, or the Idempotency-Key is in flight',
			['cancelled', 'replayed', 'idempotency-in-flight'],
			{ replayable: true }
		),
		'422': problem(
			422,
			'Invalid fields, an inconsistent result, a bad, stale or misdirected signature, or an Idempotency-Key reused with another body',
			['validation', 'signature', 'signature-required', 'idempotency-mismatch'],
			{ replayable: true }
		),
		...withBody,
		...common
	}
};

export const cancelCertificate = {
	operationId: 'cancelCertificate',
	tags: ['Guarantees'],
	summary: 'Cancel a guarantee (解約)',
	description:
		'Marks the guarantee cancelled as of `cancelledOn`; clerks see it as 解約. Cancelling again ' +
		'answers 200 and changes nothing.' +
		SIGNED_CHANGE,
	parameters: [id, idempotencyKey],
	requestBody: body(
		'Cancellation',
		{
			cancellation: {
				summary: 'A 解約',
				value: examples.cancellation,
				signed: { ...claims, ...examples.cancellation }
			}
		},
		true
	),
	responses: {
		'200': answer('Cancelled (also when it already was)', 'Cancelled', examples.cancelled, true),
		'400': badRequest,
		'404': notFound(true),
		'409': problem(
			409,
			'The signed change was presented before, or the Idempotency-Key is in flight',
			['replayed', 'idempotency-in-flight'],
			{ replayable: true }
		),
		'422': problem(
			422,
			'Invalid fields, a bad, stale or misdirected signature, or an Idempotency-Key reused with another body',
			['validation', 'signature', 'signature-required', 'idempotency-mismatch'],
			{ replayable: true }
		),
		...withBody,
		...common
	}
};

export const reissueAuthKey = {
	operationId: 'reissueAuthKey',
	tags: ['Auth keys'],
	summary: 'Reissue the auth key (認証キーの再発行)',
	description:
		'A new auth key and QR payload; the previous key stops working at once (a clerk who types it ' +
		'gets no match). Print a new notice with getNotice.\n\n' +
		'No body is needed. An issuer that must sign sends a signed body (API.md §4) whose payload is ' +
		'`{ "guaranteeNumber", "iat" }`; unsigned → 422.',
	parameters: [id, idempotencyKey],
	requestBody: {
		required: false,
		content: {
			'application/jose': {
				schema: ref('schemas', 'Jws'),
				examples: {
					signed: {
						summary: 'The signed claims of a reissue',
						description: `Payload:\n\n\`\`\`json\n${JSON.stringify(claims, null, 2)}\n\`\`\``,
						value: examples.jws(claims)
					}
				}
			}
		}
	},
	responses: {
		'200': answer(
			'The new key; the old one no longer matches',
			'Reissued',
			examples.reissued,
			true
		),
		'400': badRequest,
		'404': notFound(true),
		'409': problem(
			409,
			'The signed request was presented before, or the Idempotency-Key is in flight',
			['replayed', 'idempotency-in-flight'],
			{ replayable: true }
		),
		'422': problem(
			422,
			'A signature is required, or it is bad, stale or misdirected; or an Idempotency-Key reused with another body',
			['signature-required', 'signature', 'idempotency-mismatch'],
			{ replayable: true }
		),
		'413': withBody['413'],
		...common
	}
};
