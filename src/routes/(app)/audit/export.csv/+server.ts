import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import * as audit from '$lib/server/audit/append';
import * as auditCsv from '$lib/server/audit/csv';
import * as auditSearch from '$lib/server/audit/search';
import * as users from '$lib/server/identity/users';
import { requireUser, userActor } from '$lib/server/http/guard';
import type { RequestHandler } from './$types';

/**
 * Streams the CSV in batches: a year of events never sits in memory. The filters are checked
 * before anything is sent (a bad date is a 400 with the reason, never a cut stream).
 */
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
	// The first batch is read before the 200 goes out: a query that fails fails the request
	// with its own status, rather than a 200 whose stream is cut (issue 12).
	const first = await batches.next();
	const encoder = new TextEncoder();
	const rowsOf = (events: Parameters<typeof auditCsv.row>[0][]) =>
		events.map((event) => auditCsv.row(event, displayNames)).join('');
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const rows = first.done ? '' : rowsOf(first.value);
			controller.enqueue(encoder.encode(auditCsv.BOM + auditCsv.line(auditCsv.HEADER) + rows));
			if (first.done) controller.close();
		},
		async pull(controller) {
			const next = await batches.next();
			if (next.done) return controller.close();
			controller.enqueue(encoder.encode(rowsOf(next.value)));
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
