import { fail, redirect } from '@sveltejs/kit';
import * as contracts from '$lib/server/contracts/files';
import { echo } from '$lib/server/http/forms';
import { requireWriter } from '$lib/server/http/guard';
import { contractValues } from '../form';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request }) => {
		const caller = requireWriter();
		const values = contractValues(await request.formData());
		const parsed = contracts.contractInput.safeParse(values);
		if (!parsed.success)
			return fail(400, { errors: contracts.fieldErrors(parsed.error), values: echo(values) });
		let id: string;
		try {
			id = (await contracts.create(caller, parsed.data, caller.user.id)).id;
		} catch (error) {
			if (!(error instanceof contracts.DuplicateContractError)) throw error;
			return fail(400, { errors: { contractNumber: 'duplicate' }, values });
		}
		redirect(303, `/contracts/${id}`);
	}
};
