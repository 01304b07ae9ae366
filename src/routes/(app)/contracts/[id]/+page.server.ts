import { fail, redirect } from '@sveltejs/kit';
import * as contracts from '$lib/server/contracts/files';
import * as contractReview from '$lib/server/contracts/review';
import { contractValues, ownFile, whoFor } from '../form';
import { attach } from './attach';
import * as more from './file-actions';
import type { ContractFile } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/identity/sessions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Every read and action of this page counts as viewing the file. */
const viewedFile = (id: string, locals: App.Locals) => ownFile(id, locals, 'contract.view');

export const load: PageServerLoad = async ({ params, locals }) => {
	const { user, file } = await viewedFile(params.id, locals);
	return { file, review: await contractReview.review(file), isAdmin: user.role === 'admin' };
};

/** An action of `more` on the file: guard, form, call. */
const on =
	<R>(action: (form: FormData, ...rest: [SessionUser, ContractFile, App.Locals]) => Promise<R>) =>
	async ({ params, request, locals }: RequestEvent) => {
		const { user, file } = await viewedFile(params.id, locals);
		return action(await request.formData(), user, file, locals);
	};

export const actions: Actions = {
	attach: async (event) => {
		const { user, file } = await viewedFile(event.params.id, event.locals);
		return attach(event, user, file);
	},
	update: async ({ params, request, locals }) => {
		const { user, file } = await viewedFile(params.id, locals);
		const updateValues = contractValues(await request.formData());
		const parsed = contracts.contractInput.safeParse(updateValues);
		if (!parsed.success) {
			return fail(400, { updateErrors: contracts.fieldErrors(parsed.error), updateValues });
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
		const { user, file } = await viewedFile(params.id, locals);
		await contractReview.confirm(file, { who: whoFor(user, locals) });
		redirect(303, `/contracts/${file.id}`);
	},
	change: on(more.change),
	detach: on(more.detach),
	'other-security': on(more.otherSecurity),
	'withdraw-security': on(more.withdrawSecurity),
	complete: on(more.complete)
};
