// Issuer API figures: single-request latency and batch items/s, unsigned and signed.
// Usage: node bench/issuer-api.mjs <base-url> <seed.json>   (the seed written by tests/support/serve.ts)
// For PostgreSQL: start a cluster with scripts/pg-temp.js, run migrate() and tests/support/seed.ts
// with DATABASE_URL set, write the seed JSON, then `node build` with the same DATABASE_URL.
//
// Measured 2026-11 on the 2-core dev machine while other sessions used it too (load average
// 1.4–2.5), before and after back to back, 3 × 1,000 items per figure, server, database and
// bench on the same cores. Before: every item in its own savepoint, ~8 statements an item (4
// of them the audit event). Now: one INSERT per table for the whole batch and
// audit.recordMany (one lock and one update of the chain head per batch).
//
//                         before        now
//   PostgreSQL  unsigned   112 items/s   1,349 items/s
//               signed     112 items/s   1,025 items/s
//   PGlite      unsigned   142 items/s   1,486 items/s
//               signed     140 items/s   1,303 items/s
//   single POST /certificates (PostgreSQL): median 15 ms, p95 38 ms, p99 53 ms (unchanged)
// Under heavier load (average ~7) the same code gave 1,481 / 1,268 items/s on PostgreSQL.

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
