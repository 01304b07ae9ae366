import { fail } from '@sveltejs/kit';
import { changeOwnPassword } from '$lib/server/identity/password-change';
import { formText } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	return { mustChange: requireUser().user.mustChangePassword };
};

export const actions: Actions = {
	default: async ({ request, setHeaders }) => {
		const caller = requireUser();
		const form = await request.formData();
		const current = formText(form, 'current', 1024, { trim: false }) ?? '';
		const next = formText(form, 'next', 1024, { trim: false }) ?? '';
		const confirm = formText(form, 'confirm', 1024, { trim: false }) ?? '';
		if (next !== confirm) return fail(400, { error: 'mismatch' as const });
		const result = await changeOwnPassword(caller, { current, next });
		if (result.ok) return { changed: true };
		if (result.error === 'throttled') {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return fail(429, { error: result.error, minutes });
		}
		return fail(400, { error: result.error });
	}
};
