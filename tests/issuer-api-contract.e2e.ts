import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, test } from './support/openapi';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ORIGIN, seed } from './support/fixtures';
import { bearer, certificate, post } from './support/issuer-api';

/** The OpenAPI document, and a property test: whatever a client sends, never a 5xx. */
test('the OpenAPI 3.1 document validates and lists every endpoint', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	const doc = await response.json();
	const result = await new Validator().validate(doc);
	expect(result.errors ?? []).toEqual([]);
	expect(result.valid).toBe(true);
	expect(Object.keys(doc.paths).sort()).toEqual(
		[
			'/api/v1/certificates',
			'/api/v1/certificates/batch',
			'/api/v1/certificates/{id}',
			'/api/v1/certificates/{id}/amendments',
			'/api/v1/certificates/{id}/cancellation',
			'/api/v1/certificates/{id}/auth-key',
			'/api/v1/certificates/{id}/views',
			'/api/v1/notices'
		].sort()
	);
	expect(doc.components.schemas.Certificate.additionalProperties).toBe(false);
	const operations = Object.values(doc.paths).flatMap((item) => Object.values(item as object));
	expect(operations.map((op) => op.operationId).sort()).toEqual(
		[
			'registerCertificate',
			'registerCertificates',
			'getCertificate',
			'amendCertificate',
			'cancelCertificate',
			'reissueAuthKey',
			'listCertificateViews',
			'getNotice'
		].sort()
	);
	for (const op of operations) {
		expect(
			op.tags.every((tag: string) => doc.tags.some((t: { name: string }) => t.name === tag))
		).toBe(true);
		expect(op.summary).toMatch(/\p{Script=Han}|\p{Script=Katakana}/u); // the Japanese term
		expect(op.description.length).toBeGreaterThan(80);
	}
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	expect(doc.info.license.name).toBe(pkg.license);
	expect(doc.servers).toEqual([{ url: ORIGIN, description: expect.any(String) }]);
});

const LEAVES = [
	['kind'],
	['guaranteeNumber'],
	['issuedOn'],
	['orderer'],
	['orderer', 'code'],
	['orderer', 'name'],
	['contractor', 'name'],
	['contractor', 'address'],
	['works', 'contractAmount'],
	['works', 'startOn'],
	['works', 'endOn'],
	['guarantee', 'amount'],
	['guarantee', 'advancePaymentAmount'],
	['guarantee', 'endOn']
];

const mutation = fc.record({
	path: fc.constantFrom(...LEAVES),
	value: fc.oneof(
		fc.constant(undefined),
		fc.anything({ maxDepth: 2 }),
		fc.string({ unit: 'binary', maxLength: 40 }),
		fc.integer(),
		fc.double(),
		fc.constantFrom(
			'contract',
			'intermediate_advance_payment',
			'2026-02-29',
			'2027-13-01',
			'131008',
			'e12-ok-1'
		)
	)
});

type Json = Record<string, unknown>;
function mutate(body: Json, mutations: { path: string[]; value: unknown }[]): Json {
	const copy = structuredClone(body);
	for (const { path, value } of mutations) {
		let target: Json = copy;
		for (const key of path.slice(0, -1)) {
			if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
			target = target[key] as Json;
		}
		if (value === undefined) delete target[path.at(-1)!];
		else target[path.at(-1)!] = value;
	}
	return copy;
}

const bodies = fc.oneof(
	{
		weight: 5,
		arbitrary: fc
			.array(mutation, { minLength: 0, maxLength: 4 })
			.map((m) => JSON.stringify(mutate(certificate(), m)))
	},
	{ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.nat({ max: 400 }), fc.string({ maxLength: 3 }))
			.map(([cut, junk]) => JSON.stringify(certificate()).slice(0, cut) + junk)
	}
);

test('thousands of random and mutated bodies: only 201 or a 4xx problem, and the DB holds exactly the 201s', async ({
	request
}) => {
	// 2,500 requests, each answer also read and checked against the document (tests/support/openapi.ts).
	test.setTimeout(480_000);
	const tokens = seed().issuers.a.fuzzTokens;
	const created = new Map<string, string>();
	const refusedNumbers = new Set<string>();
	let run = 0;
	await fc.assert(
		fc.asyncProperty(bodies, async (text) => {
			const token = tokens[run++ % tokens.length];
			const response = await post(request, '/api/v1/certificates', token, text);
			const status = response.status();
			if (status === 201) {
				const body = await response.json();
				created.set(body.guaranteeNumber, body.id);
				return;
			}
			expect(status, text).toBeGreaterThanOrEqual(400);
			expect(status, text).toBeLessThan(500);
			expect(response.headers()['content-type']).toContain('application/problem+json');
			try {
				const number = JSON.parse(text).guaranteeNumber;
				if (typeof number === 'string')
					refusedNumbers.add(number.normalize('NFKC').trim().toUpperCase());
			} catch {
				// not JSON: nothing could have been stored
			}
		}),
		{ numRuns: 2500 }
	);
	expect(created.size).toBeGreaterThan(100);
	// Every 201 is there…
	for (const [i, [number, id]] of [...created].slice(0, 300).entries()) {
		const token = tokens[i % tokens.length];
		const got = await request.get(`/api/v1/certificates/${id}`, { headers: bearer(token) });
		expect((await got.json()).guaranteeNumber).toBe(number);
	}
	// …and no refused body left a guarantee behind: each refused number is still free.
	const free = [...refusedNumbers].filter(
		(n) => /^[0-9A-Z][0-9A-Z-]{2,31}$/.test(n) && !created.has(n)
	);
	for (let i = 0; i < free.length; i += 1000) {
		const items = free
			.slice(i, i + 1000)
			.map((guaranteeNumber) => certificate({ guaranteeNumber }));
		const { results } = await (
			await post(request, '/api/v1/certificates/batch', tokens[1], { items })
		).json();
		expect(results.filter((r: { status: number }) => r.status !== 201)).toEqual([]);
	}
});
