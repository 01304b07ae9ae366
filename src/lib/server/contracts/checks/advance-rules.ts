import { check, type CheckName, type ContractTerms, type Secured } from './base';
import type { AdvanceBase, BaseMismatch, LimitRule } from '../../../check-reasons';
import type { Rules } from '../rules';

/**
 * The advance's limit and base under the law and the organisation's 前金払規則: how many tenths
 * of what, paid in which units, up to which cap; and where the certificate's base differs.
 */

/** The advance limit in tenths of its base, and which rule sets it. */
export function advanceLimit(c: ContractTerms, rules: Rules): { tenths: number; rule: LimitRule } {
	// 地方自治法施行令 附則第7条・同施行規則 附則第3条: 工事 4/10; 設計・調査・測量 (業務委託)
	// 3/10, or less by the town's 前金払規則 (a setting).
	let limit: { tenths: number; rule: LimitRule } =
		c.category === 'service'
			? { tenths: rules.serviceAdvanceTenths, rule: 'service' }
			: { tenths: 4, rule: 'construction' };
	// The town's 前金払規則 may lower the advance of a 低入札価格調査を経た契約 (2/10, a setting).
	if (c.lowBid && rules.lowBidAdvanceTenths !== null && rules.lowBidAdvanceTenths < limit.tenths) {
		limit = { tenths: rules.lowBidAdvanceTenths, rule: 'low-bid' };
	}
	return limit;
}

/**
 * The base of an advance: the price, or for a multi-year contract (債務負担行為) that fiscal
 * year's 出来高予定額 (年度割額) — 約款「債務負担行為に係る契約の前金払の特則」. An advance of
 * another year than the file's current one is measured on the certificate's own 年度割額, since
 * the file keeps only its current year.
 */
export function advanceBase(s: Secured, c: ContractTerms): AdvanceBase {
	if (c.fiscalYear === null || c.fiscalYearAmount === null) {
		return { of: 'price', amount: c.contractAmount };
	}
	if (s.fiscalYear !== null && s.fiscalYear !== c.fiscalYear && s.fiscalYearAmount !== null) {
		const amount = s.fiscalYearAmount;
		return { of: 'year', amount, fiscalYear: s.fiscalYear, fromCertificate: true };
	}
	const amount = c.fiscalYearAmount;
	return { of: 'year', amount, fiscalYear: c.fiscalYear, fromCertificate: false };
}

/** 前金払規則 (settings): whole units, and the town's cap on the advance. Null when both are kept. */
export function unitAndCap(
	name: CheckName,
	what: 'advance' | 'intermediate',
	amount: number,
	rules: Rules,
	max: number,
	{ capped = true } = {}
) {
	const unit = rules.advanceRoundingUnit;
	if (amount % unit !== 0)
		return check(name, 'fail', 'fraction-of-unit', { what, amount, unit, max });
	if (capped && rules.advanceCap !== null && amount > rules.advanceCap) {
		return check(name, 'fail', 'over-cap', { what, amount, cap: rules.advanceCap });
	}
	return null;
}

/** What the certificate says differently from the file about the base (区分, 年度). */
export function baseMismatch(s: Secured, c: ContractTerms): BaseMismatch | null {
	if (s.category !== null && s.category !== c.category) {
		return { about: 'category', certificate: s.category, file: c.category };
	}
	if (s.fiscalYear !== null && c.fiscalYear !== null && s.fiscalYear > c.fiscalYear) {
		return { about: 'later-year', certificate: s.fiscalYear, file: c.fiscalYear };
	}
	if (s.fiscalYear === c.fiscalYear && s.fiscalYearAmount !== null && c.fiscalYearAmount !== null) {
		if (s.fiscalYearAmount !== c.fiscalYearAmount) {
			return { about: 'year-amount', certificate: s.fiscalYearAmount, file: c.fiscalYearAmount };
		}
	}
	return null;
}
