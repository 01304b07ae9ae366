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
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 3_849_999 }), contract).result).toBe(
			'fail'
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
	});

	it('needs 3/10 for a low-bid contract', () => {
		const low = { ...contract, lowBid: true };
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_550_000 }), low).result).toBe(
			'pass'
		);
		expect(checks.contractRatio(guarantee({ guaranteeAmount: 11_549_999 }), low).result).toBe(
			'fail'
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
		expect(checks.advanceRatio(advance(15_400_000), contract).result).toBe('pass');
		expect(checks.advanceRatio(advance(15_400_001), contract).result).toBe('fail');
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
		expect(checks.intermediateRatio(intermediate(7_700_001), contract, 15_400_000).result).toBe(
			'fail'
		);
	});

	it('passes at exactly 6/10 together and fails one yen above', () => {
		expect(checks.intermediateRatio(intermediate(7_700_000), contract, 15_400_000).result).toBe(
			'pass'
		);
		const over = checks.intermediateRatio(intermediate(7_700_000), contract, 15_400_001);
		expect(over.result).toBe('fail');
		expect(over.reason).toContain('6/10');
	});
});

describe('保証期限 ≥ 工期末', () => {
	it('passes on the same day and fails one day short', () => {
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-26' }), contract).result).toBe(
			'pass'
		);
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-25' }), contract).result).toBe(
			'fail'
		);
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
