import { expect, test, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { qrPayload } from '../src/lib/auth-key';
import { expectAccessible, screenshot, seed, signIn } from './support/fixtures';
import { postKey, wrongKey } from './support/keys';

/**
 * Key attempts as a clerk meets them (issue 15): the answer is read first (the focus moves to
 * it), a lock says until when and whom to call, the purpose last used is offered again, and a
 * notice read before a purpose is chosen says so instead of waiting for nothing.
 */
const screens = () => seed().screens;

async function submit(page: Page) {
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/verify')),
		page.getByRole('button', { name: '照合する' }).click()
	]);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('a wrong key moves the focus to the answer; a lock says until when and whom to call', async ({
	page
}) => {
	const g = screens().guarantees.toLock;
	await signIn(page, screens().users.attemptsClerk);
	await page.goto('/verify');
	await page.getByLabel('保証契約番号').fill(g.guaranteeNumber);
	await page.getByLabel('認証キー').fill(wrongKey(g.authKey));
	await page.getByLabel('契約時', { exact: true }).check();
	await submit(page);
	const answer = page.locator('#verify-error');
	await expect(answer).toContainText('照合できませんでした');
	// How many wrong keys remain before the number locks for this organisation (API.md §4).
	await expect(answer.locator('[data-remaining]')).toHaveAttribute('data-remaining', '4');
	await expect(answer).toContainText('あと4回誤った認証キーを入力すると');
	await expect.poll(() => focusedId(page)).toBe('verify-error');
	await expectAccessible(page);
	await screenshot(page, 'attempts-wrong-key');

	// Wrong keys until the number is locked for this organisation.
	for (let i = 0; i < 6 && !(await answer.getAttribute('data-scope')); i++) {
		await page.getByLabel('認証キー').fill(wrongKey(g.authKey));
		await submit(page);
	}
	await expect(answer).toHaveAttribute('data-scope', 'number');
	await expect(answer.getByRole('heading')).toHaveText('この保証契約番号は、いま照合できません');
	await expect(answer).toContainText(
		/令和\d+年\d+月\d+日 \d{1,2}:\d{2} 以降に、もう一度照合できます/
	);
	await expect(answer.getByTestId('lock-contact')).toHaveText(
		'東日本建設業保証株式会社 千葉支店（電話 043-241-6101）'
	);
	await expect.poll(() => focusedId(page)).toBe('verify-error');
	await expectAccessible(page);
	await screenshot(page, 'attempts-locked');
	await page.setViewportSize({ width: 320, height: 900 });
	await screenshot(page, 'attempts-locked-320');

	// Without JavaScript the locked answer is a 429 that names whom to call, and even the right
	// key is refused while the lock lasts.
	const response = await postKey(page, g, g.authKey);
	expect(response.status()).toBe(429);
	const html = await response.text();
	expect(html).toContain('この保証契約番号は、いま照合できません');
	expect(html).toContain('東日本建設業保証株式会社');
	expect(html).toContain('千葉支店（電話 043-241-6101）');
	expect(html).not.toContain(g.authKey);
});

test('the purpose last used is offered first, in this browser and in a new one', async ({
	page
}) => {
	const g = screens().guarantees.forPurpose;
	const clerk = screens().users.purposeClerk;
	await signIn(page, clerk);
	await page.goto('/verify');
	await expect(page.locator('input[name="purpose"]:checked')).toHaveCount(0);
	await page.getByLabel('保証契約番号').fill(g.guaranteeNumber);
	await page.getByLabel('認証キー').fill(g.authKey);
	await page.getByLabel('前払金請求時', { exact: true }).check();
	await page.getByRole('button', { name: '照合する' }).click();
	await expect(page).toHaveURL(`/certificates/${g.id}`);
	await page.goto('/verify');
	await expect(page.getByLabel('前払金請求時', { exact: true })).toBeChecked();

	// Another PC: no cookie remembers it, the clerk's own last check does.
	await page.context().clearCookies();
	await signIn(page, clerk);
	await page.goto('/verify');
	await expect(page.getByLabel('前払金請求時', { exact: true })).toBeChecked();
});

test('a notice read before a purpose is chosen asks for it, and nothing is sent', async ({
	page
}) => {
	const g = screens().guarantees.forUpload;
	await signIn(page, screens().users.freshClerk);
	await page.goto('/verify');
	await expect(page.locator('input[name="purpose"]:checked')).toHaveCount(0);
	const posts: string[] = [];
	page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
	const png = await QRCode.toBuffer(qrPayload(g.guaranteeNumber, g.authKey.replace(/-/g, '')));
	await page
		.locator('#notice-file')
		.setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: png });
	const status = page.locator('[data-state="needsPurpose"]');
	await expect(status).toHaveText(
		'読み取りました。照合の目的を選んでから「照合する」を押してください。'
	);
	await expect(page.getByText('照合の目的を選んでください。')).toBeVisible();
	await expect(page.getByLabel('保証契約番号')).toHaveValue(g.guaranteeNumber);
	await expect(page.getByLabel('認証キー')).toHaveValue(g.authKey);
	await expect.poll(() => focusedId(page)).toBe('purpose-contract');
	expect(posts).toEqual([]);
	await expectAccessible(page);
	await screenshot(page, 'attempts-needs-purpose');

	await page.getByLabel('契約時', { exact: true }).check();
	await page.getByRole('button', { name: '照合する' }).click();
	await expect(page).toHaveURL(`/certificates/${g.id}`);
});

test("on the 案件 page: the notice file attaches at the file's stage; a lock names the office", async ({
	page
}) => {
	const { forFile, toLockOnFile } = screens().guarantees;
	await signIn(page, screens().users.fileClerk);
	// A file of the works of the seeded guarantees (tests/support/seed-screens.ts).
	await page.goto('/contracts/new');
	await page.getByLabel('契約番号').fill(`R8-KE-${Date.now().toString(36)}`);
	await page.getByLabel('工事名').fill('令和8年度 町道1-23号線舗装修繕工事');
	await page.getByLabel('受注者名').fill('株式会社白子建設');
	await page.getByLabel('請負代金額（円・税込）').fill('38,500,000');
	await page.getByLabel('工期（自）').fill('2026-07-01');
	await page.getByLabel('工期（至）').fill('2027-02-26');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');

	// The stage offered first is the file's (契約時), so a notice file is sent as soon as it is read.
	const form = page.locator('form[action="?/attach"]');
	await expect(form.getByLabel('契約時', { exact: true })).toBeChecked();
	await expect(form.getByRole('heading', { name: 'ほかの読み取り方法' })).toBeVisible();
	const png = await QRCode.toBuffer(
		qrPayload(forFile.guaranteeNumber, forFile.authKey.replace(/-/g, ''))
	);
	await form
		.locator('#notice-file')
		.setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: png });
	const card = page.locator(`[data-guarantee="${forFile.guaranteeNumber}"]`);
	await expect(card).toBeVisible();
	await expect(card.locator('[data-check="same-works"]')).toHaveAttribute('data-result', 'pass');
	// Used: both fields are empty for the next notice.
	await expect(form.getByLabel('保証契約番号')).toHaveValue('');
	await expect(form.getByLabel('認証キー')).toHaveValue('');
	await expectAccessible(page);

	// A handheld scanner's text in the number field, with wrong keys until the number locks.
	for (let i = 0; i < 7 && !(await page.locator('#attach-error[data-scope]').count()); i++) {
		await form
			.getByLabel('保証契約番号')
			.fill(qrPayload(toLockOnFile.guaranteeNumber, wrongKey(toLockOnFile.authKey)));
		await form.getByLabel('保証契約番号').press('Enter');
		await expect(page.locator('#attach-error')).toBeVisible();
		await expect.poll(() => focusedId(page)).toBe('attach-error');
	}
	const locked = page.locator('#attach-error');
	await expect(locked).toHaveAttribute('data-scope', 'number');
	await expect(locked.getByRole('heading')).toHaveText('この保証契約番号は、いま照合できません');
	await expect(locked.getByTestId('lock-contact')).toHaveText(
		'東日本建設業保証株式会社 千葉支店（電話 043-241-6101）'
	);
	await expect(form.getByLabel('認証キー')).toHaveValue('');
	await expectAccessible(page);
	await screenshot(page, 'attempts-file-locked');
	await page.setViewportSize({ width: 320, height: 900 });
	expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
		320
	);
	await screenshot(page, 'attempts-file-locked-320');
});
