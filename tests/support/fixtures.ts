import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Seed } from './seed';

export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The Origin header a form POST from our own pages carries (SvelteKit's CSRF check wants it). */
export const ORIGIN = `http://127.0.0.1:${PORT}`;

export function seed(): Seed {
	return JSON.parse(readFileSync(`tests/.tmp/seed-${PORT}.json`, 'utf8'));
}

export async function signIn(
	page: Page,
	user: { organizationCode: string; username: string; password: string }
) {
	await page.goto('/login');
	await page.getByLabel('団体コード（6桁）').fill(user.organizationCode);
	await page.getByLabel('ユーザーID').fill(user.username);
	await page.getByLabel('パスワード').fill(user.password);
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page).not.toHaveURL(/\/login$/);
}

export const demoUser = (username: string) => {
	const s = seed();
	const user = s.demo.users.find((u) => u.username === username)!;
	return { organizationCode: user.organizationCode, username, password: user.password };
};

/** JIS X 8341-3 / WCAG 2.x AA: no axe violation on the page as it is now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Screenshots are kept under tests/artifacts (not in git) for people to look at. */
export async function screenshot(page: Page, name: string) {
	// Japanese comes from the app's own web font, fetched per character range as it is needed.
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: `tests/artifacts/${name}.png`, fullPage: true });
}

/** The same page at a desktop's 1280 px and a phone's 320 px (`<name>-1280`, `<name>-320`). */
export async function screenshotWidths(page: Page, name: string) {
	const before = page.viewportSize();
	for (const width of [1280, 320]) {
		await page.setViewportSize({ width, height: 800 });
		await screenshot(page, `${name}-${width}`);
	}
	if (before) await page.setViewportSize(before);
}
