import { describe, expect, it } from 'vitest';
import { checkDigit, isLocalGovernmentCode } from './local-government-code';

describe('全国地方公共団体コード', () => {
	it('accepts real codes with their check digits', () => {
		// 白子町, 長生村, 千代田区, 札幌市, 北海道
		for (const code of ['124249', '124231', '131016', '011002', '010006']) {
			expect(isLocalGovernmentCode(code)).toBe(true);
		}
	});

	it('rejects every wrong check digit of 白子町', () => {
		for (let digit = 0; digit <= 9; digit++) {
			if (digit === 9) continue;
			expect(isLocalGovernmentCode(`12424${digit}`)).toBe(false);
		}
	});

	it('rejects what is not six digits', () => {
		for (const code of ['12424', '1242490', '12424a', '', ' 124249', '１２４２４９']) {
			expect(isLocalGovernmentCode(code)).toBe(false);
		}
	});

	it('wraps the check digit when the remainder is 0 or 1', () => {
		// Σ = 44 → remainder 0 → 11 → 1 (長生村); a remainder of 1 gives 10 → 0.
		expect(checkDigit('12423')).toBe(1);
		expect(checkDigit('20000')).toBe(0);
	});
});
