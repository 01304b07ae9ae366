import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as contracts from '../../src/lib/server/contracts/files';
import { localContext } from '../../src/lib/server/identity/request-context';
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
	const pick = (g: typeof contract) => ({ guaranteeNumber: g.guaranteeNumber, authKey: g.authKey });
	// A file of 白子町's that the auditor tests read (and must not be able to change).
	const who = {
		organizationId: shirako.id,
		actor: { type: 'operator' as const, label: 'e2e-seed' },
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
	return { contract: pick(contract), advance: pick(advance), readOnlyFile: file.id };
}
