/**
 * 認証キー: 19 random symbols of Crockford base32 and one Luhn mod 32 check symbol, shown as
 * XXXX-XXXX-XXXX-XXXX-XXXX. Shared by the server and the browser, which uses it to tell a
 * typing error before anything is sent.
 */
import { GUARANTEE_NUMBER } from './guarantee';

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const KEY_LENGTH = 20;
export const QR_PREFIX = 'KENSHO:1:';

const QR_PAYLOAD = new RegExp(`^${QR_PREFIX}(${GUARANTEE_NUMBER}):([0-9A-Z-]{20,24})$`);

const VALUE = new Map([...ALPHABET].map((symbol, index) => [symbol, index]));

function luhnSum(symbols: string, startFactor: 1 | 2): number {
	let factor = startFactor;
	let sum = 0;
	for (let i = symbols.length - 1; i >= 0; i--) {
		const addend = factor * VALUE.get(symbols[i])!;
		sum += Math.floor(addend / 32) + (addend % 32);
		factor = factor === 2 ? 1 : 2;
	}
	return sum;
}

/** The Luhn mod 32 check symbol for a string of Crockford symbols. */
export function checkSymbol(payload: string): string {
	return ALPHABET[(32 - (luhnSum(payload, 2) % 32)) % 32];
}

export function hasValidCheckSymbol(canonical: string): boolean {
	return luhnSum(canonical, 1) % 32 === 0;
}

/** Hyphen look-alikes a Japanese IME produces, and spaces of every width. */
const SEPARATORS = /[\s\-‐‑‒–—―−ーｰ_]/g;

/**
 * What a person may type: full-width (NFKC), any case, any separators, O for 0, I or L for 1.
 * Returns the 20 canonical symbols, or the kind of mistake.
 */
export function normalizeAuthKeyInput(input: string): string {
	return input
		.normalize('NFKC')
		.toUpperCase()
		.replace(SEPARATORS, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
}

export type ParsedAuthKey =
	{ ok: true; key: string } | { ok: false; error: 'empty' | 'character' | 'length' | 'checksum' };

export function parseAuthKey(input: string): ParsedAuthKey {
	const symbols = normalizeAuthKeyInput(input);
	if (symbols.length === 0) return { ok: false, error: 'empty' };
	if ([...symbols].some((symbol) => !VALUE.has(symbol))) return { ok: false, error: 'character' };
	if (symbols.length !== KEY_LENGTH) return { ok: false, error: 'length' };
	if (!hasValidCheckSymbol(symbols)) return { ok: false, error: 'checksum' };
	return { ok: true, key: symbols };
}

/** XXXX-XXXX-XXXX-XXXX-XXXX; also formats a partial key while it is being typed. */
export function formatAuthKey(symbols: string): string {
	return symbols.match(/.{1,4}/g)?.join('-') ?? '';
}

/** The text in the notice's QR code. Text rather than a URL, so the key never lands in a log. */
export function qrPayload(guaranteeNumber: string, key: string): string {
	return `${QR_PREFIX}${guaranteeNumber}:${formatAuthKey(key)}`;
}

/** Reads `KENSHO:1:<number>:<key>`, as typed by a handheld scanner or decoded from a QR code. */
export function parseQrPayload(text: string): { guaranteeNumber: string; authKey: string } | null {
	const match = QR_PAYLOAD.exec(text.normalize('NFKC').trim().toUpperCase());
	return match ? { guaranteeNumber: match[1], authKey: match[2] } : null;
}
