// Issuer API figures: single-request latency and batch items/s, unsigned and signed.
// Usage: node bench/issuer-api.mjs <base-url> <seed.json>   (the seed written by tests/support/serve.ts)
import { readFileSync } from 'node:fs';
import { CompactSign, importJWK } from 'jose';

const [base = 'http://127.0.0.1:4202', seedFile = 'tests/.tmp/seed-4202.json'] =
	process.argv.slice(2);
const seed = JSON.parse(readFileSync(seedFile, 'utf8')).issuers;
const key = await importJWK(seed.privateJwk, 'EdDSA');
let n = 0;
const number = () => `B${Date.now().toString(36).toUpperCase()}-${n++}`;
const body = () => ({
	kind: 'advance_payment',
	guaranteeNumber: number(),
	issuedOn: '2026-07-04',
	orderer: { code: '124249', name: '白子町長' },
	contractor: {
		name: '株式会社白子建設',
		address: '千葉県長生郡白子町古所1234',
		representative: '代表 白子 太郎'
	},
	works: {
		name: '町道舗装修繕工事',
		location: '白子町古所地内',
		contractAmount: 38500000,
		startOn: '2026-07-01',
		endOn: '2027-02-26'
	},
	guarantee: {
		amount: 15400000,
		advancePaymentAmount: 15400000,
		startOn: '2026-07-04',
		endOn: '2027-02-26'
	}
});
const sign = (payload) =>
	new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
		.setProtectedHeader({ alg: 'EdDSA', kid: seed.a.kid })
		.sign(key);
const send = (path, data, token, type = 'application/json') =>
	fetch(base + path, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': type },
		body: typeof data === 'string' ? data : JSON.stringify(data)
	});

const tokens = seed.a.fuzzTokens;
const times = [];
for (let i = 0; i < 300; i++) {
	const started = performance.now();
	const response = await send('/api/v1/certificates', body(), tokens[i % tokens.length]);
	await response.text();
	if (response.status !== 201) throw new Error(`status ${response.status}`);
	times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.floor((times.length - 1) * p)].toFixed(1);
console.log(
	`single POST /certificates: median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms (n=300, sequential)`
);

for (const signed of [false, true]) {
	let total = 0;
	let elapsed = 0;
	for (let round = 0; round < 3; round++) {
		const items = await Promise.all(
			Array.from({ length: 1000 }, async () => (signed ? { jws: await sign(body()) } : body()))
		);
		const started = performance.now();
		const response = await send('/api/v1/certificates/batch', { items }, tokens[round]);
		const { results } = await response.json();
		elapsed += performance.now() - started;
		total += results.filter((r) => r.status === 201).length;
	}
	console.log(
		`batch ${signed ? 'signed  ' : 'unsigned'}: ${Math.round(total / (elapsed / 1000))} items/s (${total} items in ${(elapsed / 1000).toFixed(2)} s)`
	);
}
