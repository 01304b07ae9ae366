import { describe, expect, it } from 'vitest';
import {
	ALPHABET,
	checkSymbol,
	formatAuthKey,
	hasValidCheckSymbol,
	parseAuthKey,
	parseQrPayload,
	qrPayload
} from './auth-key';

const PAYLOAD = '7K3MQ9ZD4HBTX1RWPQ2';
const KEY = PAYLOAD + checkSymbol(PAYLOAD);

function randomPayload(length = 19): string {
	return Array.from({ length }, () => ALPHABET[Math.floor(Math.random() * 32)]).join('');
}

describe('auth key check symbol (Luhn mod 32)', () => {
	it('detects every single-symbol substitution at every position', () => {
		for (const payload of [PAYLOAD, randomPayload(), randomPayload()]) {
			const key = payload + checkSymbol(payload);
			expect(hasValidCheckSymbol(key)).toBe(true);
			for (let i = 0; i < key.length; i++) {
				for (const symbol of ALPHABET) {
					if (symbol === key[i]) continue;
					const typo = key.slice(0, i) + symbol + key.slice(i + 1);
					expect(hasValidCheckSymbol(typo), `${typo} (position ${i})`).toBe(false);
				}
			}
		}
	});

	it('detects adjacent swaps except 0↔Z, the one pair Luhn mod 32 cannot see', () => {
		// Doubling maps v to 2v (v < 16) or 2v − 31 (v ≥ 16); a swap of a and b goes unseen
		// exactly when double(a) − a = double(b) − b, which holds only for 0 and Z (31).
		const unseen = new Set<string>();
		const swapAt = (key: string, i: number) =>
			key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
		for (let i = 0; i < 18; i++) {
			for (const a of ALPHABET) {
				for (const b of ALPHABET) {
					if (a === b) continue;
					const payload = (PAYLOAD.slice(0, i) + a + b + PAYLOAD.slice(i + 2)).slice(0, 19);
					const key = payload + checkSymbol(payload);
					if (hasValidCheckSymbol(swapAt(key, i))) unseen.add([a, b].sort().join(''));
				}
			}
		}
		// The last random symbol and the check symbol itself.
		for (const a of ALPHABET) {
			const payload = PAYLOAD.slice(0, 18) + a;
			const key = payload + checkSymbol(payload);
			if (key[18] !== key[19] && hasValidCheckSymbol(swapAt(key, 18))) {
				unseen.add([key[18], key[19]].sort().join(''));
			}
		}
		expect([...unseen]).toEqual(['0Z']);
	});
});

describe('parseAuthKey', () => {
	it('accepts full-width, lower case, any separators, O for 0 and I/L for 1', () => {
		const typed = formatAuthKey(KEY)
			.toLowerCase()
			.replace(/0/g, 'o')
			.replace(/1/g, 'l')
			.replace(/-/g, ' ー ');
		const fullWidth = [...typed]
			.map((c) => (/[a-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
			.join('');
		expect(parseAuthKey(fullWidth)).toEqual({ ok: true, key: KEY });
	});

	it('names the kind of mistake', () => {
		expect(parseAuthKey('')).toEqual({ ok: false, error: 'empty' });
		expect(parseAuthKey(KEY.slice(0, 19) + 'U')).toEqual({ ok: false, error: 'character' });
		expect(parseAuthKey(KEY.slice(0, 19))).toEqual({ ok: false, error: 'length' });
		const wrong = KEY.slice(0, 19) + (KEY[19] === 'A' ? 'B' : 'A');
		expect(parseAuthKey(wrong)).toEqual({ ok: false, error: 'checksum' });
	});
});

describe('QR payload', () => {
	it('round-trips KENSHO:1:<number>:<key>', () => {
		const text = qrPayload('E12-2026-000123', KEY);
		expect(text).toBe(`KENSHO:1:E12-2026-000123:${formatAuthKey(KEY)}`);
		expect(parseQrPayload(text)).toEqual({
			guaranteeNumber: 'E12-2026-000123',
			authKey: formatAuthKey(KEY)
		});
		expect(parseQrPayload('https://example.com/?k=' + KEY)).toBeNull();
	});
});
