import * as examples from './openapi-examples';
import {
	answer,
	badRequest,
	body,
	common,
	notFound,
	problem,
	ref,
	withBody
} from './openapi-responses';

/**
 * The operations of the issuer API (shared/API.md §1 and §4), one per endpoint, named by verb
 * so a generated client reads `registerCertificate`, `amendCertificate` …
 */
const id = ref('parameters', 'GuaranteeId');
const idempotencyKey = ref('parameters', 'IdempotencyKey');
const { signedClaims: claims } = examples;

const SIGNED_CHANGE =
	'\n\nSigned (`application/jose`), the payload also carries `guaranteeNumber`, equal to this ' +
	'guarantee’s number, and `iat` (Unix seconds, within 10 minutes of the portal’s clock) ' +
	'(API.md §4): a JWS naming another guarantee, or a stale one, → 422; the same JWS presented ' +
	'a second time → 409 (an Idempotency-Key replay of the same request still replays its answer).';

const registerCertificate = {
	operationId: 'registerCertificate',
	tags: ['Guarantees'],
	summary: 'Register a guarantee (保証の登録)',
	description:
		'Registers a guarantee and its first certificate (電子保証書). The answer carries the auth key ' +
		'(認証キー) and its QR payload, shown this once: print them on the notice (お知らせ) for the ' +
		'contractor, who hands them to the orderer (発注者).\n\n' +
		'`guaranteeNumber` (保証契約番号) is normalised (NFKC, upper case, trimmed) and unique per ' +
		'issuer. `orderer.code` is the 全国地方公共団体コード (6 digits with its check digit) of an ' +
		'organisation registered in the portal. Amounts are integer yen. Unknown fields → 422. ' +
		'Business ratios (4/10, 1/10 …) are not refused here: the clerk sees them as checks.\n\n' +
		'Optional (API.md §4): `works.category` (工事 / 業務委託), `works.contractedOn` (契約締結日), ' +
		'`works.fiscalYear` with `works.fiscalYearAmount` (債務負担行為: 年度割額), ' +
		'`contractor.members` (共同企業体の構成員) and `issuingOffice` (the office a clerk calls).',
	parameters: [idempotencyKey],
	requestBody: body(
		'Certificate',
		{
			advancePayment: {
				summary: 'An advance payment guarantee (前払金保証)',
				value: examples.certificate,
				signed: examples.certificate
			},
			withExtensions: {
				summary: 'A joint venture’s 業務委託, second year of a multi-year contract (§4)',
				value: examples.certificateWithExtensions
			}
		},
		true
	),
	responses: {
		'201': answer(
			'Registered; the auth key is shown this once',
			'Registered',
			examples.registered,
			true
		),
		'400': badRequest,
		'409': problem(
			409,
			'The number is already registered by this issuer, or the Idempotency-Key is in flight',
			['duplicate', 'idempotency-in-flight'],
			{ replayable: true }
		),
		'422': problem(
			422,
			'Invalid fields (JSON Pointer paths), unknown orderer, bad or missing signature, or an Idempotency-Key reused with another body',
			['validation', 'signature', 'signature-required', 'idempotency-mismatch'],
			{ replayable: true }
		),
		...withBody,
		...common
	}
};

const registerCertificates = {
	operationId: 'registerCertificates',
	tags: ['Guarantees'],
	summary: 'Register up to 1,000 guarantees at once (一括登録)',
	description:
		'Each item is a body of registerCertificate, or `{ "jws": "<compact JWS>" }` for a signed one ' +
		'(an issuer that must sign sends only those). Items are independent: each answers with the ' +
		'status and body, or problem, it would have had alone, so one bad item rejects only itself. ' +
		'The body may be up to 8 MiB.',
	parameters: [idempotencyKey],
	requestBody: body(
		'Batch',
		{ twoItems: { summary: 'A plain item and a signed one', value: examples.batch } },
		false
	),
	responses: {
		'200': answer('One result per item, in order', 'BatchResults', examples.batchResults, true),
		'400': badRequest,
		'409': problem(409, 'The Idempotency-Key is in flight', ['idempotency-in-flight'], {
			replayable: true
		}),
		'422': problem(
			422,
			'No items, more than 1,000, or an Idempotency-Key reused with another body',
			['validation', 'idempotency-mismatch'],
			{ replayable: true }
		),
		...withBody,
		...common
	}
};

const getCertificate = {
	operationId: 'getCertificate',
	tags: ['Guarantees'],
	summary: 'Read a guarantee with every version (照会)',
	description:
		'The guarantee as the portal holds it: its status (有効 / 解約 / 期限切れ), whether it was ' +
		'signed, and every certificate version in order (1 = registration, then each 変更). Never ' +
		'its auth key or hash.',
	parameters: [id],
	responses: {
		'200': answer('The guarantee', 'Guarantee', examples.guarantee),
		'404': notFound(false),
		...common
	}
};

const amendCertificate = {
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
			['cancelled', 'idempotency-in-flight'],
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

const cancelCertificate = {
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
			['idempotency-in-flight'],
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

const reissueAuthKey = {
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
			['idempotency-in-flight'],
			{ replayable: true }
		),
		'422': problem(
			422,
			'A signature is required, or it is bad, stale or misdirected; or an Idempotency-Key reused with another body',
			['signature-required', 'signature', 'idempotency-mismatch'],
			{ replayable: true }
		),
		...withBody,
		...common
	}
};

const listCertificateViews = {
	operationId: 'listCertificateViews',
	tags: ['Views'],
	summary: 'Who viewed the certificate (閲覧状況)',
	description:
		'Each time a clerk of an orderer opened the certificate with its auth key: when, which ' +
		'organisation (全国地方公共団体コード) and for what purpose (契約保証 / 前払金 / 中間前払金 / その他). ' +
		'Never which clerk. Oldest first.',
	parameters: [id],
	responses: {
		'200': answer('The views, oldest first', 'Views', examples.views),
		'404': notFound(false),
		...common
	}
};

const getNotice = {
	operationId: 'getNotice',
	tags: ['Notices'],
	summary: 'The printable notice as PDF (お知らせ)',
	description:
		'An A4 PDF for the contractor: the guarantee, where to verify it, the auth key and its QR ' +
		'code. Only for the issuer’s own guarantee and its current key (a reissued key’s predecessor ' +
		'→ 422 at `/authKey`). Not kept for Idempotency-Key replays: the PDF is made again.',
	parameters: [idempotencyKey],
	requestBody: body(
		'Notice',
		{ notice: { summary: 'The number and its current key', value: examples.notice } },
		false
	),
	responses: {
		'200': {
			description: 'The notice, A4 PDF',
			headers: {
				'Content-Disposition': {
					description: 'inline; filename="notice-<guarantee number>.pdf"',
					schema: { type: 'string' }
				}
			},
			content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }
		},
		'400': badRequest,
		'404': notFound(true),
		'409': problem(409, 'The Idempotency-Key is in flight', ['idempotency-in-flight'], {
			replayable: true
		}),
		'422': problem(
			422,
			'Invalid fields, the key is not the current one, or an Idempotency-Key reused with another body',
			['validation', 'idempotency-mismatch'],
			{ replayable: true }
		),
		...withBody,
		...common
	}
};

export const paths = {
	'/api/v1/certificates': { post: registerCertificate },
	'/api/v1/certificates/batch': { post: registerCertificates },
	'/api/v1/certificates/{id}': { get: getCertificate },
	'/api/v1/certificates/{id}/amendments': { post: amendCertificate },
	'/api/v1/certificates/{id}/cancellation': { post: cancelCertificate },
	'/api/v1/certificates/{id}/auth-key': { post: reissueAuthKey },
	'/api/v1/certificates/{id}/views': { get: listCertificateViews },
	'/api/v1/notices': { post: getNotice }
};
