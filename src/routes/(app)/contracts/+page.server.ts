import * as contracts from '$lib/server/contracts/files';
import * as contractReview from '$lib/server/contracts/review';
import { requireUser } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

const SHOW = ['all', 'attention', 'fail', 'warn'] as const;
type Show = (typeof SHOW)[number];
const normalize = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The work list (files needing attention) and every file, filtered by ?q= and ?show=. */
export const load: PageServerLoad = async ({ url }) => {
	const { user } = requireUser();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const given = url.searchParams.get('show');
	const show: Show = SHOW.find((s) => s === given) ?? 'all';
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
	const needle = normalize(q);
	const shown = reviewed.filter(
		(f) =>
			(!needle ||
				[f.contractNumber, f.worksName, f.contractorName].some((v) =>
					normalize(v).includes(needle)
				)) &&
			(show === 'all' || (show === 'attention' ? f.attention : f.result === show))
	);
	return { files: reviewed, shown, filter: { q, show } };
};
