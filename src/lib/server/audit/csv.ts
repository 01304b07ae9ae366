import { withoutBidi } from '../common/text';
import type { AuditEvent } from '../db/schema';
import * as audit from './append';
import * as search from './search';

/**
 * The CSV an auditor opens in Excel: UTF-8 with a BOM (without it Excel reads Shift_JIS and
 * the Japanese turns to mojibake), CRLF line ends, every field quoted.
 */
export const BOM = '\uFEFF';

export const HEADER = [
	'日時（日本時間）',
	'イベントID',
	'チェーン',
	'連番',
	'操作',
	'結果',
	'理由',
	'操作者種別',
	'操作者',
	'保証契約番号',
	'保証ID',
	'目的',
	'IPアドレス',
	'ユーザーエージェント',
	'要求ID',
	'ハッシュ'
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

export function row(event: AuditEvent): string {
	return line([
		jst.format(new Date(event.at)),
		event.id,
		event.chain,
		event.seq,
		event.action,
		event.outcome,
		event.reason,
		event.actorType,
		event.actorLabel,
		event.guaranteeNumber,
		event.guaranteeId,
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
	who: { organizationId: string; actor: audit.Actor; context: audit.EventInput['context'] },
	filters: search.Filters
): Promise<AsyncGenerator<string>> {
	await audit.record({
		action: 'audit.export',
		outcome: 'success',
		actor: who.actor,
		context: who.context,
		organizationId: who.organizationId,
		detail: { filters }
	});
	const batches = search.stream(who.organizationId, filters);
	// The first batch is read before the 200 goes out: a query that fails fails the request
	// with its own status, rather than a 200 whose stream is cut (issue 12).
	const first = await batches.next();
	return (async function* () {
		try {
			yield BOM + line(HEADER) + (first.done ? '' : first.value.map(row).join(''));
			if (first.done) return;
			for (let next = await batches.next(); !next.done; next = await batches.next()) {
				yield next.value.map(row).join('');
			}
		} finally {
			await batches.return(undefined);
		}
	})();
}
