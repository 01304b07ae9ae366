import { expect, test, type Page } from '@playwright/test';
import {
	expectAccessible,
	ORIGIN,
	screenshot,
	screenshotWidths,
	seed,
	signIn
} from './support/fixtures';
import { postKey, wrongKey } from './support/keys';

/**
 * An organisation's admin lifts a lock (the follow-up of issue 12): a clerk who typed five wrong
 * keys for a number is paused for 30 minutes; the admin sees it on /admin/locks, lifts it by
 * keyboard, and the clerk's right key opens the certificate at once. Nobody else may lift it.
 */
const locks = () => seed().locks;

const lift = (page: Page, key: string) =>
	page.request.post('/admin/locks?/lift', {
		form: { key },
		headers: { origin: ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});

async function signOut(page: Page) {
	await page.context().clearCookies();
}

test('an admin lifts a number locked by wrong keys, by keyboard, and the clerk verifies again', async ({
	page
}) => {
	const { users, guarantee: g, organizationId } = locks();
	await signIn(page, users.clerk);
	for (let i = 0; i < 4; i++) {
		expect((await postKey(page, g, wrongKey(g.authKey))).status()).toBe(400);
	}
	// The fifth wrong key already says the number is locked, and so is the right key then.
	expect((await postKey(page, g, wrongKey(g.authKey))).status()).toBe(429);
	expect((await postKey(page, g, g.authKey)).status()).toBe(429);
	const key = `verify:number:${organizationId}:${g.guaranteeNumber}`;

	// Clerks and auditors: 403 on the page and on the action.
	for (const user of [users.clerk, users.auditor]) {
		await signOut(page);
		await signIn(page, user);
		expect((await page.goto('/admin/locks'))?.status()).toBe(403);
		expect((await lift(page, key)).status()).toBe(403);
	}

	// The auditor's password, mistyped five times on this address: a sign-in lock to lift too.
	await signOut(page);
	const auditor = users.auditor;
	for (let i = 0; i < 5; i++) {
		const wrong = await page.request.post('/login', {
			form: { ...auditor, password: 'not the password' },
			headers: { origin: ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(wrong.status()).toBe(400);
	}

	// Another organisation's admin neither sees it nor lifts it with a forged form.
	await signOut(page);
	await signIn(page, users.otherAdmin);
	await page.goto('/admin/locks');
	await expect(page.getByTestId('no-locks')).toBeVisible();
	const forged = await lift(page, key);
	expect(forged.status()).toBe(403);
	expect(await forged.text()).toContain('この団体の停止ではないため、解除できません。');

	await signOut(page);
	await signIn(page, users.admin);
	await page.goto('/admin');
	await page.getByRole('link', { name: /止まっている照合・ログインを確認・解除する/ }).click();
	await expect(page).toHaveURL(/\/admin\/locks$/);
	await expect(
		page.getByRole('navigation').getByRole('link', { name: '停止の解除' })
	).toHaveAttribute('aria-current', 'page');
	const row = page.locator(`tr[data-kind="number"][data-subject="${g.guaranteeNumber}"]`);
	await expect(row.getByRole('rowheader')).toHaveText(g.guaranteeNumber);
	await expect(row).toContainText('保証契約番号の照合');
	await expect(row).toContainText('5回（上限 5回）');
	await expect(row).toContainText(/令和\d+年\d+月\d+日 \d{1,2}:\d{2} まで/);
	const signInLock = page.locator(
		`tr[data-kind="account-address"][data-subject="${auditor.username}"]`
	);
	await expect(signInLock.getByRole('rowheader')).toHaveText(
		`長柄 監査（${auditor.username}） 接続元 127.0.0.1`
	);
	await expect(signInLock).toContainText('ログイン（この接続元から）');
	await expectAccessible(page);
	await screenshotWidths(page, 'locks');

	// By keyboard: the button is reached with Tab and pressed with Enter.
	const button = row.getByRole('button', { name: /解除する/ });
	await row.getByRole('rowheader').click();
	for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(button).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText(
		`保証契約番号の照合の停止を解除しました（${g.guaranteeNumber}）。`
	);
	await expect(row).toHaveCount(0);
	await expect(signInLock).toHaveCount(1);
	await expectAccessible(page);
	await screenshot(page, 'locks-lifted');
	await signInLock.getByRole('button', { name: /解除する/ }).click();
	await expect(page.getByRole('status')).toContainText(
		'ログイン（この接続元から）の停止を解除しました'
	);
	await expect(page.getByTestId('no-locks')).toBeVisible();

	// Lifted is lifted: the same form again is told so, and the trail shows who lifted what.
	const again = await lift(page, key);
	expect(again.status()).toBe(409);
	await page.goto('/audit?action=rate-limit.lift');
	const event = page.locator('tr[data-action="rate-limit.lift"][data-outcome="success"]');
	const numberLift = event.and(page.locator('[data-reason="lock-number"]'));
	await expect(numberLift).toContainText(g.guaranteeNumber);
	await expect(numberLift).toContainText('保証契約番号の照合の停止');
	const signInLift = event.and(page.locator('[data-reason="lock-account-address"]'));
	await expect(signInLift.getByTestId('lifted-for')).toHaveText(`${auditor.username} 127.0.0.1`);

	await signOut(page);
	await signIn(page, users.clerk);
	expect((await postKey(page, g, g.authKey)).status()).toBe(303);
	await signOut(page);
	await signIn(page, auditor);
});
