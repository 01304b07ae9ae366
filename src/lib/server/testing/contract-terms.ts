import type { AttachedGuarantee, ContractTerms, Paid } from '../contracts/checks/base';
import { DEFAULT_RULES, type Rules } from '../contracts/rules';

/** The contract of the checks' unit tests (¥38,500,000, 工期 2026-07-01 … 2027-02-26), and its helpers. */
export const contract: ContractTerms = {
	worksName: '令和8年度 町道1-23号線舗装修繕工事',
	contractorName: '株式会社白子建設',
	category: 'construction',
	lowBid: false,
	startOn: '2026-07-01',
	contractAmount: 38_500_000,
	endOn: '2027-02-26',
	history: [],
	original: { contractAmount: 38_500_000, endOn: '2027-02-26' },
	fiscalYear: null,
	fiscalYearAmount: null,
	intermediateCertifiedOn: null,
	partialPayment: false,
	completedOn: null
};

/** The contract after a 変更契約 on `changedOn`. */
export function changed(
	c: ContractTerms,
	change: { changedOn: string; contractAmount?: number; endOn?: string }
): ContractTerms {
	const entry = {
		changedOn: change.changedOn,
		contractAmount: change.contractAmount ?? null,
		endOn: change.endOn ?? null
	};
	return {
		...c,
		contractAmount: change.contractAmount ?? c.contractAmount,
		endOn: change.endOn ?? c.endOn,
		history: [...c.history, entry]
	};
}

/** A file that starts at `amount` (so its original is that price). */
export const priced = (amount: number, over: Partial<ContractTerms> = {}): ContractTerms => ({
	...contract,
	contractAmount: amount,
	original: { ...contract.original, contractAmount: amount },
	...over
});

export function guarantee(over: Partial<AttachedGuarantee> = {}): AttachedGuarantee {
	return {
		kind: 'contract',
		issuerType: 'surety',
		addressedToUs: true,
		status: 'valid',
		cancelledOn: null,
		signed: false,
		issuerRequiresSignature: false,
		worksName: contract.worksName,
		contractorName: contract.contractorName,
		mismatchNote: null,
		contractAmount: contract.contractAmount,
		worksStartOn: contract.startOn,
		worksEndOn: contract.endOn,
		category: null,
		fiscalYear: null,
		fiscalYearAmount: null,
		guaranteeAmount: 3_850_000,
		advancePaymentAmount: null,
		guaranteeEndOn: '2027-02-26',
		otherContractNumbers: [],
		...over
	};
}

/** An advance guarantee of `amount` (保証金額 = 前払金額 unless given). */
export const advance = (amount: number, over: Partial<AttachedGuarantee> = {}) =>
	guarantee({
		kind: 'advance_payment',
		advancePaymentAmount: amount,
		guaranteeAmount: amount,
		...over
	});

export const intermediate = (amount: number, over: Partial<AttachedGuarantee> = {}) =>
	guarantee({
		kind: 'intermediate_advance_payment',
		advancePaymentAmount: amount,
		guaranteeAmount: amount,
		...over
	});

export const rules = (over: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...over });
export const nothingPaid: Paid = { advance: 0, intermediate: 0 };
