import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { BOM, line } from '$lib/server/audit/csv';
import { rejectedLines } from '$lib/server/contracts/import/import';
import { requireUser } from '$lib/server/http/guard';
import type { RequestHandler } from './$types';

/** Every line an import refused, for Excel: the page shows only the first ones. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { user } = requireUser();
	const rejected = await rejectedLines(user.organizationId, params.id);
	if (!rejected) error(404, messages(locals.locale).common.errors.notFound);
	const rows = rejected.map((r) => line([r.line, r.message])).join('');
	return new Response(BOM + line(['行', '理由']) + rows, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="contract-import-${params.id}-rejected.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
