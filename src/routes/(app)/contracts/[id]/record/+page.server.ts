import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as audit from '$lib/server/audit';
import * as contracts from '$lib/server/contracts';
import * as contractReview from '$lib/server/contract-review';
import { requireUser } from '$lib/server/guard';
import { whoFor } from '../../form';
import type { PageServerLoad } from './$types';

/** The 検証記録 a clerk attaches to the approval (決裁): every guarantee, every check. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireUser();
	const file = await contracts.get(user.organizationId, params.id);
	if (!file) {
		// Issue 7 (tenant matrix): another organisation's file, or none, is a denied access.
		await audit.recordDenied(whoFor(user, locals), 'contract.print', params.id);
		error(404, messages(locals.locale).common.errors.notFound);
	}
	const review = await contractReview.review(file);
	await contracts.recordPrinted(whoFor(user, locals), file);
	return {
		file,
		review,
		madeAt: new Date().toISOString(),
		madeBy: user.displayName || user.username,
		organizationName: user.organizationName
	};
};
