import type { Kind } from '../../../guarantee';
import type { Provision } from '../../../check-reasons';
import { nameDifferences } from './names';
import {
	check,
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
		? check('addressed-to-us', 'pass', 'addressed')
		: check('addressed-to-us', 'fail', 'not-addressed');
}

/**
 * A real difference blocks the attachment (attachments.ts) unless the clerk confirms it with a
 * note; once confirmed it stays a warning with that note, for whoever reads the file next.
 */
export function sameWorks(g: AttachedGuarantee, c: ContractTerms): Check {
	const differ = nameDifferences(g, c);
	if (differ.length === 0) return check('same-works', 'pass', 'same-works');
	const pair = (field: 'worksName' | 'contractorName') =>
		differ.includes(field) ? { certificate: g[field], file: c[field] } : null;
	return check('same-works', 'warn', 'works-differ', {
		worksName: pair('worksName'),
		contractorName: pair('contractorName'),
		note: g.mismatchNote || null
	});
}

/** 公共工事の前払金保証事業に関する法律: the advance kinds only from a 登録保証事業会社. */
export function issuerType(g: AttachedGuarantee): Check {
	const { issuerType } = g;
	if (isAdvance(g.kind) && issuerType !== 'surety') {
		return check('issuer-type', 'fail', 'advance-issuer', { issuerType });
	}
	// 約款 第4条: a 契約保証 may also be 履行保証保険, 公共工事履行保証証券 or a bank's guarantee.
	return check('issuer-type', 'pass', 'issuer', { issuerType });
}

/**
 * 有効 or not. A guarantee that ended with the works of a file marked 完了, or with its own
 * fiscal year of a multi-year contract, did its job: 保証期間満了 is then no alarm.
 */
export function status(g: AttachedGuarantee, c: ContractTerms): Check {
	const done = c.completedOn;
	if (g.status === 'cancelled') {
		if (done && g.cancelledOn && g.cancelledOn >= done) {
			return check('status', 'pass', 'cancelled-after-completion', { completedOn: done });
		}
		return check('status', 'fail', 'cancelled');
	}
	if (g.status === 'expired') {
		if (done && g.guaranteeEndOn >= done) {
			return check('status', 'pass', 'expired-after-completion', { completedOn: done });
		}
		const own = g.fiscalYear;
		if (isAdvance(g.kind) && own && c.fiscalYear && own < c.fiscalYear) {
			if (g.guaranteeEndOn >= requiredEnd(g, c).on) {
				return check('status', 'pass', 'expired-year-covered', { fiscalYear: own });
			}
		}
		const { guaranteeEndOn } = g;
		return check('status', 'fail', 'expired', { guaranteeEndOn, completed: done !== null });
	}
	if (!g.signed && g.issuerRequiresSignature) return check('status', 'warn', 'unsigned');
	return check('status', 'pass', 'valid', { signed: g.signed });
}

export function oneContract(g: AttachedGuarantee): Check {
	const contractNumbers = g.otherContractNumbers;
	return contractNumbers.length === 0
		? check('one-contract', 'pass', 'one-contract')
		: check('one-contract', 'fail', 'other-contracts', { contractNumbers });
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
export function submitted(needed: Kind[], provided: { kind: Kind; how: Provision }[]): Check {
	const missing = needed.filter((kind) => !provided.some((p) => p.kind === kind));
	if (missing.length) return check('submitted', 'warn', 'missing', { kinds: missing });
	const given = needed.map((kind) => ({
		kind,
		how: [...new Set(provided.filter((p) => p.kind === kind).map((p) => p.how))]
	}));
	return check('submitted', 'pass', 'all-submitted', { given });
}
