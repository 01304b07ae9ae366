import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as auditCsv from '$lib/server/audit/csv';
import * as auditSearch from '$lib/server/audit/search';
import * as users from '$lib/server/identity/users';
import { requireUser } from '$lib/server/http/guard';
import type { RequestHandler } from './$types';

/**
 * Streams the CSV in batches: a year of events never sits in memory. The filters are checked
 * before anything is sent (a bad date is a 400 with the reason, never a cut stream).
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const caller = requireUser('admin', 'auditor');
	const { user } = caller;
	const parsed = auditSearch.filtersSchema.safeParse(auditSearch.filterParams(url.searchParams));
	if (!parsed.success) error(400, messages(locals.locale).audit.filters.invalid);
	const { before: _ignored, ...filters } = parsed.data;
	const names = await users.displayNames(user.organizationId);
	const chunks = await auditCsv.exportFor(caller, filters, names);
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) return controller.close();
			controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${auditCsv.fileName(user.organizationCode)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
