import { z } from 'zod';

/**
 * The one date type of the portal: a calendar day written `YYYY-MM-DD`, a day that exists
 * (no 2026-02-30), between 1900-01-01 and 2199-12-31 (shared/API.md §4). The API, the contract
 * forms, the contract import and the audit filters all use it, so a date that passes here can
 * always be stored in a PostgreSQL `date`, compared as text and shown in 和暦 — year 0000 once
 * reached the database and came back as a 500.
 *
 * Why these bounds: every date the portal holds (発行日, 工期, 保証期間, 契約日, an audit filter) lies
 * in the era of electronic surety; 1900 keeps 明治 out of the 和暦 display, and 2199 leaves room
 * for any 保証期限 while catching a mistyped year (20260 → 2026-0-…, 0026).
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';
export const DAY_MESSAGE = `must be a date YYYY-MM-DD from ${FIRST_DAY} to ${LAST_DAY}`;

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `YYYY-MM-DD` naming a day that exists, within FIRST_DAY … LAST_DAY. */
export function isDay(text: string): boolean {
	const match = DAY_SHAPE.exec(text);
	if (!match || text < FIRST_DAY || text > LAST_DAY) return false;
	const [year, month, day] = match.slice(1).map(Number);
	if (month < 1 || month > 12 || day < 1) return false;
	// Day 0 of the next month is the last day of this one (leap years included).
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A required day, exactly `YYYY-MM-DD` (the issuer API, the audit filters). */
export const day = z
	.string()
	.refine(isDay, { message: DAY_MESSAGE, params: { code: 'date' } })
	.meta({
		format: 'date',
		// For the OpenAPI document: as close as a pattern gets; isDay checks the calendar.
		pattern: '^(19|20|21)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
		description: `YYYY-MM-DD, ${FIRST_DAY} … ${LAST_DAY}`
	});

/** As a clerk types it: full-width digits from a Japanese IME and `2026/07/01` are fine. */
const typed = (value: unknown) =>
	typeof value === 'string' ? value.normalize('NFKC').trim().replace(/\//g, '-') : value;

/** A required day of a form or a CSV cell. */
export const formDay = z.preprocess(typed, day);

/** An optional day of a form or a CSV cell: empty means absent. */
export const optionalFormDay = z.preprocess(
	(value) => (value === '' || value === null ? undefined : typed(value)),
	day.optional()
);
