import { describe, expect, it } from 'vitest';
import { cancellationInput } from '../issuing/certificate-input';
import { foldedLine, note, oneLine, optionalLine, textFaults, withoutBidi } from './text';

const BIDI = [
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069'
];

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

	it('refuses every bidirectional control and a lone surrogate in every kind of text', () => {
		for (const schema of [oneLine(100), optionalLine(100), note(100), foldedLine(100)]) {
			for (const bad of [...BIDI.map((c) => `株式会社${c}建設`), '白子\uD800', '\uDC00町']) {
				const result = schema.safeParse(bad);
				expect(result.success, JSON.stringify(bad)).toBe(false);
				expect(result.error?.issues[0].message).toMatch(/bidirectional|lone surrogate/);
			}
			// A pair is a character (𠮷, an emoji): fine.
			expect(schema.safeParse('𠮷野家😀').success).toBe(true);
		}
	});

	it('finds every bad key and string of a JSON body, with its path', () => {
		const body = JSON.parse(
			'{"\\ud800":1,"works":{"name":"a\\u202eb","list":["ok","\\udfff"]},"fine":"𠮷"}'
		);
		expect(textFaults(body)).toEqual([
			{ path: ['\uFFFD'], message: expect.stringContaining('field name') },
			{ path: ['works', 'name'], message: expect.stringContaining('bidirectional') },
			{ path: ['works', 'list', 1], message: expect.stringContaining('lone surrogate') }
		]);
		// Deep nesting is walked without a stack overflow, in linear time.
		const deep = JSON.parse('['.repeat(200_000) + '"\\u2066"' + ']'.repeat(200_000));
		expect(textFaults(deep)).toHaveLength(1);
		expect(withoutBidi('a\u202Eb\u2069c')).toBe('abc');
	});
});
