import { readFileSync } from 'node:fs';
import createClient, { type Middleware } from 'openapi-fetch';
import type { Certificate, paths } from '../clients/kensho-issuer-api';
import { clientFiles } from '../scripts/openapi';
import { demoUser, ORIGIN, seed, signIn } from './support/fixtures';
import { certificate, readQrFromPdf, sign, uniqueNumber } from './support/issuer-api';
import { expect, test, validator, Validator } from './support/openapi';

/**
 * An integrator's day: the whole issuer flow through a client generated from the document
 * (openapi-typescript types in clients/, openapi-fetch), every answer checked against the served
 * document. A renamed field fails `npm run check` here; a changed answer fails the run.
 */
const s = () => seed().issuers;

/** openapi-fetch middleware: each answer must match the document, or the call throws. */
function documented(v: Validator, seen: string[]): Middleware {
	return {
		async onResponse({ request, response, schemaPath }) {
			const problems = await v.problems({
				method: request.method,
				url: response.url,
				status: response.status,
				headers: Object.fromEntries(response.headers),
				body: async () => Buffer.from(await response.clone().arrayBuffer())
			});
			expect(problems, `${request.method} ${schemaPath}`).toEqual([]);
			seen.push(`${request.method} ${schemaPath} ${response.status}`);
		}
	};
}

test('register, batch, amend, read 閲覧状況, reissue, print the notice and cancel through the generated client', async ({
	page
}) => {
	test.setTimeout(120_000);
	const seen: string[] = [];
	const client = createClient<paths>({
		baseUrl: ORIGIN,
		headers: { Authorization: `Bearer ${s().a.clientToken}` }
	});
	client.use(documented(await validator(), seen));
	const body: Certificate = certificate();

	// Register, and retry with the same Idempotency-Key: the first answer comes back.
	const idempotency = { header: { 'Idempotency-Key': `client-${body.guaranteeNumber}` } };
	const first = await client.POST('/api/v1/certificates', { body, params: idempotency });
	expect(first.response.status).toBe(201);
	const created = first.data!;
	expect(created).toMatchObject({
		guaranteeNumber: body.guaranteeNumber,
		version: 1,
		signed: false
	});
	const retry = await client.POST('/api/v1/certificates', { body, params: idempotency });
	expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
	expect(retry.data).toEqual(created);
	const again = await client.POST('/api/v1/certificates', { body });
	expect(again.error?.type).toBe('/problems/duplicate');

	// A signed registration: the same operation, the body a compact JWS.
	const signedBody = certificate();
	const signed = await client.POST('/api/v1/certificates', {
		body: await sign(signedBody, s().a.kid),
		bodySerializer: (jws) => jws as string,
		headers: { 'Content-Type': 'application/jose' }
	});
	expect(signed.data?.signed).toBe(true);

	// A batch: one plain item, one signed, one refused.
	const batch = await client.POST('/api/v1/certificates/batch', {
		body: {
			items: [
				certificate(),
				{ jws: await sign(certificate(), s().a.kid) },
				certificate({ guaranteeNumber: '!' })
			]
		}
	});
	expect(batch.data?.results.map((r) => r.status)).toEqual([201, 201, 422]);

	// A change (変更): version 2, the key unchanged.
	const path = { path: { id: created.id } };
	const amended = await client.POST('/api/v1/certificates/{id}/amendments', {
		params: path,
		body: {
			amendedOn: '2026-12-10',
			reason: '増額',
			changes: {
				works: { contractAmount: 42350000 },
				guarantee: { amount: 16940000, advancePaymentAmount: 16940000 }
			}
		}
	});
	expect(amended.data).toEqual({ id: created.id, version: 2, status: 'valid' });

	// A clerk of 白子町 opens the certificate with the key; the issuer sees the view (閲覧状況).
	await signIn(page, demoUser('tanaka'));
	const verified = await page.request.post('/verify', {
		form: {
			guaranteeNumber: created.guaranteeNumber,
			authKey: created.authKey,
			purpose: 'advance_payment'
		},
		headers: { origin: ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(verified.headers()['location']).toBe(`/certificates/${created.id}`);
	await page.goto(`/certificates/${created.id}`);
	const views = await client.GET('/api/v1/certificates/{id}/views', { params: path });
	expect(views.data?.views).toEqual([
		{ at: expect.any(String), organization: '124249', purpose: 'advance_payment' }
	]);

	const read = await client.GET('/api/v1/certificates/{id}', { params: path });
	expect(read.data?.versions.map((v) => [v.version, v.works.contractAmount])).toEqual([
		[1, 38500000],
		[2, 42350000]
	]);

	// Reissue the key: the old one no longer prints a notice, the new one does.
	const reissued = await client.POST('/api/v1/certificates/{id}/auth-key', { params: path });
	const { authKey, qr } = reissued.data!;
	expect(authKey).not.toBe(created.authKey);
	const number = created.guaranteeNumber;
	const old = await client.POST('/api/v1/notices', {
		body: { guaranteeNumber: number, authKey: created.authKey }
	});
	expect(old.error?.errors?.[0].path).toBe('/authKey');
	const notice = await client.POST('/api/v1/notices', {
		body: { guaranteeNumber: number, authKey },
		parseAs: 'arrayBuffer'
	});
	expect(notice.response.headers.get('content-type')).toBe('application/pdf');
	expect(await readQrFromPdf(Buffer.from(notice.data!))).toEqual([qr]);

	// 解約, then a change is refused with a typed problem.
	const cancelled = await client.POST('/api/v1/certificates/{id}/cancellation', {
		params: path,
		body: { cancelledOn: '2027-01-15', reason: '契約解除' }
	});
	expect(cancelled.data).toEqual({ id: created.id, status: 'cancelled' });
	const refused = await client.POST('/api/v1/certificates/{id}/amendments', {
		params: path,
		body: { amendedOn: '2027-01-20', reason: 'その他', changes: { works: { name: '変更' } } }
	});
	expect(refused.error?.type).toBe('/problems/cancelled');
	expect((await client.GET('/api/v1/certificates/{id}', { params: path })).data?.status).toBe(
		'cancelled'
	);

	expect(new Set(seen.map((line) => line.split(' ').slice(0, 2).join(' ')))).toEqual(
		new Set(
			Object.entries((await validator()).doc.paths).flatMap(([p, ops]) =>
				Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`)
			)
		)
	);
});

test('the published document and types in clients/ are those the server serves', async ({
	request
}) => {
	const served = await (await request.get('/api/v1/openapi.json')).json();
	for (const [name, text] of Object.entries(await clientFiles(served))) {
		const committed = readFileSync(`clients/${name}`, 'utf8');
		expect(committed === text, `clients/${name} is stale: run npm run openapi`).toBe(true);
	}
});

test('the validator refuses answers the document does not describe', async () => {
	const v = await validator();
	const answer = (status: number, headers: Record<string, string>, body: unknown) => ({
		method: 'POST',
		url: `${ORIGIN}/api/v1/certificates/${crypto.randomUUID()}/auth-key`,
		status,
		headers: { 'content-type': 'application/json', ...headers },
		body: async () => Buffer.from(JSON.stringify(body))
	});
	const key = {
		authKey: '7K3M-Q9ZD-4HBT-X1RW-PQ2C',
		qr: `KENSHO:1:${uniqueNumber()}:7K3M-Q9ZD-4HBT-X1RW-PQ2C`
	};
	expect(await v.problems(answer(200, {}, key))).toEqual([]);
	const problemJson = { 'content-type': 'application/problem+json' };
	const tooMany = { type: '/problems/rate-limited', title: 'Too Many Requests', status: 429 };
	for (const [wrong, expected] of [
		[answer(201, {}, key), /status not documented/],
		[answer(200, {}, { ...key, authKeyHash: 'x' }), /must NOT have additional properties/],
		[answer(200, {}, { authKey: 'nope', qr: key.qr }), /must match pattern/],
		[answer(200, { 'retry-after': '5' }, key), /header retry-after not documented/],
		[answer(429, problemJson, tooMany), /required header Retry-After missing/],
		[answer(429, { ...problemJson, 'retry-after': 'soon' }, tooMany), /header Retry-After/],
		[answer(200, { 'content-type': 'text/html' }, key), /content type text\/html not documented/]
	] as const) {
		expect((await v.problems(wrong)).join('\n')).toMatch(expected);
	}
	expect(await v.problems({ ...answer(200, {}, key), method: 'DELETE' })).toEqual([
		expect.stringMatching(/not in the document/)
	]);
});
