import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as userAdmin from '$lib/server/identity/user-admin';
import * as users from '$lib/server/identity/users';
import { echo, formText } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const admin = requireUser('admin');
	return { users: await userAdmin.list(admin), adminId: admin.user.id };
};

const userId = (form: FormData) => z.uuid().safeParse(form.get('userId')).data ?? null;

export const actions: Actions = {
	add: async ({ request }) => {
		const admin = requireUser('admin');
		const form = await request.formData();
		const values = {
			username: formText(form, 'username', 64) ?? '',
			displayName: formText(form, 'displayName', 60) ?? '',
			role: formText(form, 'role', 16) ?? ''
		};
		const added = await userAdmin.addUser(admin, values);
		if ('error' in added) {
			return fail(400, { action: 'add' as const, error: added.error, values: echo(values) });
		}
		return { action: 'add' as const, ...added };
	},
	setDisabled: async ({ request }) => {
		const form = await request.formData();
		const id = userId(form);
		const disabled = form.get('disabled') === 'true';
		if (!id) return fail(400, { action: 'setDisabled' as const, error: 'notFound' as const });
		const confirmed = form.get('confirmed') === 'yes';
		const done = await userAdmin.setDisabled(requireUser('admin'), id, disabled, confirmed);
		if ('error' in done) {
			const status = done.error === 'self' ? 400 : 404;
			return fail(status, { action: 'setDisabled' as const, error: done.error });
		}
		// Disabling ends the user's sessions at once: asked first (works without JavaScript).
		if ('confirm' in done) {
			return { action: 'confirmDisable' as const, userId: id, username: done.confirm };
		}
		return { action: 'setDisabled' as const, username: done.username, disabled };
	},
	resetPassword: async ({ request }) => {
		const admin = requireUser('admin');
		const id = userId(await request.formData());
		const reset = id && (await users.resetPassword(admin, id));
		if (!reset) return fail(404, { action: 'resetPassword' as const, error: 'notFound' as const });
		return { action: 'resetPassword' as const, ...reset };
	}
};
