import { fail } from '@sveltejs/kit';
import { importCsv } from '$lib/server/contracts/import';
import { requireWriter, userActor } from '$lib/server/http/guard';
import type { Actions } from './$types';

const MAX_BYTES = 5 * 1024 * 1024;

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireWriter();
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0 || file.size > MAX_BYTES) {
			return fail(400, { noFile: true });
		}
		const who = {
			organizationId: user.organizationId,
			actor: userActor(user),
			context: locals.context
		};
		const result = await importCsv(who, new Uint8Array(await file.arrayBuffer()), user.id);
		return { result };
	}
};
