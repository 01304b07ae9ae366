import { describe, expect, it } from 'vitest';
import * as issuers from './issuers';
import { document } from './openapi/document';
import { makeOrganization, testContext } from '../testing/fixtures';
import { POST as register } from '../../../routes/api/v1/certificates/+server';
import { POST as batch } from '../../../routes/api/v1/certificates/batch/+server';
import { GET as read } from '../../../routes/api/v1/certificates/[id]/+server';
import { POST as amend } from '../../../routes/api/v1/certificates/[id]/amendments/+server';

/**
 * API.md §4 through the real endpoints: the optional certificate fields go in and come back,
 * an insurer or a bank may register only 契約保証 (422 otherwise), amendments take `reasons`.
 */
async function issuerOf(type: 'surety' | 'insurer' | 'bank') {
	const issuer = await issuers.add({
		code: `cf${crypto.randomUUID().slice(0, 8)}`,
		name: `${type} テスト`,
		type
	});
	return (await issuers.createToken(issuer.id)).token;
}

function call(
	handler: (event: never) => Response | Promise<Response>,
	token: string,
	body?: unknown,
	params: Record<string, string> = {}
) {
	const request = new Request('http://test/api', {
		method: body === undefined ? 'GET' : 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return Promise.resolve(handler({ request, params, locals: { context: testContext } } as never));
}

const body = (orderer: string, over: Record<string, unknown> = {}) => ({
	kind: 'advance_payment',
	guaranteeNumber: `CF-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
	issuedOn: '2026-07-04',
	orderer: { code: orderer, name: '白子町長 山田 一郎' },
	contractor: {
		name: '白子・九十九里特定建設工事共同企業体',
		address: '千葉県長生郡白子町古所1234',
		representative: '代表者 株式会社白子建設 代表取締役 白子 太郎',
		members: [
			{ name: '株式会社白子建設', address: '千葉県長生郡白子町古所1234' },
			{ name: '株式会社九十九里建設' }
		]
	},
	works: {
		name: '令和8年度 町道1-23号線舗装修繕工事',
		location: '白子町古所地内',
		contractAmount: 100_000_000,
		startOn: '2026-07-01',
		endOn: '2028-02-28',
		category: 'construction',
		contractedOn: '2026-06-25',
		fiscalYear: 2026,
		fiscalYearAmount: 30_000_000
	},
	guarantee: {
		amount: 12_000_000,
		advancePaymentAmount: 12_000_000,
		startOn: '2026-07-04',
		endOn: '2027-03-31'
	},
	issuingOffice: { name: '千葉支店', phone: '０４３-２４１-６１０１' },
	...over
});

describe('the certificate fields of API.md §4', () => {
	it('go in, are kept, and come back as sent (the phone as NFKC)', async () => {
		const org = await makeOrganization();
		const token = await issuerOf('surety');
		const created = await call(register, token, body(org.code));
		expect(created.status).toBe(201);
		const { id } = await created.json();
		const got = await (await call(read, token, undefined, { id })).json();
		expect(got.versions[0]).toMatchObject({
			contractor: { members: [{ name: '株式会社白子建設' }, { name: '株式会社九十九里建設' }] },
			works: {
				category: 'construction',
				contractedOn: '2026-06-25',
				fiscalYear: 2026,
				fiscalYearAmount: 30_000_000
			},
			issuingOffice: { name: '千葉支店', phone: '043-241-6101' }
		});

		const changed = await call(
			amend,
			token,
			{
				amendedOn: '2026-12-10',
				reasons: ['保証期限変更', '増額'],
				changes: {
					guarantee: { amount: 12_500_000, advancePaymentAmount: 12_500_000, endOn: '2027-03-31' }
				}
			},
			{ id }
		);
		expect(changed.status).toBe(201);
		const after = await (await call(read, token, undefined, { id })).json();
		// Listed in API order; the fields not changed are carried over.
		expect(after.versions[1]).toMatchObject({
			amendmentReason: '増額・保証期限変更',
			works: { fiscalYear: 2026 },
			issuingOffice: { name: '千葉支店' }
		});
	});

	it('refuses what does not fit: the year pair apart, a year out of range, a bad phone, both reason forms', async () => {
		const org = await makeOrganization();
		const token = await issuerOf('surety');
		const paths = async (response: Response) =>
			((await response.json()).errors as { path: string }[]).map((e) => e.path);
		const works = body(org.code).works;
		const lonely = body(org.code, { works: { ...works, fiscalYearAmount: undefined } });
		const r1 = await call(register, token, lonely);
		expect(r1.status).toBe(422);
		expect(await paths(r1)).toEqual(['/works/fiscalYearAmount']);
		const over = body(org.code, { works: { ...works, fiscalYearAmount: 100_000_001 } });
		expect(await paths(await call(register, token, over))).toEqual(['/works/fiscalYearAmount']);
		const old = body(org.code, { works: { ...works, fiscalYear: 1899 } });
		expect(await paths(await call(register, token, old))).toEqual(['/works/fiscalYear']);
		const phone = body(org.code, { issuingOffice: { name: '千葉支店', phone: '043-241' } });
		expect(await paths(await call(register, token, phone))).toEqual(['/issuingOffice/phone']);
		const year0 = body(org.code, { works: { ...works, contractedOn: '0000-01-01' } });
		expect(await paths(await call(register, token, year0))).toEqual(['/works/contractedOn']);
		const category = body(org.code, { works: { ...works, category: 'goods' } });
		expect(await paths(await call(register, token, category))).toEqual(['/works/category']);

		const { id } = await (await call(register, token, body(org.code))).json();
		const both = {
			amendedOn: '2026-12-10',
			reason: '増額',
			reasons: ['増額'],
			changes: { guarantee: { endOn: '2027-03-31' } }
		};
		expect(await paths(await call(amend, token, both, { id }))).toEqual(['/reason']);
	});
});

describe('issuer type', () => {
	it('an insurer or a bank may register a 契約保証 but no advance kind (422 at ingest)', async () => {
		const org = await makeOrganization();
		for (const type of ['insurer', 'bank'] as const) {
			const token = await issuerOf(type);
			const refused = await call(register, token, body(org.code));
			expect(refused.status).toBe(422);
			expect((await refused.json()).errors).toEqual([
				{
					path: '/kind',
					message: expect.stringContaining(`type ${type} may register only contract`)
				}
			]);
			const contract = body(org.code, {
				kind: 'contract',
				guarantee: { amount: 10_000_000, startOn: '2026-07-01', endOn: '2028-02-28' }
			});
			expect((await call(register, token, contract)).status).toBe(201);
			const many = await call(batch, token, {
				items: [
					body(org.code, { kind: 'intermediate_advance_payment' }),
					{ ...contract, guaranteeNumber: 'CF-BATCH-0001' }
				]
			});
			const { results } = await many.json();
			expect(results.map((r: { status: number }) => r.status)).toEqual([422, 201]);
		}
	});
});

describe('the OpenAPI document', () => {
	it('carries the new fields with their descriptions', () => {
		const doc = document() as unknown as {
			components: {
				schemas: Record<
					string,
					{ properties: Record<string, { properties?: Record<string, { description?: string }> }> }
				>;
			};
		};
		const certificate = doc.components.schemas.Certificate;
		expect(certificate.properties.works.properties?.category.description).toContain('業務委託');
		expect(certificate.properties.works.properties?.fiscalYearAmount.description).toContain(
			'年度割額'
		);
		expect(certificate.properties.works.properties?.contractedOn.description).toContain(
			'契約締結日'
		);
		expect(certificate.properties.contractor.properties?.members.description).toContain(
			'共同企業体'
		);
		expect(certificate.properties.issuingOffice).toBeDefined();
		expect(JSON.stringify(doc.components.schemas.Amendment)).toContain('reasons');
	});
});
