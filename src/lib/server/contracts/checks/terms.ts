import type { RequiredEnd } from '../../../check-reasons';
import {
	check,
	earlierAmounts,
	earlierEnds,
	fiscalYearEnd,
	isAdvance,
	lastChangeOf,
	type AttachedGuarantee,
	type Check,
	type ContractTerms,
	type Secured
} from './base';

/**
 * The certificate's 請負代金額 and 工期 against the file's current ones, and its 保証期限 against
 * the end the guarantee must reach. A certificate issued before a 変更契約 is no alarm while the
 * guarantee still covers the changed contract (約款 第4条: the orderer *may* ask; 第35条: a change
 * that leaves the advance as it was needs no 変更保証証書); it warns, pointing at the check that
 * fails, when it does not. A value the file never had fails: one side needs correcting (a
 * 変更契約 to register, or a 変更保証証書 to ask the issuer for).
 */
export function contractAmount(g: AttachedGuarantee, c: ContractTerms, covered: boolean): Check {
	const certificate = g.contractAmount;
	if (certificate === c.contractAmount) {
		return check('contract-amount', 'pass', 'amount-same', { certificate });
	}
	if (earlierAmounts(c).includes(certificate)) {
		const change = {
			changedOn: lastChangeOf(c, 'contractAmount')!,
			contractAmount: c.contractAmount
		};
		return covered
			? check('contract-amount', 'pass', 'amount-before-change', { certificate, ...change })
			: check('contract-amount', 'warn', 'amount-change-missing', change);
	}
	return check('contract-amount', 'fail', 'amount-differs', {
		certificate,
		file: c.contractAmount
	});
}

export function worksPeriod(g: AttachedGuarantee, c: ContractTerms, covered: boolean): Check {
	if (g.worksStartOn !== c.startOn) {
		const differ = { certificate: g.worksStartOn, file: c.startOn };
		return check('works-period', 'fail', 'start-differs', differ);
	}
	if (g.worksEndOn === c.endOn) return check('works-period', 'pass', 'period-same');
	if (earlierEnds(c).includes(g.worksEndOn)) {
		const change = {
			certificate: g.worksEndOn,
			changedOn: lastChangeOf(c, 'endOn')!,
			endOn: c.endOn
		};
		return covered
			? check('works-period', 'pass', 'end-before-change', change)
			: check('works-period', 'warn', 'end-change-missing', change);
	}
	return check('works-period', 'fail', 'end-differs', { certificate: g.worksEndOn, file: c.endOn });
}

/**
 * The day the guarantee must reach: 工期末 (約款 第4条・第35条); for an advance of a multi-year
 * contract (債務負担行為) the earlier of 工期末 and the end of its fiscal year (3/31), since each
 * year's advance is guaranteed for that year (約款「債務負担行為に係る契約の前金払の特則」).
 */
export function requiredEnd(s: Secured, c: ContractTerms): RequiredEnd {
	const year = s.fiscalYear ?? c.fiscalYear;
	if (isAdvance(s.kind) && year !== null && c.fiscalYear !== null) {
		const yearEnd = fiscalYearEnd(year);
		if (yearEnd < c.endOn) return { on: yearEnd, fiscalYear: year };
	}
	return { on: c.endOn, fiscalYear: null };
}

export function period(s: Secured, c: ContractTerms): Check {
	const { guaranteeEndOn } = s;
	const required = requiredEnd(s, c);
	if (guaranteeEndOn >= required.on) {
		return check('period', 'pass', 'end-reached', { guaranteeEndOn, required });
	}
	// 工期延長 without a 保証期限変更 (約款 第35条: the contractor tells the issuer; the issuer's
	// 変更保証証書 extends the guarantee): say which certificate is needed.
	const before = earlierEnds(c).filter((old) => old < c.endOn && guaranteeEndOn >= old);
	if (before.length && required.on === c.endOn) {
		const changedOn = lastChangeOf(c, 'endOn')!;
		const extension = { changedOn, before: before.at(-1)!, endOn: c.endOn };
		return check('period', 'fail', 'extension-not-reflected', extension);
	}
	return check('period', 'fail', 'end-short', { guaranteeEndOn, required });
}
