import { createHash, createPrivateKey, sign } from 'node:crypto';

/**
 * The examples of the OpenAPI document: the bodies of shared/API.md §1 and §4 (the problems are
 * in problems.ts). The linters check each example against its schema, so an example cannot drift from
 * the document either.
 */
const NUMBER = 'E12-2026-000123';
const ID = '0b6f3c1e-8a4d-4f7b-9c2e-5d1a7e3f9b60';
const KEY = '7K3M-Q9ZD-4HBT-X1RW-PQ2C';

export const certificate = {
	kind: 'advance_payment' as const,
	guaranteeNumber: NUMBER,
	issuedOn: '2026-07-04',
	orderer: { code: '124249', name: '白子町長 山田 一郎' },
	contractor: {
		name: '株式会社白子建設',
		address: '千葉県長生郡白子町古所1234',
		representative: '代表取締役 白子 太郎'
	},
	works: {
		name: '令和8年度 町道1-23号線舗装修繕工事',
		location: '白子町古所地内',
		contractAmount: 38500000,
		startOn: '2026-07-01',
		endOn: '2027-02-26'
	},
	guarantee: {
		amount: 15400000,
		advancePaymentAmount: 15400000,
		startOn: '2026-07-04',
		endOn: '2027-02-26'
	}
};

/** §4: a 業務委託 for a joint venture, the second year of a multi-year contract, with its office. */
export const certificateWithExtensions = {
	...certificate,
	guaranteeNumber: 'E12-2026-000124',
	contractor: {
		name: '白子・長生特定建設工事共同企業体',
		address: '千葉県長生郡白子町古所1234',
		representative: '代表者 株式会社白子建設 代表取締役 白子 太郎',
		members: [
			{ name: '株式会社白子建設', address: '千葉県長生郡白子町古所1234' },
			{ name: '長生測量株式会社', representative: '代表取締役 長生 花子' }
		]
	},
	works: {
		...certificate.works,
		category: 'service',
		contractedOn: '2026-06-25',
		fiscalYear: 2026,
		fiscalYearAmount: 20000000
	},
	guarantee: { ...certificate.guarantee, amount: 6000000, advancePaymentAmount: 6000000 },
	issuingOffice: { name: '千葉支店', phone: '043-241-6101' }
};

export const registered = {
	id: ID,
	guaranteeNumber: NUMBER,
	version: 1,
	status: 'valid',
	signed: false,
	authKey: KEY,
	qr: `KENSHO:1:${NUMBER}:${KEY}`
};

export const amendment = {
	amendedOn: '2026-12-10',
	reason: '増額',
	changes: {
		works: { contractAmount: 42350000 },
		guarantee: { amount: 16940000, advancePaymentAmount: 16940000 }
	}
};
export const amendmentWithReasons = {
	amendedOn: '2026-12-10',
	reasons: ['増額', '保証期限変更'],
	changes: {
		works: { contractAmount: 42350000, endOn: '2027-03-19' },
		guarantee: { amount: 16940000, advancePaymentAmount: 16940000, endOn: '2027-03-19' }
	}
};
export const amended = { id: ID, version: 2, status: 'valid' };

export const cancellation = { cancelledOn: '2027-01-15', reason: '契約解除' };
export const cancelled = { id: ID, status: 'cancelled' };

export const reissued = {
	authKey: 'M2QX-7RTB-9KCN-4WZE-H6PA',
	qr: `KENSHO:1:${NUMBER}:M2QX-7RTB-9KCN-4WZE-H6PA`
};

const version1 = {
	version: 1,
	issuedOn: certificate.issuedOn,
	amendmentReason: null,
	signed: true,
	signatureKid: 'k2026',
	orderer: { name: certificate.orderer.name },
	contractor: certificate.contractor,
	works: certificate.works,
	guarantee: certificate.guarantee,
	receivedAt: '2026-07-04T00:12:09.512Z'
};
export const guarantee = {
	id: ID,
	guaranteeNumber: NUMBER,
	kind: 'advance_payment',
	orderer: { code: '124249' },
	status: 'valid',
	signed: false,
	version: 2,
	cancelledOn: null,
	cancellationReason: null,
	authKeyIssuedAt: '2026-07-04T00:12:09.498Z',
	createdAt: '2026-07-04T00:12:09.498Z',
	versions: [
		version1,
		{
			...version1,
			version: 2,
			issuedOn: amendment.amendedOn,
			amendmentReason: '増額',
			signed: false,
			signatureKid: null,
			works: { ...certificate.works, contractAmount: 42350000 },
			guarantee: { ...certificate.guarantee, amount: 16940000, advancePaymentAmount: 16940000 },
			receivedAt: '2026-12-10T01:30:00.000Z'
		}
	]
};

export const views = {
	views: [
		{ at: '2026-07-06T01:02:03.000Z', organization: '124249', purpose: 'advance_payment' },
		{ at: '2026-12-11T05:40:12.000Z', organization: '124249', purpose: 'contract' }
	]
};

export const notice = { guaranteeNumber: NUMBER, authKey: KEY };

export const batchResults = {
	results: [
		{ index: 0, status: 201, body: registered },
		{
			index: 1,
			status: 422,
			problem: {
				type: '/problems/validation',
				title: 'Unprocessable Content',
				status: 422,
				detail: 'The body has invalid fields',
				errors: [{ path: '/kind', message: 'Invalid option' }]
			}
		}
	]
};

/**
 * A real compact JWS for each signed body, so an integrator can take one apart: signed with an
 * example Ed25519 key (kid `example`) derived from a fixed seed and registered nowhere, so the
 * portal answers 422 `signature` to it as it is.
 */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const exampleKey = createPrivateKey({
	key: Buffer.concat([PKCS8_ED25519, createHash('sha256').update('kensho example key').digest()]),
	format: 'der',
	type: 'pkcs8'
});
export function jws(payload: unknown) {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const input = `${part({ alg: 'EdDSA', kid: 'example' })}.${part(payload)}`;
	return `${input}.${sign(null, Buffer.from(input), exampleKey).toString('base64url')}`;
}
export const batch = {
	items: [certificate, { jws: jws({ ...certificate, guaranteeNumber: 'E12-2026-000125' }) }]
};

/** §4: a signed change names its target and the time it was signed (10 minutes of leeway). */
export const signedClaims = { guaranteeNumber: NUMBER, iat: 1796860800 };
