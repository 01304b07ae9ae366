import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/identity/sessions';
import { signIn } from '$lib/server/identity/sign-in';
import { readDeviceCookie, setDeviceCookie } from '$lib/server/identity/device-cookies';
import { echo, formText } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const LAST_ORG_COOKIE = 'last_org';

export const load: PageServerLoad = ({ locals, cookies }) => {
	if (locals.user) redirect(303, '/');
	return { organizationCode: cookies.get(LAST_ORG_COOKIE) ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const organizationCode = formText(form, 'organizationCode', 16);
		const username = formText(form, 'username', 100);
		// argon2 work grows with input: an absurd "password" is refused before hashing.
		const password = formText(form, 'password', 1024, { trim: false });
		const values = echo({ organizationCode: organizationCode ?? '', username: username ?? '' });
		if (!username || !password) return fail(400, { error: 'invalid' as const, values });

		const result = await signIn(
			{ organizationCode: values.organizationCode, username, password },
			event.locals.caller.context,
			readDeviceCookie(event)
		);
		if (!result.ok && result.reason === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return fail(429, { error: 'throttled' as const, minutes, values });
		}
		if (!result.ok) return fail(400, { error: 'invalid' as const, values });

		auth.setSessionTokenCookie(event, result.token, result.expiresAt);
		setDeviceCookie(event, result.devices);
		if (values.organizationCode) {
			event.cookies.set(LAST_ORG_COOKIE, values.organizationCode, {
				path: '/login',
				httpOnly: true,
				sameSite: 'lax',
				secure: event.url.protocol === 'https:',
				maxAge: 60 * 60 * 24 * 365
			});
		}
		redirect(303, result.mustChangePassword ? '/account/password' : '/');
	}
};
