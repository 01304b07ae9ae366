import * as certificates from '$lib/server/certificates';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { recent: await certificates.recent(user.organizationId) };
};
