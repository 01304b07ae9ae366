import {
	check,
	fiscalYearLabel,
	yen,
	type CheckName,
	type ContractTerms,
	type Secured
} from './base';
import type { Rules } from '../rules';

/**
 * The advance's limit and base under the law and the organisation's 前金払規則: how many tenths
 * of what, paid in which units, up to which cap; and where the certificate's base differs.
 */
const unitLabel = (unit: number) => (unit === 100_000 ? '10万円' : '1万円');

/** The advance limit in tenths of its base, and which rule sets it. */
export function advanceLimit(c: ContractTerms, rules: Rules) {
	// 地方自治法施行令 附則第7条・同施行規則 附則第3条: 工事 4/10; 設計・調査・測量 (業務委託)
	// 3/10, or less by the town's 前金払規則 (a setting).
	let limit =
		c.category === 'service'
			? { tenths: rules.serviceAdvanceTenths, rule: '業務委託' }
			: { tenths: 4, rule: '工事' };
	// The town's 前金払規則 may lower the advance of a 低入札価格調査を経た契約 (2/10, a setting).
	if (c.lowBid && rules.lowBidAdvanceTenths !== null && rules.lowBidAdvanceTenths < limit.tenths) {
		limit = { tenths: rules.lowBidAdvanceTenths, rule: '低入札価格調査を経た契約' };
	}
	return limit;
}

/**
 * The base of an advance: the price, or for a multi-year contract (債務負担行為) that fiscal
 * year's 出来高予定額 (年度割額) — 約款「債務負担行為に係る契約の前金払の特則」. An advance of
 * another year than the file's current one is measured on the certificate's own 年度割額, since
 * the file keeps only its current year.
 */
export function advanceBase(s: Secured, c: ContractTerms) {
	if (c.fiscalYear === null || c.fiscalYearAmount === null) {
		return { amount: c.contractAmount, label: '請負代金額' };
	}
	if (s.fiscalYear !== null && s.fiscalYear !== c.fiscalYear && s.fiscalYearAmount !== null) {
		return {
			amount: s.fiscalYearAmount,
			label: `${fiscalYearLabel(s.fiscalYear)}の年度割額（証書）`
		};
	}
	return { amount: c.fiscalYearAmount, label: `${fiscalYearLabel(c.fiscalYear)}の年度割額` };
}

/** 前金払規則 (settings): whole units, and the town's cap on the advance. Null when both are kept. */
export function unitAndCap(
	name: CheckName,
	what: string,
	amount: number,
	rules: Rules,
	max: string,
	{ capped = true } = {}
) {
	const unit = rules.advanceRoundingUnit;
	if (amount % unit !== 0) {
		const u = unitLabel(unit);
		return check(
			name,
			'fail',
			`${what} ${yen(amount)} に${u}未満の端数があります（この団体の前金払規則: ${u}未満切り捨て、限度額 ${max}）`
		);
	}
	if (capped && rules.advanceCap !== null && amount > rules.advanceCap) {
		return check(
			name,
			'fail',
			`${what} ${yen(amount)} がこの団体の前払金の上限 ${yen(rules.advanceCap)} を超えています（前金払規則）`
		);
	}
	return null;
}

/** What the certificate says differently from the file about the base (区分, 年度). */
export function baseMismatch(s: Secured, c: ContractTerms): string | null {
	if (s.category !== null && s.category !== c.category) {
		const label = { construction: '工事', service: '業務委託' };
		return `証書の区分（${label[s.category]}）が案件の区分（${label[c.category]}）と異なります。限度額は案件の区分で計算しています`;
	}
	if (s.fiscalYear !== null && c.fiscalYear !== null && s.fiscalYear > c.fiscalYear) {
		return `証書は${fiscalYearLabel(s.fiscalYear)}分です。案件の年度（${fiscalYearLabel(c.fiscalYear)}）と年度割額を更新してください`;
	}
	if (s.fiscalYear === c.fiscalYear && s.fiscalYearAmount !== null && c.fiscalYearAmount !== null) {
		if (s.fiscalYearAmount !== c.fiscalYearAmount) {
			return `証書の年度割額 ${yen(s.fiscalYearAmount)} が案件の ${yen(c.fiscalYearAmount)} と異なります`;
		}
	}
	return null;
}
