#!/usr/bin/env node
// Signs a JSON body as a compact JWS (EdDSA / Ed25519) for the Kensho issuer API.
//   node scripts/sign-jws.mjs keygen <kid>          writes <kid>.private.jwk and <kid>.public.jwk
//   node scripts/sign-jws.mjs sign <private.jwk> <kid> <body.json>   prints the JWS on stdout
import { readFileSync, writeFileSync } from 'node:fs';
import { CompactSign, exportJWK, generateKeyPair, importJWK } from 'jose';

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
	const key = await importJWK(JSON.parse(readFileSync(jwkFile, 'utf8')), 'EdDSA');
	// The payload is the file's bytes exactly; the portal stores the JWS as received.
	const jws = await new CompactSign(readFileSync(bodyFile))
		.setProtectedHeader({ alg: 'EdDSA', kid })
		.sign(key);
	process.stdout.write(jws);
} else {
	console.error('usage: sign-jws.mjs keygen <kid> | sign <private.jwk> <kid> <body.json>');
	process.exit(2);
}
