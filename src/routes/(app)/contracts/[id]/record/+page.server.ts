import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as contracts from '$lib/server/contracts';
import * as contractReview from '$lib/server/contract-review';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

/** The 検証記録 a clerk attaches to the approval (決裁): every guarantee, every check. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireUser();
	const file = await contracts.get(user.organizationId, params.id);
	if (!file) error(404, messages(locals.locale).common.errors.notFound);
	return {
		file,
		review: await contractReview.review(file),
		madeAt: new Date().toISOString(),
		madeBy: user.displayName || user.username,
		organizationName: user.organizationName
	};
};
