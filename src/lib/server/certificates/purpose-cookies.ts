import type { Cookies } from '@sveltejs/kit';
import { isPurpose, type Purpose } from '../../guarantee';

/**
 * The purpose chosen on /verify travels to the certificate page in a short-lived cookie, so the
 * redirect stays exactly `/certificates/{id}` (API.md) and the view is audited with it. The last
 * purpose is also remembered for the form, so a scanner's Enter can submit at once.
 */
const FLASH = 'kensho_verify_purpose';
const LAST = 'kensho_last_purpose';

const options = (secure: boolean, path: string, maxAge: number) =>
	({ path, httpOnly: true, sameSite: 'lax', secure, maxAge }) as const;

export function rememberPurpose(cookies: Cookies, secure: boolean, id: string, purpose: Purpose) {
	cookies.set(FLASH, `${id}:${purpose}`, options(secure, '/certificates', 300));
	cookies.set(LAST, purpose, options(secure, '/', 60 * 60 * 24 * 180));
}

export function lastPurpose(cookies: Cookies): Purpose | null {
	const value = cookies.get(LAST);
	return isPurpose(value) ? value : null;
}

/** The purpose chosen for this certificate just now, once; null on a later visit. */
export function takePurpose(cookies: Cookies, id: string): Purpose | null {
	const value = cookies.get(FLASH);
	if (!value) return null;
	cookies.delete(FLASH, { path: '/certificates' });
	const [forId, purpose] = value.split(':');
	return forId === id && isPurpose(purpose) ? purpose : null;
}
