import { fail, redirect } from '@sveltejs/kit';
import * as edits from '$lib/server/contracts/file-edits';
import * as contractReview from '$lib/server/contracts/review';
import * as contractView from '$lib/server/contracts/view';
import type { ContractFile } from '$lib/server/contracts/files';
import { echo } from '$lib/server/http/forms';
import { requireWriter } from '$lib/server/http/guard';
import type { SessionUser } from '$lib/server/identity/sessions';
import { contractValues, ownFile, whoFor } from '../form';
import { attach } from './attach';
import * as more from './file-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Every read and action of this page counts as viewing the file. */
const viewedFile = (id: string, locals: App.Locals) => ownFile(id, locals, 'contract.view');
/** Every action changes the file: an auditor is refused before anything is read. */
const changedFile = (id: string, locals: App.Locals) => (requireWriter(), viewedFile(id, locals));

export const load: PageServerLoad = async ({ params, locals }) => {
	const { user, file } = await viewedFile(params.id, locals);
	return {
		file,
		review: await contractView.view(whoFor(user, locals), file, 'contract.view'),
		isAdmin: user.role === 'admin'
	};
};

/** An action of `more` on the file: guard, form, call. */
const on = async <R>(
	action: (form: FormData, ...rest: [SessionUser, ContractFile, App.Locals]) => Promise<R>,
	{ params, request, locals }: RequestEvent
) => {
	const { user, file } = await changedFile(params.id, locals);
	return action(await request.formData(), user, file, locals);
};

export const actions: Actions = {
	attach: async (event) => {
		const { user, file } = await changedFile(event.params.id, event.locals);
		return attach(event, user, file);
	},
	update: async ({ params, request, locals }) => {
		const { user, file } = await changedFile(params.id, locals);
		const updateValues = contractValues(await request.formData());
		const updateErrors = await edits.update(whoFor(user, locals), file, updateValues);
		if (updateErrors) return fail(400, { updateErrors, updateValues: echo(updateValues) });
		redirect(303, `/contracts/${file.id}`);
	},
	confirm: async ({ params, locals }) => {
		const { user, file } = await changedFile(params.id, locals);
		await contractReview.confirm(file, { who: whoFor(user, locals) });
		redirect(303, `/contracts/${file.id}`);
	},
	change: async (event) => on(more.change, event),
	detach: async (event) => on(more.detach, event),
	'other-security': async (event) => on(more.otherSecurity, event),
	'withdraw-security': async (event) => on(more.withdrawSecurity, event),
	complete: async (event) => on(more.complete, event)
};
