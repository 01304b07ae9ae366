import { fail } from '@sveltejs/kit';
import * as users from '$lib/server/identity/users';
import { formText } from '$lib/server/http/forms';
import { requireUser, userActor } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	return { mustChange: requireUser().mustChangePassword };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireUser();
		const form = await request.formData();
		const current = formText(form, 'current', 1024, { trim: false }) ?? '';
		const next = formText(form, 'next', 1024, { trim: false }) ?? '';
		const confirm = formText(form, 'confirm', 1024, { trim: false }) ?? '';
		if (next !== confirm) return fail(400, { error: 'mismatch' as const });
		const result = await users.changePassword(
			user,
			locals.session!.id,
			current,
			next,
			userActor(user),
			locals.context
		);
		if (result !== 'ok') return fail(400, { error: result });
		return { changed: true };
	}
};
