import { describe, expect, it } from 'vitest';
import * as checks from './checks';
import { nameDifferences, sameCompany } from './names';
import {
	advance,
	contract,
	guarantee,
	nothingPaid,
	priced,
	rules
} from '../../testing/contract-terms';

describe('工事名 and 受注者', () => {
	it('are the same name however typed: NFKC, spaces, ㈱ / (株) / 株式会社, before or after', () => {
		for (const name of [
			'株式会社白子建設',
			'㈱白子建設',
			'（株）白子建設',
			'(株) 白子建設',
			'白子建設株式会社',
			'白子建設㈱',
			'株式会社　白子建設'
		]) {
			expect(sameCompany(name, '株式会社白子建設'), name).toBe(true);
		}
		expect(sameCompany('㈲九十九里工務店', '有限会社九十九里工務店')).toBe(true);
		expect(sameCompany('有限会社白子建設', '株式会社白子建設')).toBe(false);
		expect(sameCompany('株式会社白子建設工業', '株式会社白子建設')).toBe(false);
		expect(
			nameDifferences(
				{ worksName: '令和８年度　町道１－２３号線舗装修繕工事', contractorName: '白子建設㈱' },
				contract
			)
		).toEqual([]);
		expect(
			nameDifferences(
				{ worksName: '令和8年度 排水路改良工事', contractorName: '株式会社白子建設' },
				contract
			)
		).toEqual(['worksName']);
	});

	it('a difference confirmed with a note stays a warning that shows the note', () => {
		const other = guarantee({
			contractorName: '株式会社九十九里建設',
			mismatchNote: '社名変更（登記簿で確認）'
		});
		expect(checks.sameWorks(other, contract)).toEqual({
			name: 'same-works',
			result: 'warn',
			reason:
				'受注者「株式会社九十九里建設」が案件の「株式会社白子建設」と異なります。確認のうえ添付されました（備考: 社名変更（登記簿で確認））'
		});
		expect(checks.sameWorks(guarantee({ contractorName: '白子建設(株)' }), contract).result).toBe(
			'pass'
		);
	});
});

describe('issuer type, status, addressee, one key one contract', () => {
	it('fails an advance guarantee from an insurer or a bank; a 契約保証 from one passes', () => {
		expect(checks.issuerType(advance(15_400_000, { issuerType: 'insurer' }))).toMatchObject({
			result: 'fail',
			reason: expect.stringContaining('公共工事の前払金保証事業に関する法律')
		});
		expect(checks.issuerType(advance(15_400_000, { issuerType: 'bank' })).result).toBe('fail');
		expect(checks.issuerType(guarantee({ issuerType: 'insurer' })).result).toBe('pass');
		expect(checks.issuerType(advance(15_400_000)).result).toBe('pass');
	});

	it('says 保証期間満了, and does not alarm on a guarantee that ended with finished works', () => {
		const ended = guarantee({ status: 'expired', guaranteeEndOn: '2027-02-26' });
		expect(checks.status(ended, contract)).toMatchObject({
			result: 'fail',
			reason: expect.stringContaining('保証期間満了')
		});
		const finished = { ...contract, completedOn: '2027-02-20' };
		expect(checks.status(ended, finished).result).toBe('pass');
		expect(checks.status(ended, { ...contract, completedOn: '2027-02-26' }).result).toBe('pass');
		// Lapsed before the works were finished: still a failure.
		expect(checks.status(ended, { ...contract, completedOn: '2027-02-27' }).result).toBe('fail');
		const cancelled = guarantee({ status: 'cancelled', cancelledOn: '2027-03-10' });
		expect(checks.status(cancelled, contract).result).toBe('fail');
		expect(checks.status(cancelled, finished).result).toBe('pass');
		expect(checks.status(guarantee({ issuerRequiresSignature: true }), contract).result).toBe(
			'warn'
		);
	});

	it("a past fiscal year's advance that reached its year end does not alarm", () => {
		const multi = priced(100_000_000, {
			endOn: '2028-02-28',
			fiscalYear: 2027,
			fiscalYearAmount: 40_000_000
		});
		const lastYear = advance(12_000_000, {
			status: 'expired',
			fiscalYear: 2026,
			fiscalYearAmount: 30_000_000,
			guaranteeEndOn: '2027-03-31'
		});
		expect(checks.status(lastYear, multi).result).toBe('pass');
		expect(checks.status({ ...lastYear, guaranteeEndOn: '2027-03-30' }, multi).result).toBe('fail');
	});

	it('fails a guarantee addressed to another organisation or attached to another file', () => {
		expect(checks.addressedToUs(guarantee({ addressedToUs: false })).result).toBe('fail');
		const twice = checks.oneContract(guarantee({ otherContractNumbers: ['R8-001'] }));
		expect(twice).toMatchObject({ result: 'fail', reason: expect.stringContaining('R8-001') });
	});

	it('runs every check in the order the clerk reads them and reports the worst', () => {
		const all = checks.checkGuarantee(guarantee(), contract, rules(), nothingPaid);
		expect(all.map((c) => c.name)).toEqual([
			'addressed-to-us',
			'same-works',
			'contract-amount',
			'works-period',
			'contract-ratio',
			'period',
			'issuer-type',
			'status',
			'one-contract'
		]);
		expect(checks.worst(all)).toBe('pass');
		const cancelled = guarantee({ status: 'cancelled' });
		expect(checks.worst(checks.checkGuarantee(cancelled, contract, rules(), nothingPaid))).toBe(
			'fail'
		);
	});
});

describe('submitted', () => {
	it('passes when each needed kind is attached or recorded, and names what is missing', () => {
		expect(
			checks.submitted(['contract', 'advance_payment'], [{ kind: 'contract', how: '電子証書' }])
		).toEqual({
			name: 'submitted',
			result: 'warn',
			reason: '未提出: 前払金保証'
		});
		expect(
			checks.submitted(
				['contract', 'advance_payment'],
				[
					{ kind: 'contract', how: '履行保証保険' },
					{ kind: 'advance_payment', how: '電子証書' }
				]
			)
		).toMatchObject({
			result: 'pass',
			reason: expect.stringContaining('契約保証（履行保証保険）')
		});
	});
});
