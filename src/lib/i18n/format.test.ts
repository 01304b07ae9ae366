import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('dates as clerks read them', () => {
	it('shows 和暦 with the ISO date, the same on every call', () => {
		expect(formatDate('2026-07-04', 'ja')).toBe('令和8年7月4日（2026-07-04）');
		expect(formatDate('2026-07-04T00:00:00Z', 'ja')).toBe('令和8年7月4日（2026-07-04）');
		expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日（2019-04-30）');
		expect(formatDate('2026-07-04', 'en')).toBe('2026-07-04');
		expect(formatDate(null, 'ja')).toBe('—');
	});

	it('shows a moment in Japan time to the minute, in the language asked for', () => {
		expect(formatDateTime('2026-07-06T01:02:00Z', 'ja')).toBe('令和8年7月6日 10:02');
		// Seconds are not shown, so the same minute reads the same.
		expect(formatDateTime(new Date('2026-07-06T01:02:59.999Z'), 'ja')).toBe('令和8年7月6日 10:02');
		expect(formatDateTime('2026-07-06T01:03:00Z', 'ja')).toBe('令和8年7月6日 10:03');
		expect(formatDateTime('2026-07-06T01:02:00Z', 'en')).toBe('6 Jul 2026, 10:02');
		expect(formatDateTime('2026-07-06T01:02:00Z', 'ja')).toBe('令和8年7月6日 10:02');
		expect(formatDateTime('2019-04-30T14:59:00Z', 'ja')).toBe('平成31年4月30日 23:59');
		expect(formatDateTime('2019-04-30T15:00:00Z', 'ja')).toBe('令和元年5月1日 0:00');
		expect(() => formatDateTime('not a date', 'ja')).toThrow(RangeError);
	});
});
