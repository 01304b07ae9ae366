import { describe, expect, it } from 'vitest';
import * as checks from './checks';
import { advance, changed, contract, guarantee, priced } from '../../testing/contract-terms';

describe('保証期限 ≥ 工期末; the year end for a multi-year advance', () => {
	it('passes on the same day and fails one day short', () => {
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-26' }), contract).result).toBe(
			'pass'
		);
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-25' }), contract)).toMatchObject({
			result: 'fail',
			reason:
				'保証期限 令和9年2月25日（2027-02-25） が工期末 令和9年2月26日（2027-02-26） より前です（保証期限を延ばす変更保証証書が必要です）'
		});
		const march = { ...contract, endOn: '2027-03-01' };
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-02-28' }), march).result).toBe('fail');
	});

	it('a multi-year advance must reach the earlier of 工期末 and 3/31 of its fiscal year', () => {
		const multi = priced(100_000_000, {
			endOn: '2028-02-28',
			fiscalYear: 2026,
			fiscalYearAmount: 30_000_000
		});
		const ending = (on: string) =>
			checks.period(advance(12_000_000, { guaranteeEndOn: on }), multi);
		expect(ending('2027-03-31')).toMatchObject({
			result: 'pass',
			reason:
				'保証期限 令和9年3月31日（2027-03-31） は令和8年度末 令和9年3月31日（2027-03-31） 以降です'
		});
		expect(ending('2027-03-30').result).toBe('fail');
		expect(ending('2027-03-30').reason).toContain('令和8年度末');
		// 工期末 before the year end: 工期末 is the line.
		const short = { ...multi, endOn: '2027-01-31' };
		const within = (on: string) =>
			checks.period(advance(12_000_000, { guaranteeEndOn: on }), short);
		expect(within('2027-01-31').result).toBe('pass');
		expect(within('2027-01-30').result).toBe('fail');
		// The 契約保証 of the same file covers the whole works.
		expect(checks.period(guarantee({ guaranteeEndOn: '2027-03-31' }), multi).result).toBe('fail');
		expect(checks.period(guarantee({ guaranteeEndOn: '2028-02-28' }), multi).result).toBe('pass');
	});

	it('a 工期延長 without a 保証期限変更 says which certificate is needed', () => {
		const longer = changed(contract, { changedOn: '2026-12-01', endOn: '2027-03-19' });
		const stale = guarantee({ guaranteeEndOn: '2027-02-26' });
		const end = checks.period(stale, longer);
		expect(end.result).toBe('fail');
		expect(end.reason).toContain('工期延長（変更契約 令和8年12月1日（2026-12-01）');
		expect(end.reason).toContain(
			'保証期限を 令和9年3月19日（2027-03-19） 以降とする変更保証証書（保証期限変更）が必要です'
		);
		// The certificate's 工期 predates the change: works-period points at the period check.
		expect(checks.worksPeriod(stale, longer, false)).toMatchObject({ result: 'warn' });
		const extended = guarantee({ guaranteeEndOn: '2027-03-19' });
		expect(checks.period(extended, longer).result).toBe('pass');
		expect(checks.worksPeriod(extended, longer, true).result).toBe('pass');
	});
});

describe('請負代金額 and 工期 of the certificate against the file', () => {
	it('passes equal values, fails a price the file never had, saying which side to fix', () => {
		expect(checks.contractAmount(guarantee(), contract, true).result).toBe('pass');
		const other = checks.contractAmount(guarantee({ contractAmount: 42_350_000 }), contract, true);
		expect(other).toMatchObject({ name: 'contract-amount', result: 'fail' });
		expect(other.reason).toContain(
			'証書の請負代金額 ¥42,350,000 が案件の請負代金額 ¥38,500,000 と異なります'
		);
		expect(other.reason).toContain('変更契約が未登録なら案件に登録し');
	});

	it('a certificate from before a 変更契約: no alarm while covered, a warning when not', () => {
		const raised = changed(contract, { changedOn: '2026-10-01', contractAmount: 42_350_000 });
		expect(checks.contractAmount(guarantee(), raised, true)).toMatchObject({
			result: 'pass',
			reason: expect.stringContaining('変更保証証書は不要です')
		});
		expect(checks.contractAmount(guarantee(), raised, false).result).toBe('warn');
	});

	it('工期（自） must match; a 工期（至） the file never had fails', () => {
		expect(checks.worksPeriod(guarantee(), contract, true).result).toBe('pass');
		expect(
			checks.worksPeriod(guarantee({ worksStartOn: '2026-07-02' }), contract, true).result
		).toBe('fail');
		expect(checks.worksPeriod(guarantee({ worksEndOn: '2027-03-31' }), contract, true).result).toBe(
			'fail'
		);
	});
});
