import { redirect } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale } from '$lib/i18n';
import type { RequestHandler } from './$types';

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
	// Only a path on this site: never an open redirect.
	const target = typeof back === 'string' && /^\/(?!\/)[^\s\\]*$/.test(back) ? back : '/';
	redirect(303, target);
};
