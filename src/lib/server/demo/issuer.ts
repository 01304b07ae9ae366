import * as guarantees from '../issuing/guarantees';
import * as issuers from '../issuing/issuers';
import type { RequestContext } from '../identity/request-context';
import type { IssuerCaller } from '../identity/caller';

/**
 * The demo issuer and its guarantees for 白子町, registered through the real module. Keys are
 * known only when made: on a later run the existing guarantees get a fresh key, so the keys
 * printed are always the ones that work (and nothing secret is stored to remember them).
 */
const WORKS = {
	name: '令和8年度 町道1-23号線舗装修繕工事',
	location: '白子町古所地内',
	contractAmount: 38_500_000,
	startOn: '2026-07-01',
	endOn: '2027-02-26'
};
const common = {
	orderer: { code: '124249', name: '白子町長 山田 一郎' },
	contractor: {
		name: '株式会社白子建設',
		address: '千葉県長生郡白子町古所1234',
		representative: '代表取締役 白子 太郎'
	},
	works: WORKS
};

export const DEMO_GUARANTEES: guarantees.CertificateInput[] = [
	{
		kind: 'contract',
		guaranteeNumber: 'E12-2026-000122',
		issuedOn: '2026-06-30',
		...common,
		guarantee: { amount: 3_850_000, startOn: '2026-07-01', endOn: '2027-02-26' }
	},
	{
		kind: 'advance_payment',
		guaranteeNumber: 'E12-2026-000123',
		issuedOn: '2026-07-04',
		...common,
		guarantee: {
			amount: 15_400_000,
			advancePaymentAmount: 15_400_000,
			startOn: '2026-07-04',
			endOn: '2027-02-26'
		}
	}
];

/** The change certificate (増額) on the advance-payment guarantee. */
const AMENDMENT: guarantees.AmendmentInput = {
	amendedOn: '2026-12-10',
	reason: '増額',
	changes: {
		works: { contractAmount: 42_350_000 },
		guarantee: { amount: 16_940_000, advancePaymentAmount: 16_940_000 }
	}
};

export interface DemoKey {
	guaranteeNumber: string;
	authKey: string;
	kind: string;
	id: string;
	issuerId: string;
	issuerName: string;
}

export async function loadDemoIssuer(context: RequestContext): Promise<DemoKey[]> {
	const issuer =
		(await issuers.findByCode('ejcs')) ??
		(await issuers.add({ code: 'ejcs', name: '東日本建設業保証株式会社' }));
	const caller: IssuerCaller = { kind: 'issuer', issuer, tokenPrefix: 'demo', context };
	const keys: DemoKey[] = [];
	for (const input of DEMO_GUARANTEES) {
		const existing = await guarantees.findIdByNumber(issuer.id, input.guaranteeNumber);
		const raw = { text: JSON.stringify(input), contentType: 'application/json', kid: null };
		let id: string;
		let authKey: string;
		if (existing) {
			id = existing;
			authKey = (await guarantees.reissueKey(caller, id)).authKey;
		} else {
			const created = await guarantees.register(caller, input, raw);
			({ id, authKey } = created);
			if (input.kind === 'advance_payment') {
				const change = { raw: { ...raw, text: JSON.stringify(AMENDMENT) }, binding: {} };
				await guarantees.amend(caller, id, AMENDMENT, change);
			}
		}
		keys.push({
			guaranteeNumber: input.guaranteeNumber,
			authKey,
			kind: input.kind,
			id,
			issuerId: issuer.id,
			issuerName: issuer.name
		});
	}
	return keys;
}
