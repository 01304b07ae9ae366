import { atLeast, atMost, ceilPart, floorPart, floorTo } from './fractions';
import {
	check,
	earlierAmounts,
	yen,
	type Check,
	type CheckName,
	type ContractTerms,
	type Paid,
	type Secured
} from './base';
import type { Rules } from '../rules';
import { advanceBase, advanceLimit, baseMismatch, unitAndCap } from './advance-rules';

/**
 * The amount checks: 契約保証 against the price, 前払金 and 中間前払金 against their base and the
 * organisation's rules, and what a 減額 or a 増額 changes. Integer yen throughout (fractions.ts).
 */

export function contractRatio(s: Secured, c: ContractTerms, rules: Rules): Check {
	// 公共工事標準請負契約約款 第4条 and the town's 契約規則: 1/10 of the price; 3/10 for a
	// 低入札価格調査を経た契約 (the town's 低入札価格調査制度の要領).
	const [num, label] = c.lowBid ? [3, '3/10（低入札価格調査を経た契約）'] : [1, '1/10'];
	const amounts = `保証金額 ${yen(s.guaranteeAmount)} は請負代金額 ${yen(c.contractAmount)} の ${label}`;
	if (atLeast(s.guaranteeAmount, c.contractAmount, num, 10)) {
		return check('contract-ratio', 'pass', `${amounts} 以上です`);
	}
	const needed = ceilPart(c.contractAmount, num, 10);
	const short = `必要額 ${yen(needed)} 以上、不足 ${yen(needed - s.guaranteeAmount)}`;
	// 約款 第4条: after a 増額 the orderer *may* ask for more (保証の額の増額を請求できる), so a
	// guarantee that covered the price before the 増額 is a warning, or a failure where the town's
	// 契約規則 requires the increase (the `increaseShortfall` setting).
	const coveredBefore = earlierAmounts(c).some(
		(price) => price < c.contractAmount && atLeast(s.guaranteeAmount, price, num, 10)
	);
	if (coveredBefore) {
		return check(
			'contract-ratio',
			rules.increaseShortfall,
			`${amounts} に足りません（増額後の${short}）。増額前の請負代金額には足りていました。発注者は保証の額の増額を請求できます（公共工事標準請負契約約款 第4条）`
		);
	}
	return check('contract-ratio', 'fail', `${amounts} に足りません（${short}）`);
}

/**
 * After a 減額, an advance paid before it is returned only where it exceeds 5/10 of the new
 * price, or 6/10 when 中間前払金 was paid (the two counted together) — 公共工事標準請負契約約款
 * 第34条. For 業務委託 the threshold is 4/10 (土木設計業務等標準委託契約約款 第34条). Applies
 * only to an advance guaranteed before the 減額 (its certificate states a price above today's).
 */
function afterDecrease(
	name: CheckName,
	s: Secured,
	c: ContractTerms,
	paid: { total: number; withIntermediate: boolean; limitTenths: number }
): Check | null {
	if (s.contractAmount === null || s.contractAmount <= c.contractAmount) return null;
	if (!earlierAmounts(c).some((price) => price > c.contractAmount)) return null;
	const base = advanceBase(s, c);
	const rate = c.category === 'service' ? 4 : paid.withIntermediate ? 6 : 5;
	const keep = floorPart(base.amount, rate, 10);
	const what = paid.withIntermediate
		? `受領済みの前払金と中間前払金の合計 ${yen(paid.total)}`
		: `受領済みの前払金額 ${yen(paid.total)}`;
	const of = `減額後の${base.label} ${yen(base.amount)}`;
	if (atMost(paid.total, base.amount, rate, 10)) {
		const limit = `${paid.limitTenths}/10（${yen(floorPart(base.amount, paid.limitTenths, 10))}）`;
		return check(
			name,
			'pass',
			`${what} は${of} の ${limit} を超えますが、${rate}/10（${yen(keep)}）以内のため返還は不要です（公共工事標準請負契約約款 第34条）`
		);
	}
	return check(
		name,
		'fail',
		`${what} が${of} の ${rate}/10（${yen(keep)}）を超えています。返還額 ${yen(paid.total - keep)}（公共工事標準請負契約約款 第34条）`
	);
}

export function advanceRatio(s: Secured, c: ContractTerms, rules: Rules, paid: Paid): Check {
	const advance = s.advancePaymentAmount ?? 0;
	const base = advanceBase(s, c);
	const { tenths, rule } = advanceLimit(c, rules);
	const cap = rules.advanceCap ?? Number.MAX_SAFE_INTEGER;
	const max = yen(
		Math.min(floorTo(floorPart(base.amount, tenths, 10), rules.advanceRoundingUnit), cap)
	);
	const of = `${base.label} ${yen(base.amount)} の ${tenths}/10（${rule}、限度額 ${max}）`;
	// 前払金保証: the guarantee covers exactly the advance (保証金額 = 前払金額).
	if (s.guaranteeAmount !== advance) {
		const amounts = `保証金額 ${yen(s.guaranteeAmount)} が前払金額 ${yen(advance)}`;
		return check('advance-ratio', 'fail', `${amounts} と一致しません`);
	}
	const refused = unitAndCap('advance-ratio', '前払金額', advance, rules, max);
	if (refused) return refused;
	if (!atMost(advance, base.amount, tenths, 10)) {
		const total = advance + paid.intermediate;
		const withIntermediate = paid.intermediate > 0;
		const decreased = afterDecrease('advance-ratio', s, c, {
			total,
			withIntermediate,
			limitTenths: tenths
		});
		return (
			decreased ?? check('advance-ratio', 'fail', `前払金額 ${yen(advance)} が${of}を超えています`)
		);
	}
	const within = `前払金額 ${yen(advance)} は${of}以内`;
	const mismatch = baseMismatch(s, c);
	if (mismatch) return check('advance-ratio', 'warn', `${within}ですが、${mismatch}`);
	return check('advance-ratio', 'pass', `${within}で、保証金額と一致します`);
}

export function intermediateRatio(s: Secured, c: ContractTerms, rules: Rules, paid: Paid): Check {
	const name = 'intermediate-ratio';
	const intermediate = s.advancePaymentAmount ?? 0;
	// 地方自治法施行規則 附則第3条第3項: 中間前金払 is for 工事 only.
	if (c.category === 'service') {
		return check(
			name,
			'fail',
			'業務委託には中間前払金はありません（地方自治法施行規則 附則第3条: 中間前金払は工事に限られます）'
		);
	}
	// 中間前金払 and 部分払 are a choice of one (the town's 中間前金払取扱要領; 約款 第34条・第38条).
	if (c.partialPayment) {
		return check(
			name,
			'fail',
			'この案件は部分払を選んでいます。中間前払金と部分払は併用できません（中間前金払取扱要領）'
		);
	}
	if (s.guaranteeAmount !== intermediate) {
		const amounts = `保証金額 ${yen(s.guaranteeAmount)} が中間前払金額 ${yen(intermediate)}`;
		return check(name, 'fail', `${amounts} と一致しません`);
	}
	const base = advanceBase(s, c);
	const max = yen(floorTo(floorPart(base.amount, 2, 10), rules.advanceRoundingUnit));
	// The cap is the town's limit on the 前払金; the 中間前払金 has its own 2/10.
	const refused = unitAndCap(name, '中間前払金額', intermediate, rules, max, { capped: false });
	if (refused) return refused;
	const total = paid.advance + intermediate;
	// 地方自治法施行規則 附則第3条第3項: ≤ 2/10 of the base, and with the advance ≤ 6/10.
	if (!atMost(intermediate, base.amount, 2, 10) || !atMost(total, base.amount, 6, 10)) {
		const decreased = afterDecrease(name, s, c, { total, withIntermediate: true, limitTenths: 6 });
		if (decreased) return decreased;
		const of = `${base.label} ${yen(base.amount)}`;
		return !atMost(intermediate, base.amount, 2, 10)
			? check(
					name,
					'fail',
					`中間前払金額 ${yen(intermediate)} が${of} の 2/10（限度額 ${max}）を超えています`
				)
			: check(
					name,
					'fail',
					`前払金と中間前払金の合計 ${yen(total)} が${of} の 6/10 を超えています`
				);
	}
	const within = `中間前払金額 ${yen(intermediate)} は 2/10 以内、前払金との合計 ${yen(total)} は 6/10 以内です`;
	// The orderer's 認定 (規則 附則第3条第3項: 工期の2分の1経過・出来高2分の1以上) comes first.
	if (!c.intermediateCertifiedOn) {
		return check(name, 'warn', `${within}。中間前払金の認定日が案件に記録されていません`);
	}
	return check(name, 'pass', within);
}
