import type { Locator, Page } from '@playwright/test';

/**
 * The Japanese text on an English page that is not marked `lang="ja"` (WCAG 3.1.2 Language of
 * Parts): each text node holding kana or kanji, named by its text, whose nearest `lang` is not ja.
 */
export function unmarkedJapanese(where: Page | Locator): Promise<string[]> {
	const root = 'locator' in where && 'goto' in where ? where.locator('body') : where;
	return (root as Locator).evaluate((element) => {
		const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
		const found: string[] = [];
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent ?? '';
			if (!japanese.test(text)) continue;
			const parent = node.parentElement;
			if (!parent || parent.closest('script, style, title')) continue;
			if (parent.closest('[lang]')?.getAttribute('lang') !== 'ja') found.push(text.trim());
		}
		return found;
	});
}
