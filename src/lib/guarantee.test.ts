import { describe, expect, it } from 'vitest';
import { parseQrPayload } from './auth-key';
import { GUARANTEE_NUMBER_PATTERN, isKind, isPurpose, normalizeGuaranteeNumber } from './guarantee';

describe('the guarantee words both sides share', () => {
	it('reads a number as the issuer API stores it: full-width, lower case and spaces folded', () => {
		expect(normalizeGuaranteeNumber('　ｅ１２－２０２６－０００１２３ ')).toBe('E12-2026-000123');
		expect(GUARANTEE_NUMBER_PATTERN.test('E12-2026-000123')).toBe(true);
		expect(GUARANTEE_NUMBER_PATTERN.test('-E12')).toBe(false);
		expect(GUARANTEE_NUMBER_PATTERN.test('E1')).toBe(false);
		expect(GUARANTEE_NUMBER_PATTERN.test('E'.repeat(33))).toBe(false);
	});

	it('takes the same numbers from a QR payload as from the number field', () => {
		expect(parseQrPayload('KENSHO:1:E12-2026-000123:ABCD-EFGH-JKMN-PQRS-TVWX')).toEqual({
			guaranteeNumber: 'E12-2026-000123',
			authKey: 'ABCD-EFGH-JKMN-PQRS-TVWX'
		});
		expect(parseQrPayload('KENSHO:1:-E12:ABCD-EFGH-JKMN-PQRS-TVWX')).toBeNull();
	});

	it('knows each kind as a purpose, and other only as a purpose', () => {
		expect(['contract', 'advance_payment', 'intermediate_advance_payment'].every(isPurpose)).toBe(
			true
		);
		expect(isPurpose('other')).toBe(true);
		expect(isKind('other')).toBe(false);
		expect(isKind('bid')).toBe(false);
		expect(isPurpose(null)).toBe(false);
	});
});
