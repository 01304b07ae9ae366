import { fail, redirect } from '@sveltejs/kit';
import * as contracts from '$lib/server/contracts/files';
import * as contractReview from '$lib/server/contracts/review';
import { echo, formText } from '$lib/server/http/forms';
import { requireWriter } from '$lib/server/http/guard';
import { contractValues, ownFile, whoFor } from '../form';
import { attach } from './attach';
import type { Actions, PageServerLoad } from './$types';

/** Every read and action of this page counts as viewing the file. */
const viewedFile = (id: string, locals: App.Locals) => ownFile(id, locals, 'contract.view');
/** Every action changes the file: an auditor is refused before anything is read. */
const changedFile = (id: string, locals: App.Locals) => (requireWriter(), viewedFile(id, locals));

export const load: PageServerLoad = async ({ params, locals }) => {
	const { file } = await viewedFile(params.id, locals);
	return { file, review: await contractReview.review(file) };
};

export const actions: Actions = {
	attach: async (event) => {
		const { user, file } = await changedFile(event.params.id, event.locals);
		return attach(event, user, file);
	},
	change: async ({ params, request, locals }) => {
		const { user, file } = await changedFile(params.id, locals);
		const form = await request.formData();
		const text = (name: string, max: number) => formText(form, name, max) ?? '';
		const changeValues = {
			changedOn: text('changedOn', 20),
			contractAmount: text('contractAmount', 40),
			endOn: text('endOn', 20),
			note: text('note', 200)
		};
		const parsed = contracts.changeInput.safeParse(changeValues);
		if (!parsed.success) {
			const errors = contracts.fieldErrors(parsed.error);
			return fail(400, { changeErrors: errors, changeValues: echo(changeValues) });
		}
		await contracts.addChange(whoFor(user, locals), file, parsed.data, user.id);
		redirect(303, `/contracts/${file.id}`);
	},
	update: async ({ params, request, locals }) => {
		const { user, file } = await changedFile(params.id, locals);
		const updateValues = contractValues(await request.formData());
		const parsed = contracts.contractInput.safeParse(updateValues);
		if (!parsed.success) {
			const errors = contracts.fieldErrors(parsed.error);
			return fail(400, { updateErrors: errors, updateValues: echo(updateValues) });
		}
		try {
			await contracts.update(whoFor(user, locals), file, parsed.data);
		} catch (e) {
			if (!(e instanceof contracts.DuplicateContractError)) throw e;
			return fail(400, { updateErrors: { contractNumber: 'duplicate' }, updateValues });
		}
		redirect(303, `/contracts/${file.id}`);
	},
	confirm: async ({ params, locals }) => {
		const { user, file } = await changedFile(params.id, locals);
		await contractReview.confirm(file, { who: whoFor(user, locals) });
		redirect(303, `/contracts/${file.id}`);
	}
};
