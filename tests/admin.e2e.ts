import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, seed, signIn } from './support/fixtures';

/**
 * The users page (issue 15): 無効にする asks first, a disabled user looks disabled, one's own
 * row offers nothing the server would refuse, and each user's last sign-in is shown.
 */
const screens = () => seed().screens;

test('disabling asks first and then shows a disabled user plainly', async ({ page }) => {
	const admin = screens().users.admin;
	await signIn(page, admin);
	await page.goto('/admin');
	const own = page.locator(`tr[data-username="${admin.username}"]`);
	await expect(own.getByRole('button')).toHaveCount(0);
	await expect(own.getByRole('link', { name: 'パスワード変更へ' })).toBeVisible();
	await expect(own.locator('[data-label="最終ログイン"]')).toHaveText(/令和\d+年/);
	const leaver = page.locator(`tr[data-username="${screens().users.leaver.username}"]`);
	await expect(leaver.locator('[data-label="最終ログイン"]')).toHaveText('ログインなし');
	await expect(leaver).toHaveAttribute('data-state', 'active');
	await expectAccessible(page);
	await screenshot(page, 'admin');

	// Asked first: nothing happens until the answer, and やめる changes nothing.
	await leaver.getByRole('button', { name: /無効にする/ }).click();
	const confirm = page.getByTestId('confirm-disable');
	await expect(confirm.getByRole('heading')).toHaveText(
		'ユーザー「e2e-chonan-leaver」を無効にしますか'
	);
	await expect
		.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid))
		.toBe('confirm-disable');
	await expect(leaver).toHaveAttribute('data-state', 'active');
	await expectAccessible(page);
	await screenshot(page, 'admin-confirm');
	await confirm.getByRole('link', { name: 'やめる' }).click();
	await expect(confirm).toBeHidden();
	await expect(leaver).toHaveAttribute('data-state', 'active');

	await leaver.getByRole('button', { name: /無効にする/ }).click();
	await confirm.getByRole('button', { name: '無効にする' }).click();
	await expect(page.getByRole('status')).toContainText('無効にしました');
	await expect(leaver).toHaveAttribute('data-state', 'disabled');
	await expect(leaver.locator('[data-label="状態"]')).toContainText(/✕ 無効\s*令和\d+年.* から/);
	await expect(leaver.getByRole('button', { name: /有効にする/ })).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'admin-disabled');
	await page.setViewportSize({ width: 320, height: 900 });
	await leaver.scrollIntoViewIfNeeded();
	await screenshot(page, 'admin-disabled-320');
});
