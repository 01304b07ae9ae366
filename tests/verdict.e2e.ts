import { expect, test, type Page } from '@playwright/test';
import { demoUser, expectAccessible, ORIGIN, screenshot, seed, signIn } from './support/fixtures';
import { present } from './support/keys';
import { printedPages } from './support/print';
import { unmarkedJapanese } from './support/lang';

/**
 * The certificate page states its verdict first (API.md §4: `data-verdict` on the first element
 * of <main>), says what it rests on, and an invalid guarantee takes over the page and the paper.
 */
const WAREKI_MOMENT = /令和\d+年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/;

async function open(page: Page, g: { id: string; guaranteeNumber: string; authKey: string }) {
	await present(page, g);
	await page.goto(`/certificates/${g.id}`);
}

test('a valid certificate: the verdict first, and what was checked, in words', async ({ page }) => {
	const g = seed().guarantees.original;
	await signIn(page, demoUser('tanaka'));
	await open(page, g);
	const first = page.locator('main > :first-child');
	await expect(first).toHaveAttribute('data-verdict', 'valid');
	await expect(first.getByRole('heading', { level: 1 })).toHaveText(/^\W*有効な電子証書です$/);
	await expect(first).toContainText(`保証契約番号 ${g.guaranteeNumber} と認証キーが一致しました`);
	await expect(page.getByTestId('signature')).toHaveText(
		/東日本建設業保証株式会社がこのポータルに登録した署名鍵「ejcs-2026-01」で、電子署名を確認しました/
	);
	await expect(page.getByTestId('status')).toHaveText(
		new RegExp(`${WAREKI_MOMENT.source} 現在、有効です（保証期限 令和9年2月26日（2027-02-26））`)
	);
	await expect(first).toContainText(/確認日時\s*令和/);
	await expect(page).toHaveTitle(/^有効な電子証書です/);
	await expectAccessible(page);
	await screenshot(page, 'verdict-valid');

	const pages = await printedPages(page);
	expect(pages.length).toBeGreaterThan(0);
	pages.forEach((text, i) => {
		expect(text).toContain(`保証契約番号 ${g.guaranteeNumber}`);
		expect(text).toContain(`${i + 1} / ${pages.length}`);
	});
	const all = pages.join('\n');
	expect(all).toMatch(new RegExp(`照合日時\\s+${WAREKI_MOMENT.source}`));
	expect(all).toMatch(/決裁\s+課長 課長補佐 係長 担当/);
	expect(all).not.toContain('解約');
});

test('a cancelled guarantee takes over the page and every printed page', async ({ page }) => {
	const g = seed().guarantees.cancelled;
	await signIn(page, demoUser('tanaka'));
	await open(page, g);
	const first = page.locator('main > :first-child');
	await expect(first).toHaveAttribute('data-verdict', 'cancelled');
	await expect(first.getByRole('heading', { level: 1 })).toHaveText(
		/解約された保証です（理由：工事請負契約の解除による。）/
	);
	await expect(page.getByTestId('status')).toHaveText(
		/令和8年10月15日（2026-10-15） に保証事業会社が解約しました/
	);
	await expect(page.getByTestId('signature')).toHaveText(
		/署名なし：東日本建設業保証株式会社はこの証書に電子署名を付けていません/
	);
	await expect(page.getByTestId('cancellation-signature')).toHaveText(
		/署名なし：東日本建設業保証株式会社は解約に電子署名を付けていません/
	);
	// Solid red, and the amounts no longer stand out.
	expect(await first.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(169, 0, 0)');
	const amount = page.locator('.certificate .amount').first();
	expect(await amount.evaluate((e) => getComputedStyle(e).fontWeight)).toBe('400');
	await expect(page.getByText('（参考）この保証の登録内容')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'verdict-cancelled');

	await page.emulateMedia({ media: 'print' });
	// No background on paper, anywhere.
	const backgrounds = await page.evaluate(() =>
		[...document.querySelectorAll('*')]
			.map((e) => getComputedStyle(e).backgroundColor)
			.filter((c) => c !== 'rgba(0, 0, 0, 0)')
	);
	expect(backgrounds).toEqual([]);
	await page.setViewportSize({ width: 794, height: 1123 });
	await screenshot(page, 'verdict-cancelled-print');
	const pages = await printedPages(page);
	// The watermark is on every page, with the number and the page number.
	pages.forEach((text, i) => {
		expect(text).toContain('解約');
		expect(text).toContain(`保証契約番号 ${g.guaranteeNumber}`);
		expect(text).toContain(`${i + 1} / ${pages.length}`);
	});
});

test('an ended guarantee says 保証期間が満了しています', async ({ page }) => {
	const g = seed().guarantees.expired;
	await signIn(page, demoUser('tanaka'));
	await open(page, g);
	const first = page.locator('main > :first-child');
	await expect(first).toHaveAttribute('data-verdict', 'expired');
	await expect(first.getByRole('heading', { level: 1 })).toHaveText(/保証期間が満了しています/);
	await expect(page.getByTestId('status')).toHaveText(
		/保証期限 令和7年9月30日（2025-09-30） を過ぎ、保証期間が満了しています/
	);
	await expectAccessible(page);
	await screenshot(page, 'verdict-expired');
	expect((await printedPages(page)).every((text) => text.includes('保証期間満了'))).toBe(true);
});

test('in English, the verdict, the change badges and the cancellation reason are English', async ({
	page
}) => {
	const { amended, cancelled } = seed().guarantees;
	await signIn(page, demoUser('tanaka'));
	await page.request.post('/language', {
		form: { lang: 'en', back: '/' },
		headers: { origin: ORIGIN },
		maxRedirects: 0
	});
	await open(page, amended);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/This electronic certificate is valid/
	);
	await expect(page.locator('li[data-version="2"] .reason')).toHaveText('Increase');
	await expect(page.locator('li[data-version="3"] .reason')).toHaveText('Guarantee end changed');
	await expect(page.getByTestId('signature')).toContainText('Not signed');
	// The issuer's name inside the English sentence, and every other Japanese value on the page
	// (the works, the orderer, the contractor), is marked Japanese (WCAG 3.1.2).
	await expect(page.getByTestId('signature').first().locator('[lang="ja"]')).toHaveText([
		'東日本建設業保証株式会社',
		'東日本建設業保証株式会社'
	]);
	expect(await unmarkedJapanese(page)).toEqual([]);
	await expectAccessible(page);
	await screenshot(page, 'verdict-valid-en');

	await open(page, cancelled);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toContainText('This guarantee has been cancelled');
	await expect(heading).toContainText('reason given by the issuer, in Japanese');
	await expect(heading.locator('[lang="ja"]')).toHaveText('工事請負契約の解除による。');
	await expect(page.getByTestId('status')).toHaveText(
		/Cancelled by the surety company on 2026-10-15/
	);
	await expectAccessible(page);
});
