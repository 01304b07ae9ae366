import { type APIResponse } from '@playwright/test';
import { expect, test } from './support/openapi';
import { seed } from './support/fixtures';
import { bearer, certificate, post, readQrFromPdf, sign, uniqueNumber } from './support/issuer-api';

/** The issuer ingest API through real HTTP (shared/API.md §1). */
const s = () => seed().issuers;
const PROBLEM = 'application/problem+json';

async function problem(response: APIResponse, status: number) {
	expect(response.status()).toBe(status);
	expect(response.headers()['content-type']).toContain(PROBLEM);
	const body = await response.json();
	expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
	return body;
}

test.describe('registering a guarantee', () => {
	test('201 with the auth key and QR payload, then GET shows it without any key', async ({
		request
	}) => {
		const body = certificate({ guaranteeNumber: `ｅ１２-${uniqueNumber()}`.toLowerCase() });
		const response = await post(request, '/api/v1/certificates', s().a.token, body);
		expect(response.status()).toBe(201);
		const created = await response.json();
		const number = body.guaranteeNumber.normalize('NFKC').toUpperCase();
		expect(created).toMatchObject({
			guaranteeNumber: number,
			version: 1,
			status: 'valid',
			signed: false
		});
		expect(created.authKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
		expect(created.qr).toBe(`KENSHO:1:${number}:${created.authKey}`);

		const read = await request.get(`/api/v1/certificates/${created.id}`, {
			headers: bearer(s().a.token)
		});
		expect(read.status()).toBe(200);
		const text = await read.text();
		expect(text).not.toContain(created.authKey);
		const got = JSON.parse(text);
		expect(got).toMatchObject({
			id: created.id,
			kind: 'advance_payment',
			status: 'valid',
			signed: false
		});
		expect(got.versions).toHaveLength(1);
		expect(got.versions[0].works.contractAmount).toBe(38500000);
		expect(got).not.toHaveProperty('authKeyHash');

		const views = await request.get(`/api/v1/certificates/${created.id}/views`, {
			headers: bearer(s().a.token)
		});
		expect(await views.json()).toEqual({ views: [] });
	});

	test('401 for a missing, malformed, unknown or revoked token', async ({ request }) => {
		const body = certificate();
		for (const headers of [
			{},
			{ authorization: 'Basic abc' },
			bearer('kensho_aaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'),
			bearer(s().a.revokedToken)
		]) {
			const response = await request.post('/api/v1/certificates', {
				headers: { 'content-type': 'application/json', ...headers },
				data: JSON.stringify(body)
			});
			await problem(response, 401);
			expect(response.headers()['www-authenticate']).toBe('Bearer');
		}
	});

	test('404 for another issuer’s guarantee, exactly as for one that does not exist', async ({
		request
	}) => {
		const created = await (
			await post(request, '/api/v1/certificates', s().a.token, certificate())
		).json();
		for (const [method, suffix] of [
			['get', ''],
			['get', '/views'],
			['post', '/auth-key'],
			['post', '/cancellation']
		] as const) {
			const url = `/api/v1/certificates/${created.id}${suffix}`;
			const other =
				method === 'get'
					? await request.get(url, { headers: bearer(s().b.token) })
					: await post(request, url, s().b.token, { cancelledOn: '2027-01-15' });
			const missing = await (method === 'get'
				? request.get(url.replace(created.id, crypto.randomUUID()), {
						headers: bearer(s().b.token)
					})
				: post(request, url.replace(created.id, crypto.randomUUID()), s().b.token, {
						cancelledOn: '2027-01-15'
					}));
			expect(await problem(other, 404)).toEqual(await problem(missing, 404));
		}
		await problem(
			await request.get('/api/v1/certificates/not-a-uuid', { headers: bearer(s().a.token) }),
			404
		);
	});

	test('409 for a number already registered by this issuer (after normalisation)', async ({
		request
	}) => {
		const body = certificate();
		expect((await post(request, '/api/v1/certificates', s().a.token, body)).status()).toBe(201);
		const again = { ...body, guaranteeNumber: ` ${body.guaranteeNumber.toLowerCase()} ` };
		const response = await post(request, '/api/v1/certificates', s().a.token, again);
		expect((await problem(response, 409)).type).toBe('/problems/duplicate');
		// Another issuer may use the same number.
		expect((await post(request, '/api/v1/certificates', s().b.token, body)).status()).toBe(201);
	});

	test('413 over 256 KiB, 415 for other content types, 400 for broken JSON', async ({
		request
	}) => {
		const big = certificate({ works: { ...certificate().works, name: 'x'.repeat(300 * 1024) } });
		await problem(await post(request, '/api/v1/certificates', s().a.token, big), 413);
		await problem(
			await post(request, '/api/v1/certificates', s().a.token, '<x/>', {
				'content-type': 'application/xml'
			}),
			415
		);
		await problem(await post(request, '/api/v1/certificates', s().a.token, '{"kind":', {}), 400);
	});

	test('422 with a JSON Pointer for every field at fault', async ({ request }) => {
		const body = certificate({
			kind: 'contract',
			extra: 1,
			orderer: { code: '124240', name: '白子町' },
			works: { ...certificate().works, contractAmount: '38500000', startOn: '2027-03-01' },
			guarantee: { ...certificate().guarantee, endOn: '2026-02-30' }
		});
		const errors = (
			await problem(await post(request, '/api/v1/certificates', s().a.token, body), 422)
		).errors;
		const paths = errors.map((e: { path: string }) => e.path).sort();
		expect(paths).toEqual(
			['/extra', '/guarantee/endOn', '/orderer/code', '/works/contractAmount'].sort()
		);

		const crossField = certificate({
			kind: 'contract',
			works: { ...certificate().works, startOn: '2027-03-01' }
		});
		const cross = await problem(
			await post(request, '/api/v1/certificates', s().a.token, crossField),
			422
		);
		expect(cross.errors.map((e: { path: string }) => e.path).sort()).toEqual([
			'/guarantee/advancePaymentAmount',
			'/works/endOn'
		]);

		// A valid code that no organisation in the portal has.
		const unknown = certificate({ orderer: { code: '011002', name: '札幌市長' } });
		const body2 = await problem(
			await post(request, '/api/v1/certificates', s().a.token, unknown),
			422
		);
		expect(body2.errors).toEqual([{ path: '/orderer/code', message: expect.any(String) }]);
	});

	test('429 with Retry-After when a token exceeds its rate limit', async ({ request }) => {
		const token = s().a.rateLimitToken;
		let limited: APIResponse | undefined;
		for (let round = 0; round < 20 && !limited; round++) {
			const responses = await Promise.all(
				Array.from({ length: 50 }, () =>
					request.get(`/api/v1/certificates/${crypto.randomUUID()}`, { headers: bearer(token) })
				)
			);
			limited = responses.find((r) => r.status() === 429);
		}
		expect(limited).toBeDefined();
		await problem(limited!, 429);
		expect(Number(limited!.headers()['retry-after'])).toBeGreaterThan(0);
		// Another token of the same issuer is not affected.
		expect(
			(
				await request.get(`/api/v1/certificates/${crypto.randomUUID()}`, {
					headers: bearer(s().a.token)
				})
			).status()
		).toBe(404);
	});
});

test.describe('signed submissions', () => {
	test('a signed body is accepted and its key id recorded', async ({ request }) => {
		const jws = await sign(certificate(), s().a.kid);
		const response = await post(request, '/api/v1/certificates', s().a.token, jws, {
			'content-type': 'application/jose'
		});
		expect(response.status()).toBe(201);
		const created = await response.json();
		expect(created.signed).toBe(true);
		const got = await (
			await request.get(`/api/v1/certificates/${created.id}`, { headers: bearer(s().a.token) })
		).json();
		expect(got.versions[0]).toMatchObject({ signed: true, signatureKid: s().a.kid });
	});

	test('a tampered JWS, an unknown kid and a foreign key are refused with 422', async ({
		request
	}) => {
		const jws = await sign(certificate(), s().a.kid);
		const [header, , signature] = jws.split('.');
		const forged = Buffer.from(JSON.stringify(certificate())).toString('base64url');
		const jose = { 'content-type': 'application/jose' };
		for (const bad of [
			`${header}.${forged}.${signature}`,
			await sign(certificate(), 'nope'),
			'a.b'
		]) {
			const body = await problem(
				await post(request, '/api/v1/certificates', s().a.token, bad, jose),
				422
			);
			expect(body.type).toBe('/problems/signature');
		}
		// The signer's kid is not among issuer B's keys.
		await problem(
			await post(
				request,
				'/api/v1/certificates',
				s().b.token,
				await sign(certificate(), s().signer.kid),
				jose
			),
			422
		);
	});

	test('an issuer that must sign gets 422 for a plain body and 201 for a signed one', async ({
		request
	}) => {
		const plain = await post(request, '/api/v1/certificates', s().signer.token, certificate());
		expect((await problem(plain, 422)).type).toBe('/problems/signature-required');
		const signed = await post(
			request,
			'/api/v1/certificates',
			s().signer.token,
			await sign(certificate(), s().signer.kid),
			{
				'content-type': 'application/jose'
			}
		);
		expect(signed.status()).toBe(201);
	});
});

test.describe('Idempotency-Key', () => {
	test('replays the first answer, refuses another body with 422', async ({ request }) => {
		const key = `idem-${uniqueNumber()}`;
		const body = certificate();
		const first = await post(request, '/api/v1/certificates', s().a.token, body, {
			'idempotency-key': key
		});
		expect(first.status()).toBe(201);
		const again = await post(request, '/api/v1/certificates', s().a.token, body, {
			'idempotency-key': key
		});
		expect(again.status()).toBe(201);
		expect(again.headers()['idempotent-replayed']).toBe('true');
		expect(await again.json()).toEqual(await first.json());
		const other = await post(request, '/api/v1/certificates', s().a.token, certificate(), {
			'idempotency-key': key
		});
		expect((await problem(other, 422)).type).toBe('/problems/idempotency-mismatch');
		// Keys are scoped to the issuer: B may use the same key for its own request.
		expect(
			(
				await post(request, '/api/v1/certificates', s().b.token, body, { 'idempotency-key': key })
			).status()
		).toBe(201);
	});

	test('50 concurrent identical requests create exactly one guarantee', async ({ request }) => {
		const key = `idem-${uniqueNumber()}`;
		const body = certificate();
		const responses = await Promise.all(
			Array.from({ length: 50 }, () =>
				post(request, '/api/v1/certificates', s().a.token, body, { 'idempotency-key': key })
			)
		);
		const statuses = responses.map((r) => r.status());
		expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
		const fresh = responses.filter(
			(r) => r.status() === 201 && !r.headers()['idempotent-replayed']
		);
		expect(fresh).toHaveLength(1);
		const ids = new Set(
			await Promise.all(
				responses.filter((r) => r.status() === 201).map(async (r) => (await r.json()).id)
			)
		);
		expect(ids.size).toBe(1);
		// The number exists exactly once: without the key, a retry is a duplicate.
		expect((await post(request, '/api/v1/certificates', s().a.token, body)).status()).toBe(409);
	});
});

test.describe('batch', () => {
	test('mixed good and bad items each answer for themselves', async ({ request }) => {
		const dup = certificate();
		const items = [
			certificate(),
			certificate({ kind: 'oops' }),
			dup,
			dup,
			{ jws: await sign(certificate(), s().a.kid) },
			{ jws: 'not.a.jws' },
			certificate({
				kind: 'contract',
				guarantee: { amount: 3850000, startOn: '2026-07-01', endOn: '2027-02-26' }
			})
		];
		const response = await post(request, '/api/v1/certificates/batch', s().a.token, { items });
		expect(response.status()).toBe(200);
		const { results } = await response.json();
		expect(results.map((r: { index: number; status: number }) => [r.index, r.status])).toEqual([
			[0, 201],
			[1, 422],
			[2, 201],
			[3, 409],
			[4, 201],
			[5, 422],
			[6, 201]
		]);
		expect(results[1].problem.errors[0].path).toBe('/kind');
		expect(results[4].body.signed).toBe(true);
		expect(results[0].body.authKey).toMatch(/^[0-9A-Z]{4}-/);
	});

	test('an issuer that must sign gets 422 for plain items; more than 1,000 items is 422', async ({
		request
	}) => {
		const response = await post(request, '/api/v1/certificates/batch', s().signer.token, {
			items: [certificate(), { jws: await sign(certificate(), s().signer.kid) }]
		});
		const { results } = await response.json();
		expect(results.map((r: { status: number }) => r.status)).toEqual([422, 201]);
		const tooMany = await post(request, '/api/v1/certificates/batch', s().a.token, {
			items: Array(1001).fill({})
		});
		expect((await problem(tooMany, 422)).errors[0].path).toBe('/items');
	});
});

test.describe('changes, cancellation, key reissue and the notice', () => {
	async function notice(
		request: Parameters<Parameters<typeof test>[2]>[0]['request'],
		number: string,
		authKey: string
	) {
		return post(request, '/api/v1/notices', s().a.token, { guaranteeNumber: number, authKey });
	}

	test('an amendment makes version 2 and keeps the key; the notice QR decodes to the payload', async ({
		request
	}) => {
		const created = await (
			await post(request, '/api/v1/certificates', s().a.token, certificate())
		).json();
		const change = {
			amendedOn: '2026-12-10',
			reason: '増額',
			changes: {
				works: { contractAmount: 42350000 },
				guarantee: { amount: 16940000, advancePaymentAmount: 16940000 }
			}
		};
		const amended = await post(
			request,
			`/api/v1/certificates/${created.id}/amendments`,
			s().a.token,
			change
		);
		expect(amended.status()).toBe(201);
		expect(await amended.json()).toEqual({ id: created.id, version: 2, status: 'valid' });
		const bad = await post(request, `/api/v1/certificates/${created.id}/amendments`, s().a.token, {
			...change,
			changes: { kind: 'contract', guarantee: { endOn: '2020-01-01' } }
		});
		expect((await problem(bad, 422)).errors.map((e: { path: string }) => e.path)).toEqual([
			'/changes/kind'
		]);
		const got = await (
			await request.get(`/api/v1/certificates/${created.id}`, { headers: bearer(s().a.token) })
		).json();
		expect(got.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
		expect(got.versions[1]).toMatchObject({
			amendmentReason: '増額',
			works: { contractAmount: 42350000 }
		});

		const pdf = await notice(request, created.guaranteeNumber, created.authKey.toLowerCase());
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		const bytes = await pdf.body();
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(await readQrFromPdf(bytes)).toEqual([created.qr]);
	});

	test('reissue makes the old key fail at once', async ({ request }) => {
		const created = await (
			await post(request, '/api/v1/certificates', s().a.token, certificate())
		).json();
		const reissued = await post(
			request,
			`/api/v1/certificates/${created.id}/auth-key`,
			s().a.token
		);
		expect(reissued.status()).toBe(200);
		const { authKey, qr } = await reissued.json();
		expect(authKey).not.toBe(created.authKey);
		expect(qr).toBe(`KENSHO:1:${created.guaranteeNumber}:${authKey}`);
		const old = await problem(await notice(request, created.guaranteeNumber, created.authKey), 422);
		expect(old.errors[0].path).toBe('/authKey');
		expect((await notice(request, created.guaranteeNumber, authKey)).status()).toBe(200);
	});

	test('cancellation answers 200 twice, then amendments are refused with 409', async ({
		request
	}) => {
		const created = await (
			await post(request, '/api/v1/certificates', s().a.token, certificate())
		).json();
		for (let i = 0; i < 2; i++) {
			const response = await post(
				request,
				`/api/v1/certificates/${created.id}/cancellation`,
				s().a.token,
				{
					cancelledOn: '2027-01-15',
					reason: '契約解除'
				}
			);
			expect(response.status()).toBe(200);
			expect(await response.json()).toEqual({ id: created.id, status: 'cancelled' });
		}
		const amend = await post(
			request,
			`/api/v1/certificates/${created.id}/amendments`,
			s().a.token,
			{
				amendedOn: '2027-01-20',
				reason: 'その他',
				changes: { contractor: { representative: '代表取締役 白子 次郎' } }
			}
		);
		expect((await problem(amend, 409)).type).toBe('/problems/cancelled');
		const got = await (
			await request.get(`/api/v1/certificates/${created.id}`, { headers: bearer(s().a.token) })
		).json();
		expect(got).toMatchObject({ status: 'cancelled', cancelledOn: '2027-01-15' });
	});
});
