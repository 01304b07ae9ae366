import { describe, expect, it } from 'vitest';
import { day, formDay, isDay, optionalFormDay } from './dates';

describe('the portal’s one date type', () => {
	it('accepts real days from 1900-01-01 to 2199-12-31', () => {
		for (const good of ['1900-01-01', '2026-07-04', '2028-02-29', '2000-02-29', '2199-12-31'])
			expect(isDay(good), good).toBe(true);
	});

	it('refuses days that do not exist, are out of range or are not YYYY-MM-DD', () => {
		const bad = [
			'0000-01-01',
			'1899-12-31',
			'2200-01-01',
			'9999-12-31',
			'2026-02-30',
			'2027-02-29',
			'1900-02-29',
			'2026-13-01',
			'2026-00-10',
			'2026-04-31',
			'2026-4-1',
			'20260401',
			'2026-04-01T00:00:00Z',
			' 2026-04-01',
			'+02026-04-01',
			''
		];
		for (const text of bad) {
			expect(isDay(text), text).toBe(false);
			const result = day.safeParse(text);
			expect(result.error?.issues[0].message, text).toBe(
				'must be a date YYYY-MM-DD from 1900-01-01 to 2199-12-31'
			);
		}
		expect(day.safeParse(20260401).success).toBe(false);
	});

	it('takes a date as a clerk types it in a form, and names the rule', () => {
		expect(formDay.parse(' ２０２６/０７/０１ ')).toBe('2026-07-01');
		expect(optionalFormDay.parse('')).toBeUndefined();
		expect(optionalFormDay.parse('2026-07-01')).toBe('2026-07-01');
		const refused = formDay.safeParse('0000-01-01');
		expect(refused.success).toBe(false);
		expect((refused.error?.issues[0] as { params?: { code: string } }).params?.code).toBe('date');
	});
});
