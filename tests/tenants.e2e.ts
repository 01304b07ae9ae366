import { expect, test } from '@playwright/test';
import { demoUser, ORIGIN, seed, signIn } from './support/fixtures';
import { certificate } from './support/issuer-api';

/**
 * The tenant matrix: everything of 白子町 and of issuer A, tried by a clerk of 長生村 and by
 * issuer B. Every attempt answers exactly like something that does not exist.
 */
test('a clerk of another organisation finds nothing of 白子町', async ({ page, browser }) => {
	const owner = await (await browser.newContext()).newPage();
	await signIn(owner, demoUser('tanaka'));
	await owner.goto('/contracts/new');
	await owner.getByLabel('契約番号').fill(`T-${Date.now()}`);
	await owner.getByLabel('工事名').fill('テナント確認工事');
	await owner.getByLabel('受注者名').fill('株式会社白子建設');
	await owner.getByLabel('請負代金額（円・税込）').fill('1000000');
	await owner.getByLabel('工期（自）').fill('2026-07-01');
	await owner.getByLabel('工期（至）').fill('2027-03-31');
	await owner.getByRole('button', { name: '登録する' }).click();
	await expect(owner).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
	const contractPath = new URL(owner.url()).pathname;
	const certificatePath = `/certificates/${seed().guarantees.original.id}`;

	await signIn(page, demoUser('yamada'));
	for (const path of [certificatePath, contractPath, `${contractPath}/record`]) {
		expect((await page.goto(path))?.status(), path).toBe(404);
	}
	const form = { guaranteeNumber: 'X', authKey: 'X', purpose: 'contract', changedOn: '2026-10-01' };
	for (const action of [
		`${certificatePath}?/print`,
		`${contractPath}?/attach`,
		`${contractPath}?/change`,
		`${contractPath}?/confirm`,
		`${contractPath}?/detach`,
		`${contractPath}?/other-security`,
		`${contractPath}?/withdraw-security`,
		`${contractPath}?/complete`
	]) {
		const response = await page.request.post(action, {
			form,
			headers: { origin: ORIGIN, accept: 'application/json' }
		});
		// SvelteKit answers an action's error with its status, and the error page's message.
		expect(response.status(), action).toBe(404);
		expect(JSON.stringify(await response.json())).toContain('ページが見つかりません');
	}
	await expect(page.getByText('テナント確認工事')).toHaveCount(0);
	await page.goto('/contracts');
	await expect(page.getByText('テナント確認工事')).toHaveCount(0);

	// Every attempt is in 長生村's own trail as a denied event, read by its auditor.
	const auditor = await (await browser.newContext()).newPage();
	await signIn(auditor, seed().users.choseiAuditor);
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
	const csv = await (
		await auditor.request.get(`/audit/export.csv?from=${today}&to=${today}`)
	).text();
	const denied = (action: string) =>
		csv
			.split('\r\n')
			// The CSV writes each code beside its label: "certificate.view","拒否","denied".
			.filter(
				(line) => line.includes(`"${action}","拒否","denied"`) && line.includes('"124231/yamada"')
			).length;
	expect(denied('certificate.view'), csv).toBeGreaterThanOrEqual(1);
	expect(denied('certificate.print')).toBeGreaterThanOrEqual(1);
	// The page, then attach, change, confirm, detach, other-security, withdraw-security, complete.
	expect(denied('contract.view')).toBeGreaterThanOrEqual(8);
	expect(denied('contract.print')).toBeGreaterThanOrEqual(1);
});

test('another issuer finds nothing of issuer A', async ({ request }) => {
	const { a, b } = seed().issuers;
	const auth = (token: string) => ({ authorization: `Bearer ${token}` });
	const created = await request.post('/api/v1/certificates', {
		headers: auth(a.token),
		data: certificate()
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();
	const missing = await request.get(`/api/v1/certificates/${crypto.randomUUID()}`, {
		headers: auth(b.token)
	});
	expect(missing.status()).toBe(404);
	const notFound = await missing.json();

	const calls = [
		request.get(`/api/v1/certificates/${id}`, { headers: auth(b.token) }),
		request.get(`/api/v1/certificates/${id}/views`, { headers: auth(b.token) }),
		request.post(`/api/v1/certificates/${id}/amendments`, {
			headers: auth(b.token),
			data: {
				amendedOn: '2026-12-10',
				reason: '増額',
				changes: { guarantee: { amount: 2_000_000 } }
			}
		}),
		request.post(`/api/v1/certificates/${id}/cancellation`, {
			headers: auth(b.token),
			data: { cancelledOn: '2027-01-15', reason: '誤登録' }
		}),
		request.post(`/api/v1/certificates/${id}/auth-key`, { headers: auth(b.token) })
	];
	for (const response of await Promise.all(calls)) {
		expect(response.status(), response.url()).toBe(404);
		const body = await response.json();
		expect({ ...body, instance: undefined, detail: undefined }).toEqual({
			...notFound,
			instance: undefined,
			detail: undefined
		});
	}
	const own = await request.get(`/api/v1/certificates/${id}`, { headers: auth(a.token) });
	expect((await own.json()).status).toBe('valid');
});
