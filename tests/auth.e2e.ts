import { expect, test } from '@playwright/test';
import { demoUser, expectAccessible, ORIGIN, screenshot, seed, signIn } from './support/fixtures';

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
