import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoUser, expectAccessible, PORT, screenshot, seed, signIn } from './support/fixtures';

test('an auditor reads and filters the trail; sign-ins and failures are in it', async ({
	page
}) => {
	// A failure to find in the trail.
	await page.goto('/login');
	await page.getByLabel('団体コード（6桁）').fill('124249');
	await page.getByLabel('ユーザーID').fill('kansa');
	await page.getByLabel('パスワード').fill('not the password');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page.getByRole('alert')).toBeVisible();

	await signIn(page, demoUser('kansa'));
	await page.goto('/audit');
	await expect(page.getByRole('heading', { name: '監査ログ' })).toBeVisible();
	await expect(page.locator('tr[data-action="auth.sign-in"]').first()).toBeVisible();
	// The latest signed checkpoint (the seed's, or one the server signed since), and this
	// organisation's lanes still holding what it recorded.
	const checkpoint = page.getByRole('region', { name: '署名済みチェックポイント' });
	await expect(checkpoint).toHaveAttribute('data-checkpoint', 'intact');
	await expect(checkpoint).toContainText(/第\d+号（[0-9a-f]{12}）/);
	await expect(checkpoint).toContainText('削除・改変されずに続いています');
	await expectAccessible(page);
	await screenshot(page, 'audit');
	await page.setViewportSize({ width: 320, height: 800 });
	await screenshot(page, 'audit-320');
	await page.setViewportSize({ width: 1280, height: 800 });

	await page.getByLabel('結果').selectOption('failure');
	await page.getByRole('button', { name: '絞り込む' }).click();
	await expect(page).toHaveURL(/outcome=failure/);
	const rows = page.locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	for (const outcome of await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.outcome))) {
		expect(outcome).toBe('failure');
	}
	await expect(page.locator('tbody')).toContainText('パスワードが誤り');
	await screenshot(page, 'audit-filtered');
});

test('the CSV opens in Excel: UTF-8 with a BOM, a Japanese header, filters applied', async ({
	page
}) => {
	await signIn(page, demoUser('admin'));
	const response = await page.request.get('/audit/export.csv?action=auth.sign-in');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const bytes = await response.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8').slice(1);
	const [header, ...lines] = text.trimEnd().split('\r\n');
	expect(header).toContain('"日時（日本時間）","イベントID"');
	expect(lines.length).toBeGreaterThan(0);
	for (const line of lines) expect(line).toContain('"auth.sign-in"');

	const bad = await page.request.get('/audit/export.csv?from=yesterday');
	expect(bad.status()).toBe(400);
});

test('a clerk may not read the audit trail', async ({ page }) => {
	await signIn(page, demoUser('tanaka'));
	expect((await page.goto('/audit'))?.status()).toBe(403);
	expect((await page.request.get('/audit/export.csv')).status()).toBe(403);
});

test('no password or session token ever reaches the server log', async ({ page, context }) => {
	const user = seed().users.rotating;
	await signIn(page, user);
	const token = (await context.cookies()).find((c) => c.name === 'kensho_session')!.value;
	await page.goto('/audit').catch(() => {});
	const log = readFileSync(`tests/.tmp/server-${PORT}.log`, 'utf8');
	expect(log).toContain('"path":"/login"');
	expect(log).not.toContain(user.password);
	expect(log).not.toContain(seed().demoPassword);
	expect(log).not.toContain(token.split('.')[1]);
});
