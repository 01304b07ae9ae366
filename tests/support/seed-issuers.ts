import { exportJWK, generateKeyPair } from 'jose';
import * as issuers from '../../src/lib/server/issuing/issuers';

/**
 * Issuers for the ingest API tests: A (plain, also holds a signing key), B (another issuer, for
 * "another issuer's id is not found"), and a signer that must sign. Tokens are made per purpose
 * so the rate-limit and fuzz tests do not eat into each other's allowance.
 */
export async function seedIssuers() {
	const suffix = Date.now().toString(36);
	const a = await issuers.add({ code: `e2e-a-${suffix}`, name: 'E2E保証株式会社A' });
	const b = await issuers.add({ code: `e2e-b-${suffix}`, name: 'E2E保証株式会社B' });
	const signer = await issuers.add({
		code: `e2e-s-${suffix}`,
		name: 'E2E署名保証株式会社',
		requireSignature: true
	});
	const token = async (id: string) => (await issuers.createToken(id)).token;
	const { publicKey, privateKey } = await generateKeyPair('EdDSA', {
		crv: 'Ed25519',
		extractable: true
	});
	const publicJwk = await exportJWK(publicKey);
	await issuers.addKey(a.id, 'k-a', publicJwk);
	await issuers.addKey(signer.id, 'k-s', publicJwk);
	const revoked = await issuers.createToken(a.id);
	await issuers.revokeToken(a.id, revoked.prefix);
	return {
		a: {
			code: a.code,
			token: await token(a.id),
			rateLimitToken: await token(a.id),
			clientToken: await token(a.id),
			fuzzTokens: await Promise.all(Array.from({ length: 8 }, () => token(a.id))),
			revokedToken: revoked.token,
			kid: 'k-a'
		},
		b: { code: b.code, token: await token(b.id) },
		signer: { code: signer.code, token: await token(signer.id), kid: 'k-s' },
		privateJwk: await exportJWK(privateKey)
	};
}
