import { expect, type Page } from '@playwright/test';
import { checkSymbol } from '../../src/lib/auth-key';
import { ORIGIN } from './fixtures';

/** A key with a valid check symbol that is not this guarantee's: a real guess, counted. */
export function wrongKey(key: string) {
	const canonical = key.replace(/-/g, '');
	const payload = (canonical[0] === '2' ? '3' : '2') + canonical.slice(1, 19);
	return payload + checkSymbol(payload);
}

/** The verify form without JavaScript: its status (303 when the key opens the certificate). */
export async function postKey(
	page: Page,
	g: { guaranteeNumber: string },
	authKey: string,
	purpose = 'contract'
) {
	const response = await page.request.post('/verify', {
		form: { guaranteeNumber: g.guaranteeNumber, authKey, purpose },
		headers: { origin: ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
	return response;
}

/** Presents the right key once, so this organisation may open the certificate. */
export async function present(page: Page, g: { guaranteeNumber: string; authKey: string }) {
	expect((await postKey(page, g, g.authKey)).status()).toBe(303);
}
