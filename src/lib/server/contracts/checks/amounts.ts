import { atLeast, atMost, ceilPart, floorPart, floorTo } from './fractions';
import {
	check,
	earlierAmounts,
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
	const tenths = c.lowBid ? 3 : 1;
	const ratio = {
		guaranteeAmount: s.guaranteeAmount,
		contractAmount: c.contractAmount,
		tenths,
		lowBid: c.lowBid
	};
	if (atLeast(s.guaranteeAmount, c.contractAmount, tenths, 10)) {
		return check('contract-ratio', 'pass', 'contract-covered', ratio);
	}
	const needed = ceilPart(c.contractAmount, tenths, 10);
	const short = { ...ratio, needed, shortfall: needed - s.guaranteeAmount };
	// 約款 第4条: after a 増額 the orderer *may* ask for more (保証の額の増額を請求できる), so a
	// guarantee that covered the price before the 増額 is a warning, or a failure where the town's
	// 契約規則 requires the increase (the `increaseShortfall` setting).
	const coveredBefore = earlierAmounts(c).some(
		(price) => price < c.contractAmount && atLeast(s.guaranteeAmount, price, tenths, 10)
	);
	if (coveredBefore) {
		return check('contract-ratio', rules.increaseShortfall, 'contract-short-after-increase', short);
	}
	return check('contract-ratio', 'fail', 'contract-short', short);
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
	const keepTenths = c.category === 'service' ? 4 : paid.withIntermediate ? 6 : 5;
	const keep = floorPart(base.amount, keepTenths, 10);
	const facts = {
		paid: paid.total,
		withIntermediate: paid.withIntermediate,
		base,
		keepTenths,
		keep
	};
	if (atMost(paid.total, base.amount, keepTenths, 10)) {
		const { limitTenths } = paid;
		const limit = floorPart(base.amount, limitTenths, 10);
		return check(name, 'pass', 'decrease-within', { ...facts, limitTenths, limit });
	}
	return check(name, 'fail', 'decrease-refund', { ...facts, refund: paid.total - keep });
}

export function advanceRatio(s: Secured, c: ContractTerms, rules: Rules, paid: Paid): Check {
	const advance = s.advancePaymentAmount ?? 0;
	const base = advanceBase(s, c);
	const { tenths, rule } = advanceLimit(c, rules);
	const cap = rules.advanceCap ?? Number.MAX_SAFE_INTEGER;
	const max = Math.min(floorTo(floorPart(base.amount, tenths, 10), rules.advanceRoundingUnit), cap);
	const limit = { advance, base, tenths, rule, max };
	// 前払金保証: the guarantee covers exactly the advance (保証金額 = 前払金額).
	if (s.guaranteeAmount !== advance) {
		const { guaranteeAmount } = s;
		return check('advance-ratio', 'fail', 'advance-not-guaranteed', { guaranteeAmount, advance });
	}
	const refused = unitAndCap('advance-ratio', 'advance', advance, rules, max);
	if (refused) return refused;
	if (!atMost(advance, base.amount, tenths, 10)) {
		const total = advance + paid.intermediate;
		const withIntermediate = paid.intermediate > 0;
		const decreased = afterDecrease('advance-ratio', s, c, {
			total,
			withIntermediate,
			limitTenths: tenths
		});
		return decreased ?? check('advance-ratio', 'fail', 'advance-over', limit);
	}
	const mismatch = baseMismatch(s, c);
	if (mismatch)
		return check('advance-ratio', 'warn', 'advance-base-differs', { ...limit, mismatch });
	return check('advance-ratio', 'pass', 'advance-within', limit);
}

export function intermediateRatio(s: Secured, c: ContractTerms, rules: Rules, paid: Paid): Check {
	const name = 'intermediate-ratio';
	const intermediate = s.advancePaymentAmount ?? 0;
	// 地方自治法施行規則 附則第3条第3項: 中間前金払 is for 工事 only.
	if (c.category === 'service') return check(name, 'fail', 'intermediate-for-service');
	// 中間前金払 and 部分払 are a choice of one (the town's 中間前金払取扱要領; 約款 第34条・第38条).
	if (c.partialPayment) return check(name, 'fail', 'intermediate-with-partial-payment');
	if (s.guaranteeAmount !== intermediate) {
		const { guaranteeAmount } = s;
		return check(name, 'fail', 'intermediate-not-guaranteed', { guaranteeAmount, intermediate });
	}
	const base = advanceBase(s, c);
	const max = floorTo(floorPart(base.amount, 2, 10), rules.advanceRoundingUnit);
	// The cap is the town's limit on the 前払金; the 中間前払金 has its own 2/10.
	const refused = unitAndCap(name, 'intermediate', intermediate, rules, max, { capped: false });
	if (refused) return refused;
	const total = paid.advance + intermediate;
	// 地方自治法施行規則 附則第3条第3項: ≤ 2/10 of the base, and with the advance ≤ 6/10.
	if (!atMost(intermediate, base.amount, 2, 10) || !atMost(total, base.amount, 6, 10)) {
		const decreased = afterDecrease(name, s, c, { total, withIntermediate: true, limitTenths: 6 });
		if (decreased) return decreased;
		return !atMost(intermediate, base.amount, 2, 10)
			? check(name, 'fail', 'intermediate-over', { intermediate, base, max })
			: check(name, 'fail', 'intermediate-total-over', { total, base });
	}
	// The orderer's 認定 (規則 附則第3条第3項: 工期の2分の1経過・出来高2分の1以上) comes first.
	if (!c.intermediateCertifiedOn) {
		return check(name, 'warn', 'intermediate-not-certified', { intermediate, total });
	}
	return check(name, 'pass', 'intermediate-within', { intermediate, total });
}
