import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as contracts from '../../src/lib/server/contracts/files';
import { localContext } from '../../src/lib/server/identity/request-context';
import type { TenantCaller } from '../../src/lib/server/identity/caller';
import { makeGuarantee } from '../../src/lib/server/testing/fixtures';

/**
 * The contract-file flow's guarantees for 白子町: the contract guarantee (1/10 of ¥38,500,000)
 * and the advance guarantee (4/10) of the same works, as a contractor would bring them.
 */
export async function seedContractGuarantees() {
	const shirako = (await organizations.findByCode('124249'))!;
	const issuer = (await issuers.findByCode('ejcs'))!;
	const common = { organizationId: shirako.id, issuerId: issuer.id };
	const works = { worksName: '令和8年度 排水路改良工事', contractorName: '株式会社九十九里建設' };
	const contract = await makeGuarantee({
		...common,
		kind: 'contract',
		guaranteeNumber: 'K-CF-2026-0001',
		original: { ...works, guaranteeAmount: 3_850_000, advancePaymentAmount: null }
	});
	const advance = await makeGuarantee({
		...common,
		kind: 'advance_payment',
		guaranteeNumber: 'K-CF-2026-0002',
		original: { ...works, guaranteeAmount: 15_400_000, advancePaymentAmount: 15_400_000 }
	});
	// Issue 14: a guarantee of other works and another contractor (refused, then confirmed with a
	// note, then detached), and an advance of 4/10 of ¥42,350,000 paid before a 減額.
	const otherWorks = await makeGuarantee({
		...common,
		kind: 'contract',
		guaranteeNumber: 'K-CF-2026-0003',
		original: {
			worksName: '令和8年度 公民館改修工事',
			contractorName: '長生工業株式会社',
			guaranteeAmount: 3_850_000,
			advancePaymentAmount: null
		}
	});
	const beforeDecrease = await makeGuarantee({
		...common,
		kind: 'advance_payment',
		guaranteeNumber: 'K-CF-2026-0004',
		original: {
			worksName: '令和8年度 防災倉庫整備工事',
			contractorName: '株式会社白子建設',
			contractAmount: 42_350_000,
			guaranteeAmount: 16_940_000,
			advancePaymentAmount: 16_940_000,
			issuingOfficeName: '千葉支店',
			issuingOfficePhone: '043-241-6101',
			worksCategory: 'construction',
			contractedOn: '2026-06-25'
		}
	});
	const pick = (g: typeof contract) => ({ guaranteeNumber: g.guaranteeNumber, authKey: g.authKey });
	// A file of 白子町's that the auditor tests read (and must not be able to change).
	const who: TenantCaller = {
		kind: 'operator',
		label: 'e2e-seed',
		organizationId: shirako.id,
		context: localContext('e2e-seed')
	};
	const file = await contracts.create(
		who,
		contracts.contractInput.parse({
			contractNumber: 'R8-監査-0001',
			worksName: '令和8年度 町民会館改修工事',
			contractorName: '株式会社白子建設',
			contractAmount: '22000000',
			startOn: '2026-07-01',
			endOn: '2027-03-19',
			lowBid: false
		}),
		null
	);
	return {
		contract: pick(contract),
		advance: pick(advance),
		otherWorks: pick(otherWorks),
		beforeDecrease: { ...pick(beforeDecrease), id: beforeDecrease.id },
		readOnlyFile: file.id
	};
}

/**
 * 睦沢町, an organisation of its own for the rules test: its admin changes a rule that every file
 * of the organisation follows at once, so no other test may share it. A low-bid advance of 4/10.
 */
export async function seedRulesOrganization() {
	const mutsuzawa = await organizations.add({ code: '124222', name: '睦沢町' });
	const issuer = (await issuers.findByCode('ejcs'))!;
	const lowBidAdvance = await makeGuarantee({
		organizationId: mutsuzawa.id,
		issuerId: issuer.id,
		kind: 'advance_payment',
		guaranteeNumber: 'K-MZ-2026-0001',
		original: {
			ordererName: '睦沢町長',
			worksName: '令和8年度 町道舗装工事',
			contractorName: '株式会社睦沢建設',
			guaranteeAmount: 15_400_000,
			advancePaymentAmount: 15_400_000
		}
	});
	return {
		organization: { id: mutsuzawa.id, code: mutsuzawa.code },
		lowBidAdvance: {
			guaranteeNumber: lowBidAdvance.guaranteeNumber,
			authKey: lowBidAdvance.authKey
		}
	};
}
