import { fail, redirect } from '@sveltejs/kit';
import * as edits from '$lib/server/contracts/file-edits';
import * as contractReview from '$lib/server/contracts/review';
import * as contractView from '$lib/server/contracts/view';
import type { ContractFile } from '$lib/server/contracts/files';
import { echo } from '$lib/server/http/forms';
import { requireWriter } from '$lib/server/http/guard';
import type { UserCaller } from '$lib/server/identity/caller';
import { contractValues, ownFile } from '../form';
import { attach } from './attach';
import * as more from './file-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Every read and action of this page counts as viewing the file. */
const viewedFile = (id: string, locals: App.Locals) => ownFile(id, locals, 'contract.view');
/** Every action changes the file: an auditor is refused before anything is read. */
const changedFile = (id: string, locals: App.Locals) => (requireWriter(), viewedFile(id, locals));

export const load: PageServerLoad = async ({ params, locals }) => {
	const { caller, file } = await viewedFile(params.id, locals);
	return {
		file,
		review: await contractView.view(caller, file, 'contract.view'),
		isAdmin: caller.user.role === 'admin'
	};
};

/** An action of `more` on the file: guard, form, call. */
const on = async <R>(
	action: (form: FormData, caller: UserCaller, file: ContractFile) => Promise<R>,
	{ params, request, locals }: RequestEvent
) => {
	const { caller, file } = await changedFile(params.id, locals);
	return action(await request.formData(), caller, file);
};

export const actions: Actions = {
	attach: async (event) => {
		const { caller, file } = await changedFile(event.params.id, event.locals);
		return attach(event, caller, file);
	},
	update: async ({ params, request, locals }) => {
		const { caller, file } = await changedFile(params.id, locals);
		const updateValues = contractValues(await request.formData());
		const updateErrors = await edits.update(caller, file, updateValues);
		if (updateErrors) return fail(400, { updateErrors, updateValues: echo(updateValues) });
		redirect(303, `/contracts/${file.id}`);
	},
	confirm: async ({ params, locals }) => {
		const { caller, file } = await changedFile(params.id, locals);
		await contractReview.confirm(caller, file);
		redirect(303, `/contracts/${file.id}`);
	},
	change: async (event) => on(more.change, event),
	detach: async (event) => on(more.detach, event),
	'other-security': async (event) => on(more.otherSecurity, event),
	'withdraw-security': async (event) => on(more.withdrawSecurity, event),
	complete: async (event) => on(more.complete, event)
};
