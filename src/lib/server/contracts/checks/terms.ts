import {
	check,
	day,
	earlierAmounts,
	earlierEnds,
	fiscalYearEnd,
	fiscalYearLabel,
	isAdvance,
	lastChangeOf,
	yen,
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
 * fails, when it does not. A value the file never had fails: one side needs correcting.
 */
const WHICH_SIDE =
	'変更契約が未登録なら案件に登録し、証書の誤りなら保証事業会社に変更保証証書を求めてください';

export function contractAmount(g: AttachedGuarantee, c: ContractTerms, covered: boolean): Check {
	const stated = `証書の請負代金額 ${yen(g.contractAmount)}`;
	if (g.contractAmount === c.contractAmount) {
		return check('contract-amount', 'pass', `${stated} は案件の請負代金額と一致します`);
	}
	if (earlierAmounts(c).includes(g.contractAmount)) {
		const on = `変更契約（${day(lastChangeOf(c, 'contractAmount')!)}）`;
		const now = `変更後の請負代金額 ${yen(c.contractAmount)}`;
		return covered
			? check(
					'contract-amount',
					'pass',
					`${stated} は${on}前のものです。保証の額は${now}に対しても足りているため、変更保証証書は不要です`
				)
			: check(
					'contract-amount',
					'warn',
					`${on}の${now}が証書に反映されていません。金額の点検結果のとおり、変更保証証書が必要です`
				);
	}
	return check(
		'contract-amount',
		'fail',
		`${stated} が案件の請負代金額 ${yen(c.contractAmount)} と異なります。${WHICH_SIDE}`
	);
}

export function worksPeriod(g: AttachedGuarantee, c: ContractTerms, covered: boolean): Check {
	if (g.worksStartOn !== c.startOn) {
		return check(
			'works-period',
			'fail',
			`証書の工期（自）${day(g.worksStartOn)} が案件の ${day(c.startOn)} と異なります。${WHICH_SIDE}`
		);
	}
	if (g.worksEndOn === c.endOn) {
		return check('works-period', 'pass', '証書の工期（自）（至）は案件と一致します');
	}
	if (earlierEnds(c).includes(g.worksEndOn)) {
		const change = `変更契約（${day(lastChangeOf(c, 'endOn')!)}）後の工期（至）${day(c.endOn)}`;
		return covered
			? check(
					'works-period',
					'pass',
					`証書の工期（至）${day(g.worksEndOn)} は変更前のものです。保証期限は${change}にも届いています`
				)
			: check(
					'works-period',
					'warn',
					`${change}が証書（${day(g.worksEndOn)}）に反映されていません。保証期限の点検結果のとおり、変更保証証書が必要です`
				);
	}
	return check(
		'works-period',
		'fail',
		`証書の工期（至）${day(g.worksEndOn)} が案件の ${day(c.endOn)} と異なります。${WHICH_SIDE}`
	);
}

/**
 * The day the guarantee must reach: 工期末 (約款 第4条・第35条); for an advance of a multi-year
 * contract (債務負担行為) the earlier of 工期末 and the end of its fiscal year (3/31), since each
 * year's advance is guaranteed for that year (約款「債務負担行為に係る契約の前金払の特則」).
 */
export function requiredEnd(s: Secured, c: ContractTerms) {
	const year = s.fiscalYear ?? c.fiscalYear;
	if (isAdvance(s.kind) && year !== null && c.fiscalYear !== null) {
		const yearEnd = fiscalYearEnd(year);
		if (yearEnd < c.endOn)
			return { on: yearEnd, label: `${fiscalYearLabel(year)}末 ${day(yearEnd)}` };
	}
	return { on: c.endOn, label: `工期末 ${day(c.endOn)}` };
}

export function period(s: Secured, c: ContractTerms): Check {
	const end = `保証期限 ${day(s.guaranteeEndOn)}`;
	const required = requiredEnd(s, c);
	if (s.guaranteeEndOn >= required.on) {
		return check('period', 'pass', `${end} は${required.label} 以降です`);
	}
	// 工期延長 without a 保証期限変更 (約款 第35条: the contractor tells the issuer; the issuer's
	// 変更保証証書 extends the guarantee): say which certificate is needed.
	const before = earlierEnds(c).filter((old) => old < c.endOn && s.guaranteeEndOn >= old);
	if (before.length && required.on === c.endOn) {
		const on = day(lastChangeOf(c, 'endOn')!);
		return check(
			'period',
			'fail',
			`工期延長（変更契約 ${on}: 工期末 ${day(before.at(-1)!)} → ${day(c.endOn)}）に合わせた保証期限変更がありません。保証期限を ${day(c.endOn)} 以降とする変更保証証書（保証期限変更）が必要です`
		);
	}
	return check(
		'period',
		'fail',
		`${end} が${required.label} より前です（保証期限を延ばす変更保証証書が必要です）`
	);
}
