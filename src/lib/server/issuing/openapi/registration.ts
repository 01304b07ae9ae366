import * as examples from './examples';
import { badRequest, common, problem, withBody } from './problems';
import { answer, body, ref } from './responses';

/** Registration (shared/API.md §1 and §4): one guarantee, or up to 1,000 at once. */
const idempotencyKey = ref('parameters', 'IdempotencyKey');

export const registerCertificate = {
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

export const registerCertificates = {
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
