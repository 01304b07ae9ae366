import { expect, test } from '@playwright/test';
import {
	demoUser,
	expectAccessible,
	ORIGIN,
	screenshot,
	screenshotWidths,
	seed,
	signIn
} from './support/fixtures';

test.describe('sign-in', () => {
	test('the login page is in Japanese and accessible', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
		await expectAccessible(page);
		await screenshot(page, 'login');
	});

	test('a demo clerk signs in with the keyboard alone and reaches the home page', async ({
		page
	}) => {
		const user = demoUser('tanaka');
		await page.goto('/login');
		await page.keyboard.press('Tab'); // skip link
		await page.keyboard.press('Tab'); // brand
		await page.keyboard.press('Tab'); // language
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('団体コード（6桁）')).toBeFocused();
		await page.keyboard.type(user.organizationCode);
		await page.keyboard.press('Tab');
		await page.keyboard.type(user.username);
		await page.keyboard.press('Tab');
		await page.keyboard.type(user.password);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByText('白子町　田中 花子')).toBeVisible();
		await expectAccessible(page);
		await screenshot(page, 'home');
	});

	test('a wrong password and an unknown user get the same message', async ({ page }) => {
		const user = demoUser('kansa');
		await signInExpectingError(page, { ...user, password: 'wrong password!' });
		const wrongPassword = await page.getByRole('alert').textContent();
		await signInExpectingError(page, { ...user, username: 'nobody' });
		const unknownUser = await page.getByRole('alert').textContent();
		expect(wrongPassword).toBe(unknownUser);
		expect(wrongPassword).toContain('正しくありません');
		await expect(page.getByLabel('ユーザーID')).toHaveValue('nobody');
		await expect(page.getByLabel('パスワード')).toHaveValue('');
		await expectAccessible(page);
		await screenshot(page, 'login-error');
		await screenshotWidths(page, 'login-error');
	});

	test('the single-field form code/username works as API.md says', async ({ request }) => {
		const user = demoUser('kansa');
		const response = await request.post('/login', {
			form: { username: `${user.organizationCode}/${user.username}`, password: user.password },
			headers: { origin: ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/');
		const cookie = response.headers()['set-cookie'];
		expect(cookie).toMatch(/kensho_session=[a-z0-9]+\.[a-z0-9]+/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
	});

	test('a bad login answers 400 and throttling answers 429', async ({ request }) => {
		const user = seed().users.throttled;
		const post = (password: string) =>
			request.post('/login', {
				form: { organizationCode: user.organizationCode, username: user.username, password },
				headers: { origin: ORIGIN, accept: 'text/html' },
				maxRedirects: 0
			});
		for (let i = 0; i < 5; i++) expect((await post('not the password')).status()).toBe(400);
		const throttled = await post(user.password);
		expect(throttled.status()).toBe(429);
		expect(Number(throttled.headers()['retry-after'])).toBeGreaterThan(0);
		expect(await throttled.text()).toContain('試行回数が上限');
	});

	test('the locked account sees when to try again', async ({ page }) => {
		const user = seed().users.throttled;
		await signInExpectingError(page, user);
		await expect(page.getByRole('alert')).toContainText(/\d+分後に再度お試しください/);
		await screenshot(page, 'login-throttled');
		await screenshotWidths(page, 'login-throttled');
	});
});

test.describe('issue 12', () => {
	test('a sign-in gives the browser a signed device cookie naming the account', async ({
		request
	}) => {
		const user = demoUser('kansa');
		const response = await request.post('/login', {
			form: { ...user },
			headers: { origin: ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		const cookies = response.headersArray().filter((h) => h.name === 'set-cookie');
		const device = cookies.find((c) => c.value.startsWith('kensho_device='))!.value;
		expect(device).toMatch(/^kensho_device=[0-9a-f-]{36}\.[0-9a-z]+\.[a-z0-9]+\.[\w-]{43};/);
		expect(device).toMatch(/HttpOnly/i);
		expect(device).toMatch(/Max-Age=15552000/);
		// Plain-http localhost: no __Host- prefix, no HSTS.
		expect(response.headers()['strict-transport-security']).toBeUndefined();
	});

	test('sign-out from another site is refused and the session stays', async ({ page }) => {
		await signIn(page, demoUser('kansa'));
		const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, {}];
		for (const headers of foreign) {
			const response = await page.request.post('/logout', { headers, maxRedirects: 0 });
			expect(response.status()).toBe(403);
		}
		await page.goto('/');
		await expect(page).toHaveURL(/\/$/);
		const own = await page.request.post('/logout', {
			headers: { origin: ORIGIN },
			maxRedirects: 0
		});
		expect(own.status()).toBe(303);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login$/);
	});

	test('a new password the policy forbids is refused with the reason; the current one is throttled', async ({
		page
	}) => {
		const user = seed().users.passwordChanger;
		await signIn(page, user);
		await page.goto('/account/password');
		const change = async (current: string, next: string) => {
			await page.getByLabel('現在のパスワード').fill(current);
			await page.getByLabel('新しいパスワード', { exact: true }).fill(next);
			await page.getByLabel('新しいパスワード（確認）').fill(next);
			await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: '変更する' }).click()
			]);
			await expect(page.getByRole('alert')).toBeVisible();
		};
		const refusals: [string, string][] = [
			['password', 'よく使われているか過去に流出した'],
			['12345678', '連続した文字だけのパスワードは使えません'],
			[' '.repeat(8), '連続した文字だけのパスワードは使えません']
		];
		for (const [next, message] of refusals) {
			await change(user.password, next);
			await expect(page.getByRole('alert')).toContainText(message);
			await expect(page.getByLabel('新しいパスワード', { exact: true })).toHaveAttribute(
				'aria-invalid',
				'true'
			);
		}
		await expectAccessible(page);
		await screenshotWidths(page, 'password-common');
		for (let i = 0; i < 5; i++) {
			await change('not my password', 'a perfectly fine passphrase');
			await expect(page.getByRole('alert')).toContainText('現在のパスワードが正しくありません');
		}
		await change(user.password, 'a perfectly fine passphrase');
		await expect(page.getByRole('alert')).toContainText('パスワードの変更を一時的に止めています');
		await expectAccessible(page);
		await screenshotWidths(page, 'password-throttled');
	});
});

test.describe('sessions', () => {
	test('sign-out ends the session on the server, not only in the browser', async ({
		page,
		context
	}) => {
		await signIn(page, demoUser('kansa'));
		const token = (await context.cookies()).find((c) => c.name === 'kensho_session')!;
		await page.getByRole('button', { name: 'ログアウト' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await context.addCookies([token]);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login$/);
	});

	test('each sign-in gets a new token and the old one keeps nothing', async ({ page, context }) => {
		const user = seed().users.rotating;
		await signIn(page, user);
		const first = (await context.cookies()).find((c) => c.name === 'kensho_session')!;
		await page.getByRole('button', { name: 'ログアウト' }).click();
		await signIn(page, user);
		const second = (await context.cookies()).find((c) => c.name === 'kensho_session')!;
		expect(second.value).not.toBe(first.value);
		await context.clearCookies();
		await context.addCookies([first]);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login$/);
	});

	test('a disabled user loses the session at once', async ({ browser }) => {
		const target = seed().users.toBeDisabled;
		const clerk = await (await browser.newContext()).newPage();
		await signIn(clerk, target);
		await expect(clerk).toHaveURL(/\/$/);

		const admin = await (await browser.newContext()).newPage();
		await signIn(admin, seed().users.adminForTests);
		await admin.goto('/admin');
		const row = admin.locator(`tr[data-username="${target.username}"]`);
		await row.getByRole('button', { name: /無効にする/ }).click();
		await admin.getByTestId('confirm-disable').getByRole('button', { name: '無効にする' }).click();
		await expect(admin.getByRole('status')).toContainText('無効にしました');

		await clerk.reload();
		await expect(clerk).toHaveURL(/\/login$/);
		await signInExpectingError(clerk, target);
	});
});

test.describe('user administration', () => {
	test('an admin adds a user, who must choose a password at first sign-in', async ({
		page,
		browser
	}) => {
		await signIn(page, demoUser('admin'));
		await page.goto('/admin');
		await expectAccessible(page);
		const username = `new${Date.now().toString(36)}`;
		await page.getByLabel('ユーザーID').fill(username);
		await page.getByLabel('氏名').fill('高橋 新');
		await page.getByLabel('権限').selectOption('clerk');
		await page.getByRole('button', { name: '追加する' }).click();
		const password = await page.getByTestId('initial-password').textContent();
		expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
		await expect(page.locator(`tr[data-username="${username}"]`)).toContainText('初期パスワード');
		await screenshot(page, 'admin-users');

		const newcomer = await (await browser.newContext()).newPage();
		await signIn(newcomer, { organizationCode: '124249', username, password: password! });
		await expect(newcomer).toHaveURL(/\/account\/password$/);
		await newcomer.goto('/');
		await expect(newcomer).toHaveURL(/\/account\/password$/);
		await newcomer.getByLabel('現在のパスワード').fill(password!);
		await newcomer.getByLabel('新しいパスワード', { exact: true }).fill('a long new passphrase');
		await newcomer.getByLabel('新しいパスワード（確認）').fill('a long new passphrase');
		await newcomer.getByRole('button', { name: '変更する' }).click();
		await expect(newcomer.getByRole('status')).toContainText('パスワードを変更しました');
		await expectAccessible(newcomer);
		await screenshot(newcomer, 'password-changed');
		await newcomer.goto('/');
		await expect(newcomer).toHaveURL(/\/$/);
	});

	test('an invalid user id is refused with the reason and the entered values kept', async ({
		page
	}) => {
		await signIn(page, demoUser('admin'));
		await page.goto('/admin');
		await page.getByLabel('ユーザーID').fill('Bad Name!');
		await page.getByLabel('氏名').fill('入力 保持');
		await page.getByRole('button', { name: '追加する' }).click();
		await expect(page.getByRole('alert')).toContainText('半角英小文字');
		await expect(page.getByLabel('氏名')).toHaveValue('入力 保持');
	});

	test('a clerk cannot open the admin page nor post its actions', async ({ page }) => {
		await signIn(page, demoUser('tanaka'));
		const response = await page.goto('/admin');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('alert')).toContainText('権限がありません');
		const post = await page.request.post('/admin?/add', {
			form: { username: 'sneaky', role: 'admin' },
			headers: { origin: ORIGIN, accept: 'application/json' }
		});
		expect(post.status()).toBe(403);
		await expect(page.getByRole('navigation')).not.toContainText('ユーザー管理');
	});

	test('a signed-out visitor is sent to the login page', async ({ page }) => {
		await page.goto('/admin');
		await expect(page).toHaveURL(/\/login$/);
	});
});

test('security headers are on every response', async ({ request }) => {
	const response = await request.get('/login');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['content-security-policy']).not.toContain("unsafe-inline' 'self' 'unsafe-eval");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-request-id']).toBeTruthy();
});

test('English is available and every page keeps working in it', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: '日本語' }).click();
	await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
});

async function signInExpectingError(
	page: import('@playwright/test').Page,
	user: { organizationCode: string; username: string; password: string }
) {
	await page.goto('/login');
	await page.getByLabel('団体コード（6桁）').fill(user.organizationCode);
	await page.getByLabel('ユーザーID').fill(user.username);
	await page.getByLabel('パスワード').fill(user.password);
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
}
