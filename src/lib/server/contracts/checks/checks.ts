import type { Kind } from '../../../guarantee';
import { ja as names } from '../../../i18n/guarantee';
import { nameDifferences } from './names';
import {
	check,
	day,
	isAdvance,
	type AttachedGuarantee,
	type Check,
	type CheckResult,
	type ContractTerms,
	type Paid,
	type Secured
} from './base';
import type { Rules } from '../rules';
import { advanceRatio, contractRatio, intermediateRatio } from './amounts';
import { contractAmount, period, requiredEnd, worksPeriod } from './terms';

/**
 * The checks a clerk relies on (DESIGN.md), as pure functions of the contract file, the
 * organisation's rules and the latest certificate of each attached guarantee. Amounts are integer
 * yen and ratios are decided by cross-multiplying (fractions.ts), never by floating point.
 * Each rule names its source beside it. The amount checks are in amounts.ts (the advance's
 * limit and base in advance-rules.ts), the dates and the file's terms in terms.ts.
 */
export * from './base';
export { advanceRatio, contractRatio, intermediateRatio } from './amounts';
export { advanceBase, advanceLimit } from './advance-rules';
export { contractAmount, period, requiredEnd, worksPeriod } from './terms';

export function addressedToUs(g: AttachedGuarantee): Check {
	return g.addressedToUs
		? check('addressed-to-us', 'pass', '被保証者（発注者）はこの団体です')
		: check('addressed-to-us', 'fail', '被保証者（発注者）がこの団体ではありません');
}

/**
 * A real difference blocks the attachment (attachments.ts) unless the clerk confirms it with a
 * note; once confirmed it stays a warning with that note, for whoever reads the file next.
 */
export function sameWorks(g: AttachedGuarantee, c: ContractTerms): Check {
	const differ = nameDifferences(g, c);
	if (differ.length === 0) return check('same-works', 'pass', '工事名と受注者が案件と一致します');
	const parts = differ.map((field) =>
		field === 'worksName'
			? `工事名「${g.worksName}」が案件の「${c.worksName}」と異なります`
			: `受注者「${g.contractorName}」が案件の「${c.contractorName}」と異なります`
	);
	if (g.mismatchNote) parts.push(`確認のうえ添付されました（備考: ${g.mismatchNote}）`);
	return check('same-works', 'warn', parts.join('。'));
}

/** 公共工事の前払金保証事業に関する法律: the advance kinds only from a 登録保証事業会社. */
export function issuerType(g: AttachedGuarantee): Check {
	const who = { surety: '保証事業会社', insurer: '損害保険会社', bank: '金融機関' }[g.issuerType];
	if (isAdvance(g.kind) && g.issuerType !== 'surety') {
		return check(
			'issuer-type',
			'fail',
			`前払金の保証は登録保証事業会社に限られます（公共工事の前払金保証事業に関する法律）。この証書の発行者は${who}です`
		);
	}
	// 約款 第4条: a 契約保証 may also be 履行保証保険, 公共工事履行保証証券 or a bank's guarantee.
	return check('issuer-type', 'pass', `発行者は${who}です`);
}

/**
 * 有効 or not. A guarantee that ended with the works of a file marked 完了, or with its own
 * fiscal year of a multi-year contract, did its job: 保証期間満了 is then no alarm.
 */
export function status(g: AttachedGuarantee, c: ContractTerms): Check {
	const done = c.completedOn;
	if (g.status === 'cancelled') {
		if (done && g.cancelledOn && g.cancelledOn >= done) {
			return check('status', 'pass', `工事完了（${day(done)}）の後に解約されました`);
		}
		return check('status', 'fail', '保証契約は解約されています');
	}
	if (g.status === 'expired') {
		if (done && g.guaranteeEndOn >= done) {
			return check(
				'status',
				'pass',
				`保証期間満了（工事完了 ${day(done)} まで保証されていました）`
			);
		}
		const own = g.fiscalYear;
		if (isAdvance(g.kind) && own && c.fiscalYear && own < c.fiscalYear) {
			if (g.guaranteeEndOn >= requiredEnd(g, c).on) {
				return check('status', 'pass', `保証期間満了（${own}年度分を年度末まで保証していました）`);
			}
		}
		const hint = done ? '' : '。工事が完了していれば、案件に完了を記録してください';
		return check(
			'status',
			'fail',
			`保証期間満了: 保証期限 ${day(g.guaranteeEndOn)} を過ぎています${hint}`
		);
	}
	if (!g.signed && g.issuerRequiresSignature) {
		return check('status', 'warn', '有効ですが、署名が必要な発行者の証書に署名がありません');
	}
	return check('status', 'pass', g.signed ? '有効（発行者の電子署名を確認済み）' : '有効');
}

export function oneContract(g: AttachedGuarantee): Check {
	return g.otherContractNumbers.length === 0
		? check('one-contract', 'pass', 'この保証はほかの案件に添付されていません')
		: check(
				'one-contract',
				'fail',
				`同じ保証がほかの案件（${g.otherContractNumbers.join('、')}）にも添付されています`
			);
}

/** The amount check of a security's kind. */
export function ratio(s: Secured, c: ContractTerms, rules: Rules, paid: Paid): Check {
	if (s.kind === 'contract') return contractRatio(s, c, rules);
	if (s.kind === 'advance_payment') return advanceRatio(s, c, rules, paid);
	return intermediateRatio(s, c, rules, paid);
}

/** Every check of one attached guarantee, in the order the clerk reads them. */
export function checkGuarantee(
	g: AttachedGuarantee,
	c: ContractTerms,
	rules: Rules,
	paid: Paid
): Check[] {
	const amount = ratio(g, c, rules, paid);
	const end = period(g, c);
	return [
		addressedToUs(g),
		sameWorks(g, c),
		contractAmount(g, c, amount.result !== 'fail' && amount.result !== 'warn'),
		worksPeriod(g, c, end.result === 'pass'),
		amount,
		end,
		issuerType(g),
		status(g, c),
		oneContract(g)
	];
}

export function worst(checks: Check[]): CheckResult {
	if (checks.some((c) => c.result === 'fail')) return 'fail';
	if (checks.some((c) => c.result === 'warn')) return 'warn';
	return 'pass';
}

/**
 * Every guarantee the file needs — the 契約保証 always (約款 第4条; 免除 is recorded as such), the
 * 前払金保証 and 中間前払金保証 when the file plans them — is attached or recorded as provided
 * another way (paper, 証券, 保険, a bank, 契約保証金, 免除): no false 「未提出」.
 */
export function submitted(needed: Kind[], provided: { kind: Kind; how: string }[]): Check {
	const missing = needed.filter((kind) => !provided.some((p) => p.kind === kind));
	if (missing.length) {
		return check('submitted', 'warn', `未提出: ${missing.map((k) => names.kinds[k]).join('、')}`);
	}
	const given = needed.map(
		(kind) =>
			`${names.kinds[kind]}（${[...new Set(provided.filter((p) => p.kind === kind).map((p) => p.how))].join('・')}）`
	);
	return check('submitted', 'pass', `必要な保証はすべて提出されています: ${given.join('、')}`);
}
