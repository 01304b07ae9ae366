import { describe, expect, it } from 'vitest';
import { reason, say } from '../check-reasons';
import { en } from './check-reasons-en';
import { langParts } from './lang-parts';

/** The parts marked Japanese, as a screen reader would switch voices on them. */
const japanese = (text: string) =>
	langParts(text, 'en')
		.filter((p) => p.ja)
		.map((p) => p.text);

describe('langParts: Japanese values inside an English message (WCAG 3.1.2)', () => {
	it("marks the works and contractor names of a check's reason, and nothing English", () => {
		const r = reason('works-differ', {
			worksName: { certificate: '令和7年度 白子町役場庁舎空調更新工事', file: '庁舎空調工事' },
			contractorName: { certificate: 'ＡＢＣ建設株式会社', file: '株式会社白子建設' },
			note: null
		});
		const text = say(en, r);
		expect(japanese(text)).toEqual([
			'令和7年度 白子町役場庁舎空調更新工事',
			'庁舎空調工事',
			'ＡＢＣ建設株式会社',
			'株式会社白子建設'
		]);
		// The English around them stays unmarked, quotes included; nothing is lost or doubled.
		const parts = langParts(text, 'en');
		expect(parts.map((p) => p.text).join('')).toBe(text);
		expect(parts.filter((p) => !p.ja).every((p) => !/[\p{Script=Han}ー]/u.test(p.text))).toBe(true);
		expect(parts[0]).toEqual({ text: 'The works name “', ja: false });
	});

	it('marks a guarantee number with Japanese text and an issuer name in a verdict', () => {
		expect(japanese('Number 第12-3456号 and key matched on 1 Dec 2026')).toEqual(['第12-3456号']);
		expect(japanese('Signed by 東日本建設業保証株式会社 (key “k1”)')).toEqual([
			'東日本建設業保証株式会社'
		]);
		expect(japanese('Verified by ﾀﾅｶ at 10:00')).toEqual(['ﾀﾅｶ']);
	});

	it('leaves a message without Japanese whole, and a Japanese screen unsplit', () => {
		expect(langParts('Guarantee ¥1,000,000 is at least 1/10', 'en')).toEqual([
			{ text: 'Guarantee ¥1,000,000 is at least 1/10', ja: false }
		]);
		expect(langParts('工事名「白子町」が異なります', 'ja')).toEqual([
			{ text: '工事名「白子町」が異なります', ja: false }
		]);
		expect(langParts('', 'en')).toEqual([]);
	});
});
