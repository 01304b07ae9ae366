import * as certificates from '$lib/server/certificates/verify';
import { requireUser } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { user } = requireUser();
	return { recent: await certificates.recent(user.organizationId) };
};
