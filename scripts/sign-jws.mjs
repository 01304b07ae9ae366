#!/usr/bin/env node
// Signs a JSON body as a compact JWS (EdDSA / Ed25519) for the Kensho issuer API.
//   node scripts/sign-jws.mjs keygen <kid>          writes <kid>.private.jwk and <kid>.public.jwk
//   node scripts/sign-jws.mjs sign <private.jwk> <kid> <body.json>   prints the JWS on stdout
//   node scripts/sign-jws.mjs change <private.jwk> <kid> <guaranteeNumber> [body.json]
//        a signed change (amendment, cancellation; without a body, a key reissue): the body with
//        "guaranteeNumber" and "iat" (now, Unix seconds) added, which bind it to that guarantee
//        and to the next 10 minutes; each JWS is accepted once (docs/INTEGRATION.md §3)
import { readFileSync, writeFileSync } from 'node:fs';
import { CompactSign, exportJWK, generateKeyPair, importJWK } from 'jose';

async function sign(jwkFile, kid, payload) {
	const key = await importJWK(JSON.parse(readFileSync(jwkFile, 'utf8')), 'EdDSA');
	return new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', kid }).sign(key);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'keygen' && args.length === 1) {
	const [kid] = args;
	const { publicKey, privateKey } = await generateKeyPair('EdDSA', {
		crv: 'Ed25519',
		extractable: true
	});
	writeFileSync(`${kid}.private.jwk`, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
	writeFileSync(`${kid}.public.jwk`, JSON.stringify(await exportJWK(publicKey)));
	console.error(
		`wrote ${kid}.private.jwk (keep it secret) and ${kid}.public.jwk (give it to the operator)`
	);
} else if (command === 'sign' && args.length === 3) {
	const [jwkFile, kid, bodyFile] = args;
	// The payload is the file's bytes exactly; the portal stores the JWS as received.
	process.stdout.write(await sign(jwkFile, kid, readFileSync(bodyFile)));
} else if (command === 'change' && (args.length === 3 || args.length === 4)) {
	const [jwkFile, kid, guaranteeNumber, bodyFile] = args;
	const body = bodyFile ? JSON.parse(readFileSync(bodyFile, 'utf8')) : {};
	const payload = { ...body, guaranteeNumber, iat: Math.floor(Date.now() / 1000) };
	process.stdout.write(await sign(jwkFile, kid, new TextEncoder().encode(JSON.stringify(payload))));
} else {
	console.error(
		'usage: sign-jws.mjs keygen <kid> | sign <private.jwk> <kid> <body.json>' +
			' | change <private.jwk> <kid> <guaranteeNumber> [body.json]'
	);
	process.exit(2);
}
