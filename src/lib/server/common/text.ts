import { z } from 'zod';

/**
 * Free text as the schemas accept it: trimmed, bounded, and only characters that are text.
 * - No control characters: a NUL cannot be stored in PostgreSQL text (it was a 500 before the
 *   fuzz tests found it), and a line break inside a name or a number would break the one-line
 *   places it is shown in (CSV rows, log lines, the printed record). Notes and reasons may keep
 *   tabs and line breaks.
 * - No lone surrogate (half of a UTF-16 pair, JSON `"\ud800"`): it is not a character, UTF-8
 *   cannot carry it, and PostgreSQL refuses it in jsonb (a 500 before issue 12).
 * - No bidirectional control (U+202A–U+202E, U+2066–U+2069): they make text display in another
 *   order than it is stored ("Trojan Source", CVE-2021-42574), so a contractor's name or a
 *   number could read differently on the certificate than the issuer sent it (shared/API.md §4).
 */
const ONE_LINE = /^\P{Cc}*$/u;
const LINES = /^(?:\P{Cc}|[\t\n\r])*$/u;
const NO_CONTROL = 'must not contain control characters';

const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
export const LONE_SURROGATE_MESSAGE = 'must not contain a lone surrogate (invalid UTF-16)';
export const BIDI_MESSAGE =
	'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)';

/** Why `text` is not plain text, or null when it is. */
export function textFault(text: string): string | null {
	if (LONE_SURROGATE.test(text)) return LONE_SURROGATE_MESSAGE;
	if (BIDI_CONTROL.test(text)) return BIDI_MESSAGE;
	return null;
}

/** `text` with lone surrogates shown as U+FFFD: a key of a JSON body named in an error message. */
export const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, '\uFFFD');

/** `text` without bidirectional controls: the last guard where text is rendered. */
export const withoutBidi = (text: string) => text.replace(/[\u202A-\u202E\u2066-\u2069]/gu, '');

/** The checks every text field runs; the forms show `code` "characters" for either. */
const plain = (schema: z.ZodString) =>
	schema
		.refine((v) => !LONE_SURROGATE.test(v), {
			message: LONE_SURROGATE_MESSAGE,
			params: { code: 'characters' }
		})
		.refine((v) => !BIDI_CONTROL.test(v), {
			message: BIDI_MESSAGE,
			params: { code: 'characters' }
		});

/** A required one-line text of at most `max` characters. */
export const oneLine = (max: number) =>
	plain(z.string().trim().min(1).max(max).regex(ONE_LINE, NO_CONTROL));

/** An optional one-line text (may be empty) of at most `max` characters. */
export const optionalLine = (max: number) =>
	plain(z.string().trim().max(max).regex(ONE_LINE, NO_CONTROL));

/** A note or reason: may be empty, may have line breaks. */
export const note = (max: number) => plain(z.string().trim().max(max).regex(LINES, NO_CONTROL));

/**
 * A one-line text typed in a spreadsheet cell, where Alt+Enter puts line breaks in a name
 * (「公民館改修工事↵（第2期）」): each run of line breaks and tabs becomes one space.
 */
export const foldedLine = (max: number) =>
	z.preprocess(
		(value) => (typeof value === 'string' ? value.replace(/[\t\r\n]+/g, ' ') : value),
		oneLine(max)
	);

export interface TextFault {
	/** Path segments into the value; a key's own fault names the key. */
	path: (string | number)[];
	message: string;
}

/** A place in a JSON value: its key and the place that holds it (paths are built only for faults). */
interface Place {
	value: unknown;
	key: string | number | null;
	parent: Place | null;
}
const pathOf = (place: Place) => {
	const path: (string | number)[] = [];
	for (let at: Place | null = place; at && at.key !== null; at = at.parent) path.push(at.key);
	return path.reverse();
};

/**
 * Every key and string of a parsed JSON value that is not plain text, at most `limit` of them:
 * the issuer API checks a whole body with this before its schema, so a field added later (or a
 * key no schema knows, such as `"\ud800"`) is covered too. Iterative and linear: a body may nest
 * a hundred thousand levels deep.
 */
export function textFaults(value: unknown, limit = 20): TextFault[] {
	const faults: TextFault[] = [];
	const stack: Place[] = [{ value, key: null, parent: null }];
	while (stack.length && faults.length < limit) {
		const place = stack.pop()!;
		const current = place.value;
		if (typeof current === 'string') {
			const message = textFault(current);
			if (message) faults.push({ path: pathOf(place), message });
		} else if (Array.isArray(current)) {
			for (let i = current.length - 1; i >= 0; i--)
				stack.push({ value: current[i], key: i, parent: place });
		} else if (current !== null && typeof current === 'object') {
			for (const [key, child] of Object.entries(current).reverse()) {
				const at = { value: child, key: wellFormed(key), parent: place };
				const message = textFault(key);
				if (message) faults.push({ path: pathOf(at), message: `field name ${message}` });
				else stack.push(at);
			}
		}
	}
	return faults.slice(0, limit);
}
