import { describe, expect, it } from 'vitest';
import * as checks from './checks';

const contract: checks.ContractTerms = {
	worksName: '令和8年度 町道1-23号線舗装修繕工事',
	contractorName: '株式会社白子建設',
	contractAmount: 38_500_000,
	endOn: '2027-02-26',
	lowBid: false
};

const guarantee = (over: Partial<checks.AttachedGuarantee> = {}): checks.AttachedGuarantee => ({
	kind: 'contract',
	addressedToUs: true,
	status: 'valid',
	signed: false,
	issuerRequiresSignature: false,
	worksName: contract.worksName,
	contractorName: contract.contractorName,
	guaranteeAmount: 3_850_000,
	advancePaymentAmount: null,
	guaranteeEndOn: '2027-02-26',
	otherContractNumbers: [],
	...over
});

describe('契約保証 ≥ 1/10 (3/10 when low-bid), in integer yen', () => {
	it('passes at exactly 1/10 and fails one yen below', () => {
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_850_000 }), contract)).toMatchObject(
			{
				result: 'pass',
				reason: '保証金額 ¥3,850,000 は請負代金額 ¥38,500,000 の 1/10 以上です'
			}
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_849_999 }), contract)).toMatchObject(
			{
				result: 'fail',
				reason:
					'保証金額 ¥3,849,999 は請負代金額 ¥38,500,000 の 1/10 に足りません（必要額 ¥3,850,000 以上、不足 ¥1）'
			}
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_850_001 }), contract).result).toBe(
			'pass'
		);
	});

	it('says what the guarantee needs after a 変更契約 raised the price', () => {
		const raised = { ...contract, contractAmount: 42_350_000 };
		expect(checks.contractRatio(guarantee(), raised).reason).toContain(
			'（必要額 ¥4,235,000 以上、不足 ¥385,000）'
		);
	});

	it('does not round 1/10 of ¥38,500,001 down to ¥3,850,000', () => {
		const odd = { ...contract, contractAmount: 38_500_001 };
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_850_000 }), odd).result).toBe(
			'fail'
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_850_001 }), odd).result).toBe(
			'pass'
		);
		// The amount needed is rounded up to the next whole yen, never down.
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_850_000 }), odd).reason).toContain(
			'必要額 ¥3,850,001 以上、不足 ¥1'
		);
	});

	it('needs 3/10 for a low-bid contract', () => {
		const low = { ...contract, lowBid: true };
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_550_000 }), low).result).toBe(
			'pass'
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_549_999 }), low).result).toBe(
			'fail'
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_550_001 }), low).result).toBe(
			'pass'
		);
		// ¥38,500,001 × 3/10 = ¥11,550,000.3: ¥11,550,000 is not enough.
		const oddLow = { ...low, contractAmount: 38_500_001 };
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_550_000 }), oddLow).result).toBe(
			'fail'
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_550_001 }), oddLow).result).toBe(
			'pass'
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_850_000 }), low).reason).toContain(
			'3/10（低入札）'
		);
	});

	it('stays exact near the 10^13 yen limit', () => {
		const huge = { ...contract, contractAmount: 9_999_999_999_999 };
		expect(
			checks.contractRatio(guarantee({ guaranteeAmount: 1_000_000_000_000 }), huge).result
		).toBe('pass');
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 999_999_999_999 }), huge).result).toBe(
			'fail'
		);
	});
});

describe('前払金 ≤ 4/10 and 保証金額 = 前払金額', () => {
	const advance = (amount: number, guaranteeAmount = amount) =>
		guarantee({ kind: 'advance_payment', advancePaymentAmount: amount, guaranteeAmount });

	it('passes at exactly 4/10 and fails one yen above', () => {
		expect(checks.advanceRatio(advance(15_399_999), contract).result).toBe('pass');
		expect(checks.advanceRatio(advance(15_400_000), contract).result).toBe('pass');
		expect(checks.advanceRatio(advance(15_400_001), contract)).toMatchObject({
			result: 'fail',
			reason: '前払金額 ¥15,400,001 が請負代金額 ¥38,500,000 の 4/10 を超えています'
		});
		// 4/10 of ¥38,500,001 is ¥15,400,000.4: ¥15,400,000 fits, ¥15,400,001 does not.
		const odd = { ...contract, contractAmount: 38_500_001 };
		expect(checks.advanceRatio(advance(15_400_000), odd).result).toBe('pass');
		expect(checks.advanceRatio(advance(15_400_001), odd).result).toBe('fail');
	});

	it('fails when the guarantee does not cover the whole advance', () => {
		const check = checks.advanceRatio(advance(15_400_000, 15_000_000), contract);
		expect(check.result).toBe('fail');
		expect(check.reason).toContain('一致しません');
	});
});

describe('中間前払金 ≤ 2/10, and 前払金 + 中間前払金 ≤ 6/10', () => {
	const intermediate = (amount: number) =>
		guarantee({
			kind: 'intermediate_advance_payment',
			advancePaymentAmount: amount,
			guaranteeAmount: amount
		});

	it('passes at exactly 2/10 and fails one yen above', () => {
		expect(checks.intermediateRatio(intermediate(7_700_000), contract, 15_400_000).result).toBe(
			'pass'
		);
		expect(checks.intermediateRatio(intermediate(7_700_001), contract, 0).result).toBe('fail');
		expect(checks.intermediateRatio(intermediate(7_699_999), contract, 0).result).toBe('pass');
	});

	it('passes at exactly 6/10 together and fails one yen above', () => {
		expect(checks.intermediateRatio(intermediate(7_700_000), contract, 15_400_000).result).toBe(
			'pass'
		);
		expect(checks.intermediateRatio(intermediate(7_699_999), contract, 15_400_001).result).toBe(
			'pass'
		);
		const over = checks.intermediateRatio(intermediate(7_700_000), contract, 15_400_001);
		expect(over.result).toBe('fail');
		expect(over.reason).toBe(
			'前払金と中間前払金の合計 ¥23,100,001 が請負代金額 ¥38,500,000 の 6/10 を超えています'
		);
	});

	it('fails an intermediate guarantee that does not cover the whole intermediate advance', () => {
		const short = guarantee({
			kind: 'intermediate_advance_payment',
			advancePaymentAmount: 7_700_000,
			guaranteeAmount: 7_699_999
		});
		expect(checks.intermediateRatio(short, contract, 0).result).toBe('fail');
	});
});

describe('保証期限 ≥ 工期末', () => {
	it('passes on the same day and fails one day short', () => {
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-26' }), contract).result).toBe(
			'pass'
		);
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-25' }), contract)).toMatchObject({
			result: 'fail',
			reason:
				'保証期限 令和9年2月25日（2027-02-25） が工期末 令和9年2月26日（2027-02-26） より前です（保証期限を工期末以降に延ばす変更証書が必要です）'
		});
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-27' }), contract).result).toBe(
			'pass'
		);
		// Across a month end and a year end, dates compare as calendar dates.
		const march = { ...contract, endOn: '2027-03-01' };
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-28' }), march).result).toBe('fail');
		expect(checks.period(guarantee({ guaranteeEndOn: '2028-01-01' }), march).result).toBe('pass');
	});
});

describe('status, works, addressee, one key one contract', () => {
	it('fails cancelled and expired guarantees; warns an unsigned one from a signing issuer', () => {
		expect(checks.status(guarantee({ status: 'cancelled' })).result).toBe('fail');
		expect(checks.status(guarantee({ status: 'expired' })).result).toBe('fail');
		expect(checks.status(guarantee({ issuerRequiresSignature: true })).result).toBe('warn');
		expect(checks.status(guarantee({ signed: true, issuerRequiresSignature: true })).result).toBe(
			'pass'
		);
	});

	it('compares names after NFKC and without spaces, and only warns on a difference', () => {
		const fullWidth = guarantee({
			worksName: '令和８年度　町道１－２３号線舗装修繕工事',
			contractorName: '株式会社 白子建設'
		});
		expect(checks.sameWorks(fullWidth, contract).result).toBe('pass');
		const other = checks.sameWorks(guarantee({ contractorName: '白子建設株式会社' }), contract);
		expect(other.result).toBe('warn');
		expect(other.reason).toContain('受注者');
	});

	it('fails a guarantee addressed to another organisation or attached to another file', () => {
		expect(checks.addressedToUs(guarantee({ addressedToUs: false })).result).toBe('fail');
		const twice = checks.oneContract(guarantee({ otherContractNumbers: ['R8-001'] }));
		expect(twice.result).toBe('fail');
		expect(twice.reason).toContain('R8-001');
	});

	it('runs the ratio that fits the kind and reports the worst result', () => {
		const all = checks.checkGuarantee(guarantee(), contract, 0);
		expect(all.map((c) => c.name)).toEqual([
			'addressed-to-us',
			'same-works',
			'contract-ratio',
			'period',
			'status',
			'one-contract'
		]);
		expect(checks.worst(all)).toBe('pass');
		expect(
			checks.worst(checks.checkGuarantee(guarantee({ status: 'cancelled' }), contract, 0))
		).toBe('fail');
	});
});
