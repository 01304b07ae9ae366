import { redirect } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n';
import type { RequestHandler } from './$types';

/**
 * Only a path on this site, in printable ASCII without a backslash: never an open redirect
 * (`//x`, `/\x`), and nothing a browser might fold into one or a header cannot carry
 * (`/／／x` was a 500: a non-ASCII Location header). Anything else goes to `/`.
 */
const SAME_SITE_PATH = /^\/(?![/\\])[!-[\]-~]*$/;

export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const lang = form.get('lang');
	const back = form.get('back');
	cookies.set('lang', isLocale(lang) ? lang : DEFAULT_LOCALE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	const target = typeof back === 'string' && SAME_SITE_PATH.test(back) ? back : '/';
	redirect(303, target);
};
