import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as userAdmin from '$lib/server/identity/user-admin';
import * as users from '$lib/server/identity/users';
import { echo, formText } from '$lib/server/http/forms';
import { requireUser, userActor } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const admin = requireUser('admin');
	return { users: await users.list(admin.organizationId) };
};

const userId = (form: FormData) => z.uuid().safeParse(form.get('userId')).data ?? null;

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const admin = requireUser('admin');
		const form = await request.formData();
		const values = {
			username: formText(form, 'username', 64) ?? '',
			displayName: formText(form, 'displayName', 60) ?? '',
			role: formText(form, 'role', 16) ?? ''
		};
		const added = await userAdmin.addUser(admin, values, locals.context);
		if ('error' in added) {
			return fail(400, { action: 'add' as const, error: added.error, values: echo(values) });
		}
		return { action: 'add' as const, ...added };
	},
	setDisabled: async ({ request, locals }) => {
		const admin = requireUser('admin');
		const form = await request.formData();
		const id = userId(form);
		const disabled = form.get('disabled') === 'true';
		if (!id) return fail(400, { action: 'setDisabled' as const, error: 'notFound' as const });
		if (id === admin.id && disabled) {
			return fail(400, { action: 'setDisabled' as const, error: 'self' as const });
		}
		const user = await users.setDisabled(
			admin.organizationId,
			id,
			disabled,
			userActor(admin),
			locals.context
		);
		if (!user) return fail(404, { action: 'setDisabled' as const, error: 'notFound' as const });
		return { action: 'setDisabled' as const, username: user.username, disabled };
	},
	resetPassword: async ({ request, locals }) => {
		const admin = requireUser('admin');
		const id = userId(await request.formData());
		const reset =
			id && (await users.resetPassword(admin.organizationId, id, userActor(admin), locals.context));
		if (!reset) return fail(404, { action: 'resetPassword' as const, error: 'notFound' as const });
		return { action: 'resetPassword' as const, ...reset };
	}
};
