import { z } from 'zod';

/**
 * Free text as the schemas accept it: trimmed, bounded, and without control characters. A NUL
 * cannot be stored in PostgreSQL text (it was a 500 before the fuzz tests found it), and a line
 * break inside a name or a number would break the one-line places it is shown in (CSV rows, log
 * lines, the printed record). Notes and reasons may keep tabs and line breaks.
 */
const ONE_LINE = /^\P{Cc}*$/u;
const LINES = /^(?:\P{Cc}|[\t\n\r])*$/u;
const NO_CONTROL = 'must not contain control characters';

/** A required one-line text of at most `max` characters. */
export const oneLine = (max: number) =>
	z.string().trim().min(1).max(max).regex(ONE_LINE, NO_CONTROL);

/** An optional one-line text (may be empty) of at most `max` characters. */
export const optionalLine = (max: number) => z.string().trim().max(max).regex(ONE_LINE, NO_CONTROL);

/** A note or reason: may be empty, may have line breaks. */
export const note = (max: number) => z.string().trim().max(max).regex(LINES, NO_CONTROL);

/**
 * A one-line text typed in a spreadsheet cell, where Alt+Enter puts line breaks in a name
 * (「公民館改修工事↵（第2期）」): each run of line breaks and tabs becomes one space.
 */
export const foldedLine = (max: number) =>
	z.preprocess(
		(value) => (typeof value === 'string' ? value.replace(/[\t\r\n]+/g, ' ') : value),
		oneLine(max)
	);
