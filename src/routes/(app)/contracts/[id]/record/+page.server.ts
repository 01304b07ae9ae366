import * as auditCheckpoints from '$lib/server/audit/checkpoint-status';
import * as contractView from '$lib/server/contracts/view';
import { ownFile } from '../../form';
import type { PageServerLoad } from './$types';

/** The 検証記録 a clerk attaches to the approval (決裁): every guarantee, every check. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { caller, file } = await ownFile(params.id, locals, 'contract.print');
	const review = await contractView.view(caller, file, 'contract.print');
	const { user } = caller;
	return {
		file,
		review,
		checkpoint: await auditCheckpoints.inForce(),
		madeAt: new Date().toISOString(),
		madeBy: user.displayName || user.username,
		organizationName: user.organizationName
	};
};
