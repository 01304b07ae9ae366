import * as contracts from '$lib/server/contracts';
import * as contractReview from '$lib/server/contract-review';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const files = await contracts.list(user.organizationId);
	const reviewed = await Promise.all(
		files.map(async (file) => {
			const r = await contractReview.review(file);
			return {
				id: file.id,
				contractNumber: file.contractNumber,
				worksName: file.worksName,
				contractorName: file.contractorName,
				contractAmount: r.terms.contractAmount,
				endOn: r.terms.endOn,
				result: r.result,
				missing: r.missing,
				expiring: r.expiringSoon.length > 0,
				attention: r.attention,
				guarantees: r.guarantees.length
			};
		})
	);
	return { files: reviewed };
};
