import { expect, test, type Page } from '@playwright/test';
import { demoUser, expectAccessible, screenshot, seed, signIn } from './support/fixtures';
import { present } from './support/keys';
import { printedPages } from './support/print';

/**
 * Reflow (WCAG 1.4.10, JIS X 8341-3): every page is usable at 320 CSS px — no horizontal scroll,
 * and no label broken one character per line (請/負/代/金/額) — and at 200 % zoom of a 1280 px
 * window (640 CSS px). Each page state is also checked by axe-core and photographed at 1280 and
 * 320 px (tests/artifacts/reflow-*.png) for people to look at.
 */
const WIDTHS = [320, 640, 1280] as const;

/** Short labels (table headers, terms, badges, buttons) that must stay on one line. */
const LABELS = 'th, dt, legend, label, button, .button, .badge, td.result, .verdict-status';

async function brokenLabels(page: Page): Promise<string[]> {
	return page.evaluate((selector) => {
		/** For each line the element's text takes, how many characters are on it. */
		function lineLengths(element: HTMLElement): number[] {
			const lines = new Map<number, number>();
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (node.parentElement?.closest('.visually-hidden')) continue;
				const text = node.textContent ?? '';
				for (let i = 0; i < text.length; i++) {
					if (/\s/.test(text[i])) continue;
					const range = document.createRange();
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					const rect = range.getBoundingClientRect();
					if (rect.width === 0) continue;
					const top = Math.round(rect.top);
					lines.set(top, (lines.get(top) ?? 0) + 1);
				}
			}
			return [...lines.values()];
		}
		const broken: string[] = [];
		const visible = (e: HTMLElement) => e.offsetParent && !e.closest('.visually-hidden');
		for (const element of document.querySelectorAll<HTMLElement>(selector)) {
			if (!visible(element)) continue;
			const lines = lineLengths(element);
			const chars = lines.reduce((a, b) => a + b, 0);
			// A short label wraps at all, or a longer one leaves a single character on a line.
			if (chars >= 2 && lines.length > 1 && (chars <= 6 || Math.min(...lines) === 1)) {
				broken.push(`${element.tagName}: ${element.innerText.trim()}`);
			}
		}
		// Any text squeezed into a column a character or two wide.
		for (const element of document.querySelectorAll<HTMLElement>('td, dd, p, li')) {
			if (!visible(element)) continue;
			const lines = lineLengths(element);
			const chars = lines.reduce((a, b) => a + b, 0);
			if (lines.length >= 3 && chars / lines.length < 3) {
				broken.push(`squeezed ${element.tagName}: ${element.innerText.trim().slice(0, 20)}`);
			}
		}
		return broken;
	}, LABELS);
}

/** The innermost elements that reach past the window's right edge, to name in a failure. */
function widest(page: Page, width: number): Promise<string> {
	return page.evaluate((width) => {
		const past = [...document.querySelectorAll<HTMLElement>('body *')].filter(
			(e) => e.getBoundingClientRect().right > width + 0.5
		);
		return past
			.filter((e) => !past.some((other) => other !== e && e.contains(other)))
			.slice(0, 5)
			.map(
				(e) =>
					`${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`
			)
			.join(', ');
	}, width);
}

/** Checks the page as it is at each width; screenshots at 1280 and 320 px. */
async function expectReflows(page: Page, name: string) {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 900 });
		const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
		expect
			.soft(scrollWidth, `${name} at ${width} px: ${await widest(page, width)}`)
			.toBeLessThanOrEqual(width);
		expect.soft(await brokenLabels(page), `${name} at ${width} px`).toEqual([]);
		if (width !== 640) await screenshot(page, `reflow-${name}-${width}`);
	}
	await page.setViewportSize({ width: 320, height: 900 });
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe.configure({ timeout: 240_000 });

test('signed out: the sign-in page and its error', async ({ page }) => {
	await page.goto('/login');
	await expectReflows(page, 'login');
	await page.getByLabel('団体コード（6桁）').fill('124249');
	await page.getByLabel('ユーザーID').fill('nobody');
	await page.getByLabel('パスワード').fill('not the password');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectReflows(page, 'login-error');
});

test("a clerk's pages: home, verify, certificates, contracts, password, not found", async ({
	page
}) => {
	const g = seed().guarantees;
	await signIn(page, demoUser('tanaka'));
	// The §4 fields too (issuing office, 区分, 契約締結日): the rows c added to the page.
	const fields = seed().contractGuarantees.beforeDecrease;
	for (const guarantee of [g.original, g.amended, g.cancelled, g.expired, fields]) {
		await present(page, guarantee);
	}
	await page.goto('/');
	await expectReflows(page, 'home');
	await page.goto('/verify');
	await expectReflows(page, 'verify');
	await page.getByLabel('保証契約番号').fill('E12-2026-999999');
	await page.getByLabel('認証キー').fill('0000-0000-0000-0000-0000');
	await page.getByRole('button', { name: '照合する' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectReflows(page, 'verify-error');

	for (const [name, guarantee] of Object.entries({
		valid: g.original,
		amended: g.amended,
		cancelled: g.cancelled,
		expired: g.expired,
		fields
	})) {
		await page.goto(`/certificates/${guarantee.id}`);
		await expectReflows(page, `certificate-${name}`);
	}

	await page.goto('/contracts/new');
	await expectReflows(page, 'contract-new');
	const contractNumber = `R7-reflow-${Date.now()}`;
	await page.getByLabel('契約番号').fill(contractNumber);
	await page.getByLabel('工事名').fill('令和7年度 白子町役場庁舎空調更新工事');
	await page.getByLabel('受注者名').fill('株式会社白子建設');
	await page.getByLabel('請負代金額（円・税込）').fill('38,500,000');
	await page.getByLabel('工期（自）').fill('2025-04-15');
	await page.getByLabel('工期（至）').fill('2025-09-30');
	await page.getByRole('button', { name: '登録する' }).click();
	await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('保証契約番号').fill(g.expired.guaranteeNumber);
	await page.getByLabel('認証キー').fill(g.expired.authKey);
	await page.getByLabel('契約時').check();
	await page.getByRole('button', { name: '照合して添付する' }).click();
	await expect(page.locator(`[data-guarantee="${g.expired.guaranteeNumber}"]`)).toBeVisible();
	await expectReflows(page, 'contract');
	// A guarantee of other works refused, the differences named (c's comparison, issue 14).
	const other = seed().contractGuarantees.otherWorks;
	await page.getByLabel('保証契約番号').fill(other.guaranteeNumber);
	await page.getByLabel('認証キー').fill(other.authKey);
	await page.getByRole('button', { name: '照合して添付する' }).click();
	await expect(page.getByTestId('mismatch')).toBeVisible();
	await expectReflows(page, 'contract-mismatch');
	await page.goto(`${page.url()}/record`);
	await expectReflows(page, 'contract-record');
	// On paper: the contract number and the page number on every page, a 決裁欄, 和暦.
	const pages = await printedPages(page);
	pages.forEach((text, i) => {
		expect(text).toContain(`契約番号 ${contractNumber}`);
		expect(text).toContain(`${i + 1} / ${pages.length}`);
	});
	expect(pages.join('\n')).toMatch(/決裁\s+課長 課長補佐 係長 担当/);
	expect(pages.join('\n')).not.toMatch(/\d{4}\/\d{2}\/\d{2}/);
	await page.goto('/contracts');
	await expectReflows(page, 'contracts');
	await page.goto('/contracts/import');
	await expectReflows(page, 'contracts-import');
	await page.goto('/account/password');
	await expectReflows(page, 'password');
	await page.goto('/no-such-page');
	await expectReflows(page, 'not-found');
});

test("the auditor's and the admin's pages", async ({ page }) => {
	await signIn(page, demoUser('kansa'));
	await page.goto('/audit');
	await expectReflows(page, 'audit');
	await page.context().clearCookies();
	await signIn(page, demoUser('admin'));
	await page.goto('/admin');
	await expectReflows(page, 'admin');
	await page.goto('/admin/rules');
	await expectReflows(page, 'admin-rules');
	await page.goto('/admin/locks');
	await expectReflows(page, 'admin-locks');
});
