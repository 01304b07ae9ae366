import { describe, expect, it } from 'vitest';
import { cancellationInput } from '../issuing/certificate-input';
import { foldedLine, note, oneLine, optionalLine } from './text';

describe('free text in the schemas', () => {
	it('refuses control characters in a one-line text, with the reason', () => {
		for (const bad of ['白子\u0000建設', '白子\r\n建設', '\u0007', 'a\u007fb']) {
			const result = oneLine(100).safeParse(bad);
			expect(result.success, JSON.stringify(bad)).toBe(false);
			expect(result.error?.issues[0].message).toBe('must not contain control characters');
		}
		expect(oneLine(100).parse('  株式会社白子建設　 ')).toBe('株式会社白子建設');
		expect(optionalLine(10).parse('')).toBe('');
		expect(oneLine(3).safeParse('abcd').success).toBe(false);
	});

	it('keeps line breaks and tabs in a note, but never a NUL', () => {
		expect(note(100).parse('一行目\r\n二行目\t終わり')).toBe('一行目\r\n二行目\t終わり');
		expect(note(100).safeParse('理由\u0000').success).toBe(false);
		expect(
			cancellationInput.safeParse({ cancelledOn: '2027-01-15', reason: 'x\u0000' }).success
		).toBe(false);
	});

	it('folds a spreadsheet cell’s line breaks into one space', () => {
		expect(foldedLine(100).parse('公民館改修工事\r\n（第2期）')).toBe('公民館改修工事 （第2期）');
		expect(foldedLine(100).safeParse('工事\u0000').success).toBe(false);
	});
});
