import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as certificates from '$lib/server/certificates/verify';
import { requireUser } from '$lib/server/http/guard';
import { pageQr } from '$lib/server/certificates/page-qr';
import * as auditCheckpoints from '$lib/server/audit/checkpoint-status';
import { takePurpose } from '$lib/server/certificates/purpose-cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, url, locals }) => {
	const caller = requireUser();
	const purpose = takePurpose(cookies, params.id);
	const certificate = await certificates.view(caller, { id: params.id, purpose });
	// Another organisation's certificate, or one never presented here, does not exist for this user.
	if (!certificate) error(404, messages(locals.locale).common.errors.notFound);
	// The printed record links to this page: the URL carries no key.
	const pageUrl = `${url.origin}/certificates/${certificate.id}`;
	const [qr, checkpoint] = await Promise.all([pageQr(pageUrl), auditCheckpoints.inForce()]);
	return {
		certificate,
		pageUrl,
		qr,
		checkpoint,
		clerkOrganization: caller.user.organizationName
	};
};

export const actions: Actions = {
	/** The print button records the printing (検証記録) before the browser's print dialog opens. */
	print: async ({ params, locals }) => {
		const recorded = await certificates.recordPrint(requireUser(), params.id);
		if (!recorded) error(404, messages(locals.locale).common.errors.notFound);
		return { printed: true };
	}
};
