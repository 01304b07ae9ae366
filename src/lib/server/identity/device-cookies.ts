import type { Cookies } from '@sveltejs/kit';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { portalSecretOf } from '../common/portal-secret';
import { cookieName } from './cookie-names';

/**
 * Device cookies, as OWASP's "Slow down online guessing attacks with device cookies" describes
 * them: a browser in which an account signed in successfully gets a cookie naming that account,
 * signed with the portal's secret. A failed sign-in from such a browser counts against that
 * browser's own budget instead of the account's, so an outsider guessing the account's password
 * (who has no such cookie) can lock out other outsiders but never the clerk's own browser.
 *
 * One cookie holds the entries of the last few accounts signed in on the browser (a municipal
 * PC is often shared): `<user id>.<issued, unix seconds>.<nonce>.<mac>`, joined by `~`.
 */
const BASE_NAME = 'kensho_device';
const MAX_ENTRIES = 5;
export const DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
const SEPARATOR = '~';

export interface Device {
	/** The entry's random part: names this browser's own counter (sign-in.ts). */
	id: string;
	userId: string;
}

const secret = () => portalSecretOf('device-cookie');

async function mac(userId: string, issued: string, nonce: string): Promise<string> {
	const message = new TextEncoder().encode(`kensho/device/v1|${userId}|${issued}|${nonce}`);
	return encodeBase64urlNoPadding(hmac(SHA256, await secret(), message));
}

function entries(cookie: string | undefined): string[] {
	return (cookie ?? '').split(SEPARATOR).filter(Boolean).slice(0, MAX_ENTRIES);
}

/** The device this browser is for `userId`, if its cookie holds a valid, unexpired entry. */
export async function recognise(
	cookie: string | undefined,
	userId: string,
	now = Date.now()
): Promise<Device | null> {
	for (const entry of entries(cookie)) {
		const [id, issued, nonce, given, extra] = entry.split('.');
		if (id !== userId || !issued || !nonce || !given || extra !== undefined) continue;
		const age = now / 1000 - Number.parseInt(issued, 36);
		if (!(age >= 0 && age < DEVICE_MAX_AGE_SECONDS)) continue;
		const expected = new TextEncoder().encode(await mac(userId, issued, nonce));
		if (constantTimeEqual(expected, new TextEncoder().encode(given))) return { id: nonce, userId };
	}
	return null;
}

/** The cookie's new value after `userId` signed in here: a fresh entry first, at most five. */
export async function issue(cookie: string | undefined, userId: string): Promise<string> {
	const issued = Math.floor(Date.now() / 1000).toString(36);
	const nonce = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
	const fresh = `${userId}.${issued}.${nonce}.${await mac(userId, issued, nonce)}`;
	const others = entries(cookie).filter((entry) => !entry.startsWith(`${userId}.`));
	return [fresh, ...others].slice(0, MAX_ENTRIES).join(SEPARATOR);
}

export const deviceCookieName = (url: URL) => cookieName(BASE_NAME, url);

export function readDeviceCookie(event: { cookies: Cookies; url: URL }): string | undefined {
	return event.cookies.get(deviceCookieName(event.url));
}

export function setDeviceCookie(event: { cookies: Cookies; url: URL }, value: string): void {
	event.cookies.set(deviceCookieName(event.url), value, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		path: '/',
		maxAge: DEVICE_MAX_AGE_SECONDS
	});
}
