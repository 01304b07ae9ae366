import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import { ORIGIN, demoUser, expectAccessible, screenshot, seed, signIn } from './support/fixtures';
import { bearer, certificate, post, sign, uniqueNumber } from './support/issuer-api';

/**
 * Issue 12, through real HTTP: every bad input is a 4xx with a reason, never a 5xx, and nothing
 * of a refused request is stored; a signed change is bound to its guarantee and its time and
 * accepted once. Each case here was a 500 (or a replay that worked) before.
 */
const issuer = () => seed().issuers.a;
const html = { origin: ORIGIN, accept: 'text/html' };
const BAD_DATES = ['0000-01-01', '2200-01-01', '2026-02-30', '1899-12-31'];
const RLO = '\u202E';

async function problem(response: APIResponse, status: number) {
	expect(response.status(), await response.text()).toBe(status);
	expect(response.headers()['content-type']).toContain('application/problem+json');
	return response.json();
}

async function clerk(): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: ORIGIN });
	const signedIn = await ctx.post('/login', {
		form: demoUser('tanaka'),
		headers: html,
		maxRedirects: 0
	});
	expect(signedIn.status()).toBe(303);
	return ctx;
}

/** A multipart body whose boundary never comes: not a form at all. */
const malformed = {
	headers: { ...html, 'content-type': 'multipart/form-data; boundary=kensho' },
	data: Buffer.from('--not-the-boundary\r\ngarbage'),
	maxRedirects: 0
};

test.describe('the issuer API', () => {
	test('a date outside 1900–2199 or not on the calendar is 422 naming the field, and nothing is stored', async ({
		request
	}) => {
		for (const day of BAD_DATES) {
			const body = certificate({ issuedOn: day });
			const refused = await problem(
				await post(request, '/api/v1/certificates', issuer().token, body),
				422
			);
			expect(refused.errors).toEqual([
				{ path: '/issuedOn', message: expect.stringContaining('1900-01-01') }
			]);
			// The number is still free: nothing of the refused request was kept.
			const again = await post(request, '/api/v1/certificates', issuer().token, {
				...body,
				issuedOn: '2026-07-04'
			});
			expect(again.status()).toBe(201);
		}
	});

	test('amend and cancel refuse a bad date with 422; the guarantee is unchanged', async ({
		request
	}) => {
		const created = await (
			await post(request, '/api/v1/certificates', issuer().token, certificate())
		).json();
		const base = `/api/v1/certificates/${created.id}`;
		for (const day of BAD_DATES) {
			const amend = { amendedOn: day, reason: '増額', changes: { works: { endOn: day } } };
			const refused = await problem(
				await post(request, `${base}/amendments`, issuer().token, amend),
				422
			);
			expect(refused.errors.map((e: { path: string }) => e.path).sort()).toEqual([
				'/amendedOn',
				'/changes/works/endOn'
			]);
			const cancel = await problem(
				await post(request, `${base}/cancellation`, issuer().token, { cancelledOn: day }),
				422
			);
			expect(cancel.errors[0].path).toBe('/cancelledOn');
		}
		const read = await (await request.get(base, { headers: bearer(issuer().token) })).json();
		expect(read).toMatchObject({ status: 'valid', version: 1 });
	});

	test('a batch with one bad date stores the good items', async ({ request }) => {
		const items = [certificate(), certificate({ issuedOn: '0000-01-01' }), certificate()];
		const response = await post(request, '/api/v1/certificates/batch', issuer().token, { items });
		expect(response.status()).toBe(200);
		const { results } = await response.json();
		expect(results.map((r: { status: number }) => r.status)).toEqual([201, 422, 201]);
		expect(results[1].problem.errors[0].path).toBe('/issuedOn');
		for (const index of [0, 2]) {
			const read = await request.get(`/api/v1/certificates/${results[index].body.id}`, {
				headers: bearer(issuer().token)
			});
			expect(read.status()).toBe(200);
		}
	});

	test('a lone surrogate (key or value) or a bidi control is 422 with the field’s JSON Pointer', async ({
		request
	}) => {
		const body = JSON.stringify(certificate());
		const cases: [string, string][] = [
			[body.replace('{', '{"\\ud800":1,'), '/\uFFFD'],
			[body.replace('"株式会社白子建設"', '"白子\\udc00建設"'), '/contractor/name'],
			[body.replace('"株式会社白子建設"', `"株式会社${RLO}建設白子"`), '/contractor/name'],
			[body.replace('"白子町古所地内"', '"\\u2066白子町\\u2069"'), '/works/location']
		];
		for (const [text, path] of cases) {
			const refused = await problem(
				await post(request, '/api/v1/certificates', issuer().token, text),
				422
			);
			expect(refused.errors.map((e: { path: string }) => e.path)).toContain(path);
		}
		const batch = await post(
			request,
			'/api/v1/certificates/batch',
			issuer().token,
			`{"items":[${cases[0][0]},${JSON.stringify(certificate())}]}`
		);
		const { results } = await batch.json();
		expect(results.map((r: { status: number }) => r.status)).toEqual([422, 201]);
	});
});

test.describe('signed changes over HTTP', () => {
	const jose = { 'content-type': 'application/jose' };
	const now = () => Math.floor(Date.now() / 1000);

	test('a replayed, retargeted or stale amendment is refused; the first one applies once', async ({
		request
	}) => {
		const [a, b] = await Promise.all(
			[1, 2].map(async () =>
				(await post(request, '/api/v1/certificates', issuer().token, certificate())).json()
			)
		);
		const amendment = {
			amendedOn: '2026-12-10',
			reason: '増額',
			changes: { works: { contractAmount: 42350000 } }
		};
		const jws = await sign(
			{ ...amendment, guaranteeNumber: a.guaranteeNumber, iat: now() },
			issuer().kid
		);
		const url = (id: string) => `/api/v1/certificates/${id}/amendments`;
		expect((await post(request, url(a.id), issuer().token, jws, jose)).status()).toBe(201);
		const replay = await problem(await post(request, url(a.id), issuer().token, jws, jose), 409);
		expect(replay.type).toBe('/problems/replayed');
		const retargeted = await problem(
			await post(request, url(b.id), issuer().token, jws, jose),
			422
		);
		expect(retargeted.errors[0].path).toBe('/guaranteeNumber');
		const stale = await sign(
			{ ...amendment, guaranteeNumber: b.guaranteeNumber, iat: now() - 3600 },
			issuer().kid
		);
		expect(
			(await problem(await post(request, url(b.id), issuer().token, stale, jose), 422)).errors[0]
				.path
		).toBe('/iat');
		const read = async (id: string) =>
			(await request.get(`/api/v1/certificates/${id}`, { headers: bearer(issuer().token) })).json();
		expect((await read(a.id)).versions).toHaveLength(2);
		expect((await read(a.id)).signed).toBe(true);
		expect((await read(b.id)).versions).toHaveLength(1);
	});

	test('a key reissue for an issuer that must sign needs a signed { guaranteeNumber, iat }', async ({
		request
	}) => {
		const signer = seed().issuers.signer;
		const jws = await sign(certificate({ guaranteeNumber: uniqueNumber('S') }), signer.kid);
		const created = await (
			await post(request, '/api/v1/certificates', signer.token, jws, jose)
		).json();
		const url = `/api/v1/certificates/${created.id}/auth-key`;
		const unsigned = await request.post(url, { headers: bearer(signer.token) });
		expect((await problem(unsigned, 422)).type).toBe('/problems/signature-required');
		const signed = await sign({ guaranteeNumber: created.guaranteeNumber, iat: now() }, signer.kid);
		const reissued = await post(request, url, signer.token, signed, jose);
		expect(reissued.status()).toBe(200);
		expect((await reissued.json()).authKey).not.toBe(created.authKey);
		expect((await post(request, url, signer.token, signed, jose)).status()).toBe(409);
	});
});

test.describe('forms and pages', () => {
	test('the contract forms answer 400 naming the date or the text, and store nothing', async () => {
		const ctx = await clerk();
		const form = (values: Record<string, string>) => ({
			contractNumber: `IN-${uniqueNumber()}`,
			worksName: '町道舗装工事',
			contractorName: '株式会社白子建設',
			contractAmount: '38500000',
			startOn: '2026-07-01',
			endOn: '2027-02-26',
			...values
		});
		const refused: string[] = [];
		const cases: Record<string, string>[] = [
			...BAD_DATES.map((day) => ({ startOn: day })),
			{ endOn: '2026-02-30' },
			{ worksName: `町道${RLO}工事舗装` },
			{ contractorName: '株式会社\u2067白子建設' }
		];
		for (const values of cases) {
			const sent = form(values);
			const response = await ctx.post('/contracts/new', {
				form: sent,
				headers: html,
				maxRedirects: 0
			});
			const page = await response.text();
			expect(response.status(), JSON.stringify(values)).toBe(400);
			const field = Object.keys(values)[0];
			expect(page).toContain(`id="${field}-error"`);
			// Refused, and not rendered back either.
			expect(page).not.toContain(RLO);
			expect(page).not.toContain('\u2067');
			refused.push(sent.contractNumber);
		}
		const list = await (await ctx.get('/contracts', { headers: html })).text();
		for (const number of refused) expect(list).not.toContain(number);

		const created = await ctx.post('/contracts/new', {
			form: form({}),
			headers: html,
			maxRedirects: 0
		});
		expect(created.status()).toBe(303);
		const file = created.headers()['location'];
		const update = await ctx.post(`${file}?/update`, {
			form: form({ endOn: '0000-01-01' }),
			headers: html,
			maxRedirects: 0
		});
		expect(update.status()).toBe(400);
		const change = await ctx.post(`${file}?/change`, {
			form: { changedOn: '2200-01-01', contractAmount: '40000000' },
			headers: html,
			maxRedirects: 0
		});
		expect(change.status()).toBe(400);
		expect(await change.text()).toContain('2199-12-31');
	});

	test('a malformed multipart body is 400 on /login, /verify and /language', async () => {
		const anonymous = await playwrightRequest.newContext({ baseURL: ORIGIN });
		const signedIn = await clerk();
		for (const [ctx, path] of [
			[anonymous, '/login'],
			[signedIn, '/verify'],
			[signedIn, '/contracts/import'],
			[anonymous, '/language']
		] as const) {
			const response = await ctx.post(path, malformed);
			expect(response.status(), path).toBe(400);
			expect(await response.text()).toContain('送信されたフォームを読み取れませんでした');
		}
	});

	test('/language returns only to a same-site ASCII path', async ({ request }) => {
		const cases: [string, string][] = [
			['/contracts?x=1', '/contracts?x=1'],
			['/／／evil.example', '/'],
			['//evil.example', '/'],
			['/\\evil.example', '/'],
			['https://evil.example/', '/'],
			['/%2F%2Fevil', '/%2F%2Fevil']
		];
		for (const [back, location] of cases) {
			const response = await request.post('/language', {
				form: { lang: 'en', back },
				headers: html,
				maxRedirects: 0
			});
			expect(response.status(), back).toBe(303);
			expect(response.headers()['location'], back).toBe(location);
		}
	});

	test('the audit screen and its CSV check dates and cursors before anything is sent', async () => {
		const ctx = await playwrightRequest.newContext({ baseURL: ORIGIN });
		expect(
			(
				await ctx.post('/login', { form: demoUser('kansa'), headers: html, maxRedirects: 0 })
			).status()
		).toBe(303);
		for (const query of [
			'before=999999999999999-9999999999999999999',
			'before=1-99999999999999999',
			'from=0000-01-01',
			'to=2026-02-30'
		]) {
			const page = await ctx.get(`/audit?${query}`, { headers: html });
			expect(page.status(), query).toBe(200);
			expect(await page.text()).toContain('絞り込み条件が正しくありません');
		}
		for (const query of ['from=0000-01-01', 'to=2200-01-01', 'from=2026-02-30']) {
			const csv = await ctx.get(`/audit/export.csv?${query}`, { headers: html });
			expect(csv.status(), query).toBe(400);
			expect(await csv.text()).toContain('1900-01-01');
		}
		const good = await ctx.get('/audit/export.csv?from=2026-01-01');
		expect(good.status()).toBe(200);
		expect((await good.text()).startsWith('\uFEFF"日時')).toBe(true);
	});
});

test.describe('the contract import page', () => {
	const header = '契約番号,工事名,受注者,請負代金額,工期開始,工期終了';

	test('shows the first 100 refused lines and offers all of them; another town gets 404', async () => {
		const ctx = await clerk();
		const prefix = uniqueNumber('IMP');
		const lines = [header];
		for (let i = 0; i < 150; i++)
			lines.push(`${prefix}-${i},工事${i},株式会社白子建設,1000000,2026-04-01,0000-01-01`);
		lines.push(`${prefix}-ok,工事,株式会社白子建設,1000000,2026-04-01,2027-03-31`);
		const response = await ctx.post('/contracts/import', {
			multipart: {
				file: { name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) }
			},
			headers: html
		});
		expect(response.status()).toBe(200);
		const page = await response.text();
		expect(page).toContain('1 件を取り込みました。');
		expect(page).toContain('150 行は取り込みませんでした。');
		expect(page.match(/<tr data-line=/g)).toHaveLength(100);
		const link = /href="(\/contracts\/import\/[0-9a-f-]+\/rejected\.csv)"/.exec(page)![1];
		const all = await ctx.get(link);
		expect(all.status()).toBe(200);
		const csv = await all.text();
		expect(csv.trim().split('\r\n')).toHaveLength(151);
		expect(csv).toContain('"151","工期終了 は 1900-01-01');

		const other = await playwrightRequest.newContext({ baseURL: ORIGIN });
		await other.post('/login', { form: demoUser('yamada'), headers: html, maxRedirects: 0 });
		expect((await other.get(link)).status()).toBe(404);
	});

	test('refuses a file over 5 MB with the limit', async () => {
		const ctx = await clerk();
		const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
		const response = await ctx.post('/contracts/import', {
			multipart: { file: { name: 'big.csv', mimeType: 'text/csv', buffer: big } },
			headers: html
		});
		expect(response.status()).toBe(413);
		expect(await response.text()).toContain('5 MB まで');
	});
});

test.describe('in the browser', () => {
	test('a signed cancellation shows as signed on the certificate page (1280 and 320 px)', async ({
		page,
		request
	}) => {
		const created = await (
			await post(request, '/api/v1/certificates', issuer().token, certificate())
		).json();
		const cancellation = await sign(
			{
				cancelledOn: '2027-01-15',
				reason: '契約解除',
				guaranteeNumber: created.guaranteeNumber,
				iat: Math.floor(Date.now() / 1000)
			},
			issuer().kid
		);
		const cancelled = await post(
			request,
			`/api/v1/certificates/${created.id}/cancellation`,
			issuer().token,
			cancellation,
			{ 'content-type': 'application/jose' }
		);
		expect(cancelled.status()).toBe(200);
		await signIn(page, demoUser('tanaka'));
		await page.goto('/verify');
		await page.getByLabel('保証契約番号').fill(created.guaranteeNumber);
		await page.getByLabel('認証キー').fill(created.authKey);
		await page.getByLabel('契約時', { exact: true }).check();
		await page.getByRole('button', { name: '照合する' }).click();
		await expect(page).toHaveURL(`/certificates/${created.id}`);
		await expect(page.getByTestId('cancellation-signature')).toHaveText(
			new RegExp(`署名鍵「${issuer().kid}」で、解約の電子署名を確認しました`)
		);
		await expectAccessible(page);
		await screenshot(page, 'certificate-cancelled-signed');
		await page.setViewportSize({ width: 320, height: 800 });
		await screenshot(page, 'certificate-cancelled-signed-320');
	});

	test('the import page pages a long refusal list and says its limits (1280 and 320 px)', async ({
		page
	}) => {
		await signIn(page, demoUser('tanaka'));
		await page.goto('/contracts/import');
		await expect(page.getByText('1回に取り込めるのは 5 MB、10,000 行までです。')).toBeVisible();
		const prefix = uniqueNumber('IMB');
		const lines = ['契約番号,工事名,受注者,請負代金額,工期開始,工期終了'];
		for (let i = 0; i < 120; i++)
			lines.push(`${prefix}-${i},工事${i},株式会社白子建設,1000000,2026-04-01,2026-02-30`);
		await page.getByLabel('CSV ファイル').setInputFiles({
			name: '契約台帳.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(lines.join('\r\n'))
		});
		await page.getByRole('button', { name: '取り込む' }).click();
		await expect(page.getByTestId('imported')).toContainText('120 行は取り込みませんでした。');
		await expect(page.locator('[data-testid="rejected"] tbody tr')).toHaveCount(100);
		const download = page.waitForEvent('download');
		await page.getByTestId('download').click();
		expect((await download).suggestedFilename()).toMatch(/^contract-import-.*-rejected\.csv$/);
		await expectAccessible(page);
		await screenshot(page, 'contract-import-paged');
		await page.setViewportSize({ width: 320, height: 800 });
		await screenshot(page, 'contract-import-paged-320');
	});
});
