import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as userAdmin from '$lib/server/identity/user-admin';
import * as users from '$lib/server/identity/users';
import * as lastSignIn from '$lib/server/identity/last-sign-in';
import { echo, formText } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { user: admin } = requireUser('admin');
	const [list, lastSignIns] = await Promise.all([
		users.list(admin.organizationId),
		lastSignIn.lastSignIns(admin.organizationId)
	]);
	return {
		users: list.map((user) => ({ ...user, lastSignInAt: lastSignIns.get(user.id) ?? null })),
		adminId: admin.id
	};
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
		const caller = requireUser('admin');
		const admin = caller.user;
		const form = await request.formData();
		const id = userId(form);
		const disabled = form.get('disabled') === 'true';
		if (!id) return fail(400, { action: 'setDisabled' as const, error: 'notFound' as const });
		if (id === admin.id && disabled) {
			return fail(400, { action: 'setDisabled' as const, error: 'self' as const });
		}
		// Disabling ends the user's sessions at once: asked first (works without JavaScript).
		if (disabled && form.get('confirmed') !== 'yes') {
			const user = (await users.list(admin.organizationId)).find((u) => u.id === id);
			if (!user) return fail(404, { action: 'setDisabled' as const, error: 'notFound' as const });
			return { action: 'confirmDisable' as const, userId: id, username: user.username };
		}
		const user = await users.setDisabled(caller, id, disabled);
		if (!user) return fail(404, { action: 'setDisabled' as const, error: 'notFound' as const });
		return { action: 'setDisabled' as const, username: user.username, disabled };
	},
	resetPassword: async ({ request }) => {
		const admin = requireUser('admin');
		const id = userId(await request.formData());
		const reset = id && (await users.resetPassword(admin, id));
		if (!reset) return fail(404, { action: 'resetPassword' as const, error: 'notFound' as const });
		return { action: 'resetPassword' as const, ...reset };
	}
};
