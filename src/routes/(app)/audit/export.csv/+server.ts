import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as audit from '$lib/server/audit/append';
import * as auditCsv from '$lib/server/audit/csv';
import * as auditSearch from '$lib/server/audit/search';
import * as users from '$lib/server/identity/users';
import { requireUser, userActor } from '$lib/server/http/guard';
import type { RequestHandler } from './$types';

/** Streams the CSV in batches: a year of events never sits in memory. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const user = requireUser('admin', 'auditor');
	const parsed = auditSearch.filtersSchema.safeParse(auditSearch.filterParams(url.searchParams));
	if (!parsed.success) error(400, messages(locals.locale).audit.filters.invalid);
	const { before: _ignored, ...filters } = parsed.data;
	await audit.record({
		action: 'audit.export',
		outcome: 'success',
		actor: userActor(user),
		context: locals.context,
		organizationId: user.organizationId,
		detail: { filters }
	});

	const displayNames = await users.displayNames(user.organizationId);
	const batches = auditSearch.stream(user.organizationId, filters);
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(auditCsv.BOM + auditCsv.line(auditCsv.HEADER)));
		},
		async pull(controller) {
			const next = await batches.next();
			if (next.done) return controller.close();
			controller.enqueue(
				encoder.encode(next.value.map((event) => auditCsv.row(event, displayNames)).join(''))
			);
		},
		async cancel() {
			await batches.return(undefined);
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
