import { createHash, timingSafeEqual } from 'node:crypto';
import { ALPHABET, checkSymbol, formatAuthKey, KEY_LENGTH } from '../../auth-key';

/** Domain separation: these hashes can never be mistaken for any other hash we store. */
const DOMAIN_TAG = 'kensho/auth-key/v1';

/** 19 symbols × 5 bits = 95 bits from the CSPRNG (32 symbols: `byte & 31` is unbiased). */
export function generate(): { canonical: string; display: string } {
	const bytes = crypto.getRandomValues(new Uint8Array(KEY_LENGTH - 1));
	const payload = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
	const canonical = payload + checkSymbol(payload);
	return { canonical, display: formatAuthKey(canonical) };
}

/** Salted by the guarantee's id, so equal keys of two guarantees never hash alike. */
export function hash(guaranteeId: string, canonicalKey: string): Uint8Array {
	return createHash('sha256').update(`${DOMAIN_TAG}\0${guaranteeId}\0${canonicalKey}`).digest();
}

export function matches(
	storedHash: Uint8Array,
	guaranteeId: string,
	canonicalKey: string
): boolean {
	const candidate = hash(guaranteeId, canonicalKey);
	return storedHash.length === candidate.length && timingSafeEqual(storedHash, candidate);
}

/** The only form of a key that may appear in a log or an audit event. */
export function mask(canonicalKey: string): string {
	return `****-****-****-****-**${canonicalKey.slice(-2)}`;
}
