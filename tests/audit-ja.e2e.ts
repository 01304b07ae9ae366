import { expect, test } from '@playwright/test';
import { demoUser, expectAccessible, screenshot, seed, signIn } from './support/fixtures';
import { postKey, wrongKey } from './support/keys';

/**
 * The audit trail speaks Japanese (issue 15): labels on the screen and in the CSV with the codes
 * beside them, names beside logins, the CSV named by the day in Japan, and for a locked number
 * the attempts that led to the lock.
 */
const screens = () => seed().screens;

test("an auditor reads a lock and the attempts that led to it, in Japanese, with people's names", async ({
	page
}) => {
	const g = screens().guarantees.toLockForAudit;
	const post = (authKey: string) => postKey(page, g, authKey);
	// Another organisation's clerk tries the number first: counted, never shown.
	await signIn(page, demoUser('tanaka'));
	expect((await post(wrongKey(g.authKey))).status()).toBe(400);
	await page.context().clearCookies();
	// 長南町's clerk types wrong keys until the number locks, then once more.
	await signIn(page, screens().users.lockClerk);
	let status = 400;
	for (let i = 0; i < 8 && status !== 429; i++) status = (await post(wrongKey(g.authKey))).status();
	expect(status).toBe(429);
	expect((await post(g.authKey)).status()).toBe(429);
	await page.context().clearCookies();

	await signIn(page, screens().users.auditor);
	await page.goto(`/audit?guaranteeNumber=${g.guaranteeNumber}`);
	const wrong = page.locator('tr[data-reason="wrong-key"]');
	await expect(wrong.first().locator('[data-label="詳細"]')).toContainText('認証キーが誤り');
	await expect(wrong.first()).toContainText('認証キー照合');
	await expect(wrong.first()).toContainText('失敗');
	await expect(wrong.first()).toContainText('長南 二郎');
	await expect(wrong.first()).toContainText('124273/e2e-chonan-lock');
	await expect(page.locator('tbody')).not.toContainText('wrong-key');

	const lock = page.locator('tr[data-outcome="locked"]').first();
	await expect(lock).toContainText('ロック');
	await expect(lock).toContainText('保証契約番号がロック中');
	const trail = lock.getByTestId('lock-trail');
	await trail.locator('summary').click();
	const attempts = trail.locator('li');
	// Every wrong key this organisation typed on the number (the filtered page lists them all).
	await expect(attempts).toHaveCount(await wrong.count());
	expect(await wrong.count()).toBeGreaterThanOrEqual(4);
	await expect(attempts.first()).toContainText('長南 二郎');
	await expect(attempts.first()).toContainText('認証キーが誤り');
	await expect(trail.getByTestId('lock-elsewhere')).toHaveText(/ほかの団体からの試行: 1 件/);
	await expectAccessible(page);
	await screenshot(page, 'audit-lock-trail');
	await page.setViewportSize({ width: 320, height: 900 });
	expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
		320
	);
	await lock.scrollIntoViewIfNeeded();
	await screenshot(page, 'audit-lock-trail-320');
	await page.setViewportSize({ width: 1280, height: 900 });

	// The CSV: a Japanese label and, beside it, the code; the name beside the login.
	const response = await page.request.get(
		`/audit/export.csv?guaranteeNumber=${g.guaranteeNumber}&action=key.attempt`
	);
	expect(response.status()).toBe(200);
	const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
	expect(response.headers()['content-disposition']).toBe(
		`attachment; filename="audit-124273-${today}.csv"`
	);
	const [header, ...lines] = (await response.text()).slice(1).trimEnd().split('\r\n');
	expect(header).toContain(
		'"操作","操作コード","結果","結果コード","理由","理由コード","操作者種別","操作者種別コード","操作者氏名","操作者（ログインID）"'
	);
	expect(
		lines.some((line) =>
			line.includes(
				'"認証キー照合","key.attempt","失敗","failure","認証キーが誤り","wrong-key","利用者","user","長南 二郎","124273/e2e-chonan-lock"'
			)
		)
	).toBe(true);
	expect(
		lines.some((line) =>
			line.includes('"ロック","locked","保証契約番号がロック中","number-locked"')
		)
	).toBe(true);
	expect(lines.every((line) => line.includes('"契約時","contract"'))).toBe(true);
});
