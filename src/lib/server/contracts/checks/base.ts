import type { Kind } from '../../../guarantee';
import { fiscalYearLabel, formatDate, formatYen } from '../../../i18n/format';

export { fiscalYearLabel };

/**
 * What every check shares: its names, its shape, and the facts it is decided on (the contract
 * file's terms after its 変更契約, and what a security says). checks.ts assembles them.
 */
export const CHECK_NAMES = [
	'addressed-to-us',
	'same-works',
	'contract-amount',
	'works-period',
	'contract-ratio',
	'advance-ratio',
	'intermediate-ratio',
	'period',
	'issuer-type',
	'status',
	'one-contract',
	'submitted'
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
export type CheckResult = 'pass' | 'warn' | 'fail';
export interface Check {
	name: CheckName;
	result: CheckResult;
	reason: string;
}
export type Category = 'construction' | 'service';

/** The contract as it stands after its 変更契約, with what it was before each. */
export interface ContractTerms {
	worksName: string;
	contractorName: string;
	category: Category;
	/** 低入札価格調査を経た契約. */
	lowBid: boolean;
	startOn: string;
	contractAmount: number;
	endOn: string;
	/** Each 変更契約, oldest first: the price and 工期末 it set (null = unchanged). */
	history: { changedOn: string; contractAmount: number | null; endOn: string | null }[];
	/** The file's original price and 工期末, before any 変更契約. */
	original: { contractAmount: number; endOn: string };
	/** 債務負担行為: the fiscal year of the file's advance and its 年度割額. */
	fiscalYear: number | null;
	fiscalYearAmount: number | null;
	intermediateCertifiedOn: string | null;
	partialPayment: boolean;
	completedOn: string | null;
}

/** What is checked of any security, electronic or recorded another way. */
export interface Secured {
	kind: Kind;
	guaranteeAmount: number;
	/** 前払金額 (中間前払金額 for the intermediate kind); null for 契約保証. */
	advancePaymentAmount: number | null;
	guaranteeEndOn: string;
	/** The 請負代金額 the certificate states; null when not known (a paper record). */
	contractAmount: number | null;
	category: Category | null;
	fiscalYear: number | null;
	fiscalYearAmount: number | null;
}

export interface AttachedGuarantee extends Secured {
	issuerType: 'surety' | 'insurer' | 'bank';
	addressedToUs: boolean;
	status: 'valid' | 'cancelled' | 'expired';
	cancelledOn: string | null;
	signed: boolean;
	issuerRequiresSignature: boolean;
	worksName: string;
	contractorName: string;
	/** The clerk's note when the names differed and the clerk attached it anyway. */
	mismatchNote: string | null;
	contractAmount: number;
	worksStartOn: string;
	worksEndOn: string;
	/** Other contract files of this organisation the same guarantee is attached to. */
	otherContractNumbers: string[];
}

/** The advance and intermediate advance guaranteed for the file (attached or recorded). */
export interface Paid {
	advance: number;
	intermediate: number;
}

export const check = (name: CheckName, result: CheckResult, reason: string): Check => ({
	name,
	result,
	reason
});
export const day = (iso: string) => formatDate(iso, 'ja');
export const yen = formatYen;
export const isAdvance = (kind: Kind) => kind !== 'contract';

/** The last day of a fiscal year (地方自治法 第208条: 4月1日から翌年3月31日まで). */
export const fiscalYearEnd = (year: number) => `${year + 1}-03-31`;

/** The prices the file had before its current one: the original, then each 変更契約's. */
export function earlierAmounts(c: ContractTerms): number[] {
	const amounts = [c.original.contractAmount];
	for (const change of c.history)
		if (change.contractAmount !== null) amounts.push(change.contractAmount);
	return amounts.slice(0, -1);
}

/** The 工期末 the file had before its current one. */
export function earlierEnds(c: ContractTerms): string[] {
	const ends = [c.original.endOn];
	for (const change of c.history) if (change.endOn !== null) ends.push(change.endOn);
	return ends.slice(0, -1);
}

/** The date of the latest 変更契約 that changed `field`. */
export function lastChangeOf(c: ContractTerms, field: 'contractAmount' | 'endOn'): string | null {
	return c.history.findLast((change) => change[field] !== null)?.changedOn ?? null;
}
