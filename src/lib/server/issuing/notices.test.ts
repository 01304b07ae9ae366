import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as authKeys from './auth-keys';
import * as notices from './notices';
import { noticeRows } from './notice-rows';
import { makeGuarantee, makeOrganization } from '../testing/fixtures';

/** The notice's text as a PDF reader extracts it (what a clerk's search, and /verify, read). */
async function textOf(pdf: Uint8Array): Promise<string> {
	const doc = await getDocument({ data: pdf, isEvalSupported: false }).promise;
	const page = await doc.getPage(1);
	const content = await page.getTextContent();
	await doc.destroy();
	return content.items.map((item) => ('str' in item ? item.str : '')).join('');
}

describe('the notice (お知らせ)', () => {
	it('prints the §4 fields, dates in 和暦 with the Gregorian date, the office to call and where to verify', async () => {
		const org = await makeOrganization();
		const key = authKeys.generate();
		const g = await makeGuarantee({
			organizationId: org.id,
			kind: 'intermediate_advance_payment',
			canonicalKey: key.canonical,
			original: {
				guaranteeAmount: 7_700_000,
				advancePaymentAmount: 7_700_000,
				worksCategory: 'construction',
				contractedOn: '2026-06-25',
				contractorMembers: [{ name: '株式会社白子建設' }, { name: '株式会社九十九里建設' }],
				issuingOfficeName: '千葉支店',
				issuingOfficePhone: '043-241-6101'
			},
			amendments: [
				{ issuedOn: '2026-12-10', amendmentReason: '保証期限変更', guaranteeEndOn: '2027-03-31' }
			]
		});
		const made = await notices.forKey(
			{ id: g.issuerId, name: '東日本建設業保証株式会社' },
			g.guaranteeNumber,
			key.display,
			'https://kensho.example.lg.jp/verify'
		);
		if (made.error !== undefined) throw new Error(made.error);
		const text = (await textOf(made.pdf)).replace(/\s+/g, '');
		for (const words of [
			'中間前払金保証',
			'中間前払金額7,700,000円',
			'工期（自）令和8年7月1日（2026-07-01）',
			'工期（至）令和9年2月26日（2027-02-26）',
			'契約締結日令和8年6月25日（2026-06-25）',
			'当初発行日令和8年7月4日（2026-07-04）',
			'最終変更日令和8年12月10日（2026-12-10）（第1回変更:保証期限変更）',
			'構成員（共同企業体）株式会社白子建設、株式会社九十九里建設',
			'区分工事',
			'千葉支店電話043-241-6101',
			'https://kensho.example.lg.jp/verify',
			`保証契約番号${g.guaranteeNumber}`
		]) {
			expect(text, words).toContain(words);
		}
		expect(text).not.toContain('版');
	}, 60_000);

	it('leaves out the rows the issuer did not send', () => {
		const rows = noticeRows({
			guarantee: { kind: 'contract' },
			firstIssuedOn: '2026-07-04',
			latest: {
				version: 1,
				issuedOn: '2026-07-04',
				amendmentReason: null,
				worksName: 'x',
				worksLocation: 'y',
				contractorName: 'z',
				contractorRepresentative: 'r',
				contractAmount: 1,
				guaranteeAmount: 1,
				advancePaymentAmount: null,
				guaranteeStartOn: '2026-07-04',
				guaranteeEndOn: '2026-07-04',
				worksStartOn: '2026-07-04',
				worksEndOn: '2026-07-04',
				worksCategory: null,
				contractedOn: null,
				fiscalYear: null,
				fiscalYearAmount: null,
				contractorMembers: null
			} as never
		}).map(([label]) => label);
		expect(rows).toEqual([
			'保証の種類',
			'工事名',
			'工事場所',
			'保証契約者',
			'請負代金額',
			'保証金額',
			'保証期間',
			'工期（自）',
			'工期（至）',
			'当初発行日'
		]);
	});
});
