import * as contracts from '$lib/server/contracts/files';
import * as contractReview from '$lib/server/contracts/review';
import { ownFile, whoFor } from '../../form';
import type { PageServerLoad } from './$types';

/** The 検証記録 a clerk attaches to the approval (決裁): every guarantee, every check. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { user, file } = await ownFile(params.id, locals, 'contract.print');
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
