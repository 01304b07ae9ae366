import { compactVerify, decodeProtectedHeader, importJWK, type CryptoKey } from 'jose';
import * as issuers from './issuers';

/**
 * Signed submissions: a compact JWS, `alg` EdDSA only, `kid` among the issuer's registered
 * keys. The signature is checked before the payload is parsed; the caller stores the JWS as
 * received. One `Verifier` per request caches imported keys (a batch signs 1,000 items with one).
 */
export type Verified = { ok: true; payload: string; kid: string } | { ok: false; reason: string };

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

export function verifier(issuerId: string) {
	const keys = new Map<string, Promise<CryptoKey | Uint8Array | null>>();

	function keyFor(kid: string) {
		let key = keys.get(kid);
		if (!key) {
			key = issuers
				.findKey(issuerId, kid)
				.then((row) => (row ? importJWK(row.publicJwk as never, 'EdDSA') : null));
			keys.set(kid, key);
		}
		return key;
	}

	return async function verify(jws: string): Promise<Verified> {
		const compact = jws.trim();
		if (!COMPACT_JWS.test(compact)) return { ok: false, reason: 'not a compact JWS' };
		let header;
		try {
			header = decodeProtectedHeader(compact);
		} catch {
			return { ok: false, reason: 'the JWS header cannot be read' };
		}
		if (header.alg !== 'EdDSA') return { ok: false, reason: 'alg must be EdDSA' };
		if (typeof header.kid !== 'string' || header.kid === '')
			return { ok: false, reason: 'the JWS header has no kid' };
		if (header.crit) return { ok: false, reason: 'crit header parameters are not supported' };
		const key = await keyFor(header.kid);
		if (!key)
			return { ok: false, reason: `unknown kid ${JSON.stringify(header.kid.slice(0, 64))}` };
		try {
			const { payload } = await compactVerify(compact, key, { algorithms: ['EdDSA'] });
			return {
				ok: true,
				payload: new TextDecoder('utf-8', { fatal: true }).decode(payload),
				kid: header.kid
			};
		} catch {
			return { ok: false, reason: 'the signature does not verify' };
		}
	};
}
