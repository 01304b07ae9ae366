import { withoutBidi } from '../common/text';
import type { AuditEvent } from '../db/schema';

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
