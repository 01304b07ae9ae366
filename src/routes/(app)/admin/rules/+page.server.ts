import { fail } from '@sveltejs/kit';
import * as rules from '$lib/server/contracts/rules';
import { formText } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's check rules (前金払規則・契約規則), for its admin; each change is audited. */
export const load: PageServerLoad = async () => {
	const { user: admin } = requireUser('admin');
	return { rules: await rules.inForce(admin.organizationId) };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const caller = requireUser('admin');
		const form = await request.formData();
		const values = Object.fromEntries(
			Object.keys(rules.rulesInput.shape).map((name) => [name, formText(form, name, 40) ?? ''])
		);
		const parsed = rules.rulesInput.safeParse(values);
		if (!parsed.success) {
			const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true]));
			return fail(400, { errors, values });
		}
		const changed = await rules.save(caller, parsed.data, caller.user.id);
		return { saved: true, changed };
	}
};
