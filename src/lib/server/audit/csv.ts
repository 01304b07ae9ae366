import { messages } from '../../i18n';
import { withoutBidi } from '../common/text';
import type { AuditEvent } from '../db/schema';
import * as audit from './append';
import { organizationOf, recordedAs, type TenantCaller } from '../identity/caller';
import * as search from './search';

/**
 * The CSV an auditor opens in Excel: UTF-8 with a BOM (without it Excel reads Shift_JIS and
 * the Japanese turns to mojibake), CRLF line ends, every field quoted.
 */
export const BOM = '\uFEFF';

const labels = messages('ja').audit;
const purposes = labels.purposes as Record<string, string>;
const outcomes = labels.outcomes as Record<string, string>;
const actions = { ...labels.actions, ...labels.otherActions };
const label = (names: Record<string, string>, code: string | null) =>
	code === null ? null : (names[code] ?? code);

/**
 * Every code is written twice: its Japanese label for the auditor, and the code itself in the
 * column beside it for machines (a label may be reworded; the code never is).
 */
const h = labels.csv;
export const HEADER = [
	h.at,
	h.id,
	h.chain,
	h.seq,
	h.action,
	h.actionCode,
	h.outcome,
	h.outcomeCode,
	h.reason,
	h.reasonCode,
	h.actorType,
	h.actorTypeCode,
	h.actorName,
	h.actor,
	h.guaranteeNumber,
	h.guaranteeId,
	h.purpose,
	h.purposeCode,
	h.ip,
	h.userAgent,
	h.requestId,
	h.hash
];

const jst = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Asia/Tokyo',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/**
 * Quotes a field; a leading = + - @ would make Excel run it as a formula, so it is defused, and a
 * bidirectional control (kept in the trail as typed) is not passed on to the reader (issue 12).
 */
export function field(value: unknown): string {
	let text = value === null || value === undefined ? '' : withoutBidi(String(value));
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

export function line(values: unknown[]): string {
	return `${values.map(field).join(',')}\r\n`;
}

/** `displayNames`: the organisation's users by id, so a row names 田中 花子 beside her login. */
export function row(event: AuditEvent, displayNames: ReadonlyMap<string, string>): string {
	return line([
		jst.format(new Date(event.at)),
		event.id,
		event.chain,
		event.seq,
		label(actions, event.action),
		event.action,
		label(outcomes, event.outcome),
		event.outcome,
		label(labels.reasons, event.reason),
		event.reason,
		label(labels.actorTypes, event.actorType),
		event.actorType,
		(event.actorId && displayNames.get(event.actorId)) || null,
		event.actorLabel,
		event.guaranteeNumber,
		event.guaranteeId,
		label(purposes, event.purpose),
		event.purpose,
		event.ip,
		event.userAgent,
		event.requestId,
		event.hash
	]);
}

/**
 * An organisation's trail as CSV (GET /audit/export.csv): recorded as `audit.export`, with its
 * filters, before anything is read; then the text a batch of events at a time, so a year of
 * events never sits in memory.
 */
export async function exportFor(
	caller: TenantCaller,
	filters: search.Filters,
	displayNames: ReadonlyMap<string, string>
): Promise<AsyncGenerator<string>> {
	await audit.record({
		action: 'audit.export',
		outcome: 'success',
		...recordedAs(caller),
		organizationId: organizationOf(caller),
		detail: { filters }
	});
	const batches = search.stream(organizationOf(caller), filters);
	// The first batch is read before the 200 goes out: a query that fails fails the request
	// with its own status, rather than a 200 whose stream is cut (issue 12).
	const first = await batches.next();
	return (async function* () {
		try {
			yield (
				BOM +
				line(HEADER) +
				(first.done ? '' : first.value.map((event) => row(event, displayNames)).join(''))
			);
			if (first.done) return;
			for (let next = await batches.next(); !next.done; next = await batches.next()) {
				yield next.value.map((event) => row(event, displayNames)).join('');
			}
		} finally {
			await batches.return(undefined);
		}
	})();
}

/**
 * The file's name carries the day it was made, in Japan (its rows are in Japan time too):
 * audit-124249-2026-07-06.csv, even at 08:00 JST when the UTC date is still the 5th.
 */
export function fileName(organizationCode: string, now = new Date()): string {
	return `audit-${organizationCode}-${jst.format(now).slice(0, 10)}.csv`;
}
