import { describe, expect, it } from 'vitest';
import * as checks from './checks';
import type { ContractTerms } from './base';
import {
	advance,
	changed,
	contract,
	guarantee,
	intermediate,
	nothingPaid,
	priced,
	rules
} from '../../testing/contract-terms';

/** Every boundary in integer yen, one yen either side (issue 14, "Done when"). */
const advanceResult = (amount: number, c = contract, r = rules(), paid = nothingPaid) =>
	checks.advanceRatio(advance(amount), c, r, paid).result;

describe('契約保証 ≥ 1/10 (3/10 for 低入札価格調査を経た契約)', () => {
	it('passes at exactly 1/10 and fails one yen below, naming 必要額 and 不足', () => {
		const at = (amount: number, c = contract) =>
			checks.contractRatio(guarantee({ guaranteeAmount: amount }), c, rules());
		expect(at(3_850_000)).toMatchObject({
			result: 'pass',
			reason: '保証金額 ¥3,850,000 は請負代金額 ¥38,500,000 の 1/10 以上です'
		});
		expect(at(3_849_999)).toMatchObject({
			result: 'fail',
			reason:
				'保証金額 ¥3,849,999 は請負代金額 ¥38,500,000 の 1/10 に足りません（必要額 ¥3,850,000 以上、不足 ¥1）'
		});
		// 1/10 of ¥38,500,001 is ¥3,850,000.1: the amount needed is rounded up, never down.
		const odd = priced(38_500_001);
		expect(at(3_850_000, odd).reason).toContain('必要額 ¥3,850,001 以上、不足 ¥1');
		expect(at(3_850_001, odd).result).toBe('pass');
		const low = priced(38_500_001, { lowBid: true });
		expect(at(11_550_000, low).result).toBe('fail');
		expect(at(11_550_001, low)).toMatchObject({
			result: 'pass',
			reason: expect.stringContaining('3/10（低入札価格調査を経た契約） 以上です')
		});
	});

	it('after a 増額 warns by default (the orderer may ask for more) and fails as a setting', () => {
		const raised = changed(contract, { changedOn: '2026-10-01', contractAmount: 42_350_000 });
		const short = guarantee({ guaranteeAmount: 3_850_000 });
		const warned = checks.contractRatio(short, raised, rules());
		expect(warned.result).toBe('warn');
		expect(warned.reason).toContain('増額後の必要額 ¥4,235,000 以上、不足 ¥385,000');
		expect(warned.reason).toContain('公共工事標準請負契約約款 第4条');
		expect(checks.contractRatio(short, raised, rules({ increaseShortfall: 'fail' })).result).toBe(
			'fail'
		);
		// Short even of the price before the 増額: a plain failure.
		const never = guarantee({ guaranteeAmount: 3_849_999 });
		expect(checks.contractRatio(never, raised, rules()).result).toBe('fail');
		expect(
			checks.contractRatio(guarantee({ guaranteeAmount: 4_235_000 }), raised, rules()).result
		).toBe('pass');
	});
});

describe('前払金: 工事 4/10, 業務委託 3/10, 低入札 2/10 where adopted', () => {
	it('工事: passes at exactly 4/10 and fails one yen above', () => {
		expect(advanceResult(15_400_000)).toBe('pass');
		expect(checks.advanceRatio(advance(15_400_001), contract, rules(), nothingPaid)).toMatchObject({
			result: 'fail',
			reason:
				'前払金額 ¥15,400,001 が請負代金額 ¥38,500,000 の 4/10（工事、限度額 ¥15,400,000）を超えています'
		});
		// 4/10 of ¥38,500,001 is ¥15,400,000.4.
		expect(advanceResult(15_400_000, priced(38_500_001))).toBe('pass');
		expect(advanceResult(15_400_001, priced(38_500_001))).toBe('fail');
	});

	it('業務委託: 3/10, one yen either side, and as the town sets it', () => {
		const service = priced(10_000_001, { category: 'service' });
		// 3/10 of ¥10,000,001 is ¥3,000,000.3.
		expect(advanceResult(3_000_000, service)).toBe('pass');
		expect(checks.advanceRatio(advance(3_000_001), service, rules(), nothingPaid).reason).toContain(
			'3/10（業務委託、限度額 ¥3,000,000）'
		);
		expect(advanceResult(2_000_000, service, rules({ serviceAdvanceTenths: 2 }))).toBe('pass');
		expect(advanceResult(2_000_001, service, rules({ serviceAdvanceTenths: 2 }))).toBe('fail');
		// The same 4/10 of 工事 would have passed: the category decides.
		expect(advanceResult(4_000_000, priced(10_000_001))).toBe('pass');
		expect(advanceResult(4_000_000, service)).toBe('fail');
	});

	it('低入札: 2/10 only where the town adopted it', () => {
		const low = priced(38_500_000, { lowBid: true });
		expect(advanceResult(15_400_000, low)).toBe('pass');
		const adopted = rules({ lowBidAdvanceTenths: 2 });
		expect(advanceResult(7_700_000, low, adopted)).toBe('pass');
		expect(checks.advanceRatio(advance(7_700_001), low, adopted, nothingPaid)).toMatchObject({
			result: 'fail',
			reason: expect.stringContaining('2/10（低入札価格調査を経た契約、限度額 ¥7,700,000）')
		});
	});

	it('rounding units: whole 1万円 or 10万円, with the limit rounded down', () => {
		const man = rules({ advanceRoundingUnit: 10_000 });
		expect(advanceResult(15_400_000, contract, man)).toBe('pass');
		expect(advanceResult(15_390_000, contract, man)).toBe('pass');
		const odd = checks.advanceRatio(advance(15_399_999), contract, man, nothingPaid);
		expect(odd.result).toBe('fail');
		expect(odd.reason).toContain('1万円未満の端数があります');
		// 4/10 of ¥38,550,000 is ¥15,420,000: in 10万円 units the limit is ¥15,400,000.
		const juman = rules({ advanceRoundingUnit: 100_000 });
		const price = priced(38_550_000);
		expect(advanceResult(15_400_000, price, juman)).toBe('pass');
		expect(advanceResult(15_410_000, price, juman)).toBe('fail');
		const over = checks.advanceRatio(advance(15_500_000), price, juman, nothingPaid);
		expect(over.reason).toContain('限度額 ¥15,400,000');
	});

	it('a cap of the town: at the cap passes, one yen above fails', () => {
		const capped = rules({ advanceCap: 10_000_000 });
		expect(advanceResult(10_000_000, contract, capped)).toBe('pass');
		expect(
			checks.advanceRatio(advance(10_000_001), contract, capped, nothingPaid).reason
		).toContain('上限 ¥10,000,000 を超えています');
	});

	it('fails when the guarantee does not cover the whole advance', () => {
		const short = advance(15_400_000, { guaranteeAmount: 15_000_000 });
		expect(checks.advanceRatio(short, contract, rules(), nothingPaid).reason).toContain(
			'一致しません'
		);
	});

	it("a multi-year file: the year's 年度割額 is the base, not the whole price", () => {
		const multi = priced(100_000_000, { fiscalYear: 2026, fiscalYearAmount: 30_000_000 });
		expect(advanceResult(12_000_000, multi)).toBe('pass');
		const over = checks.advanceRatio(advance(12_000_001), multi, rules(), nothingPaid);
		expect(over.result).toBe('fail');
		expect(over.reason).toContain('令和8年度の年度割額 ¥30,000,000 の 4/10');
		// An earlier year's advance is measured on that year's own 年度割額 (from its certificate).
		const lastYear = advance(16_000_000, { fiscalYear: 2025, fiscalYearAmount: 40_000_000 });
		const next = { ...multi, fiscalYear: 2026 };
		expect(checks.advanceRatio(lastYear, next, rules(), nothingPaid).result).toBe('pass');
		// A certificate of a later year than the file's: the file needs updating.
		const ahead = advance(12_000_000, { fiscalYear: 2027, fiscalYearAmount: 30_000_000 });
		expect(checks.advanceRatio(ahead, multi, rules(), nothingPaid).result).toBe('warn');
	});
});

describe('after a 減額: return only above 5/10 (6/10 with 中間前払金), 約款 第34条', () => {
	// ¥38,500,000 → ¥35,000,000; the advance was guaranteed before, on the old price.
	const reduced = changed(contract, { changedOn: '2026-11-01', contractAmount: 35_000_000 });
	const before = (amount: number) => advance(amount, { contractAmount: 38_500_000 });
	const at = (amount: number, c = reduced, paid = nothingPaid) =>
		checks.advanceRatio(before(amount), c, rules(), paid);

	it("the issue's case: ¥16,940,000 paid (48 %) passes with its note", () => {
		expect(at(16_940_000)).toEqual({
			name: 'advance-ratio',
			result: 'pass',
			reason:
				'受領済みの前払金額 ¥16,940,000 は減額後の請負代金額 ¥35,000,000 の 4/10（¥14,000,000） を超えますが、5/10（¥17,500,000）以内のため返還は不要です（公共工事標準請負契約約款 第34条）'
		});
	});

	it('5/10: at the line passes, one yen above fails with 返還額 ¥1', () => {
		expect(at(17_500_000).result).toBe('pass');
		expect(at(17_500_001)).toMatchObject({
			result: 'fail',
			reason: expect.stringContaining('返還額 ¥1（公共工事標準請負契約約款 第34条）')
		});
		// 5/10 of ¥35,000,001 is ¥17,500,000.5: ¥17,500,000 may stay, one yen more is returned.
		const odd = changed(contract, { changedOn: '2026-11-01', contractAmount: 35_000_001 });
		expect(at(17_500_000, odd).result).toBe('pass');
		expect(at(17_500_001, odd).reason).toContain('返還額 ¥1');
		expect(at(18_000_000).reason).toContain('返還額 ¥500,000');
	});

	it('6/10 with 中間前払金 paid, counted together, one yen either side', () => {
		const paid = (intermediate: number) => ({ advance: 0, intermediate });
		expect(at(14_000_001, reduced, paid(6_999_999)).result).toBe('pass');
		expect(at(14_000_001, reduced, paid(7_000_000))).toMatchObject({
			result: 'fail',
			reason: expect.stringContaining('合計 ¥21,000,001')
		});
		expect(at(14_000_001, reduced, paid(7_000_000)).reason).toContain('返還額 ¥1');
		// The intermediate guarantee says the same from its side.
		const mid = intermediate(7_700_000, { contractAmount: 38_500_000 });
		const side = (advancePaid: number) =>
			checks.intermediateRatio(
				mid,
				{ ...reduced, intermediateCertifiedOn: '2026-10-01' },
				rules(),
				{
					advance: advancePaid,
					intermediate: 0
				}
			);
		expect(side(13_300_000).result).toBe('pass');
		expect(side(13_300_001).reason).toContain('返還額 ¥1');
	});

	it('an advance set after the 減額 (its certificate states the new price) keeps 4/10', () => {
		const after = advance(16_940_000, { contractAmount: 35_000_000 });
		expect(checks.advanceRatio(after, reduced, rules(), nothingPaid).result).toBe('fail');
	});

	it('業務委託: the refund starts above 4/10 (土木設計業務等標準委託契約約款)', () => {
		const service = changed(priced(10_000_000, { category: 'service' }), {
			changedOn: '2026-11-01',
			contractAmount: 8_000_000
		});
		const paidBefore = (amount: number) =>
			checks.advanceRatio(
				advance(amount, { contractAmount: 10_000_000 }),
				service,
				rules(),
				nothingPaid
			);
		expect(paidBefore(3_000_000).result).toBe('pass');
		expect(paidBefore(3_200_000).result).toBe('pass');
		expect(paidBefore(3_200_001).reason).toContain('返還額 ¥1');
	});
});

describe('中間前払金: 工事 only, ≤ 2/10, with the advance ≤ 6/10, 認定日, not with 部分払', () => {
	const certified: ContractTerms = { ...contract, intermediateCertifiedOn: '2026-11-10' };
	const at = (amount: number, advancePaid = 0, c = certified) =>
		checks.intermediateRatio(intermediate(amount), c, rules(), {
			advance: advancePaid,
			intermediate: 0
		});

	it('2/10 and 6/10, one yen either side', () => {
		expect(at(7_700_000, 15_400_000).result).toBe('pass');
		expect(at(7_700_001).result).toBe('fail');
		expect(at(7_699_999, 15_400_001).result).toBe('pass');
		expect(at(7_700_000, 15_400_001)).toMatchObject({
			result: 'fail',
			reason: '前払金と中間前払金の合計 ¥23,100,001 が請負代金額 ¥38,500,000 の 6/10 を超えています'
		});
	});

	it('warns while the 認定日 is missing, and fails for 業務委託 or with 部分払', () => {
		expect(at(7_700_000, 0, contract)).toMatchObject({
			result: 'warn',
			reason: expect.stringContaining('認定日が案件に記録されていません')
		});
		expect(at(3_000_000, 0, { ...certified, category: 'service' }).reason).toContain('業務委託');
		expect(at(7_700_000, 0, { ...certified, partialPayment: true })).toMatchObject({
			result: 'fail',
			reason: expect.stringContaining('部分払')
		});
	});
});
