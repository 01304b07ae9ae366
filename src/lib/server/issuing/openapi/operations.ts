import * as examples from './examples';
import { badRequest, common, notFound, problem, withBody } from './problems';
import { answer, body, ref } from './responses';
import { amendCertificate, cancelCertificate, reissueAuthKey } from './changes';
import { registerCertificate, registerCertificates } from './registration';

/**
 * The operations of the issuer API (shared/API.md §1 and §4), one per endpoint, named by verb
 * so a generated client reads `registerCertificate`, `amendCertificate` …; here the reads and
 * the notice, and the paths of them all.
 */
const id = ref('parameters', 'GuaranteeId');
const idempotencyKey = ref('parameters', 'IdempotencyKey');

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
