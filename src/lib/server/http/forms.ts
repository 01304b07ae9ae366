import { error } from '@sveltejs/kit';
import { parseQrPayload } from '../../auth-key';
import { withoutBidi } from '../common/text';

/**
 * Reads one text field of a submitted form. Anything that is not a string of at most `max`
 * characters without NUL (a file, an oversized value) counts as absent: the caller answers 400 with its
 * own message instead of passing odd input further in.
 */
export function formText(
	form: FormData,
	name: string,
	max: number,
	{ trim = true }: { trim?: boolean } = {}
): string | null {
	const value = form.get(name);
	// A NUL cannot be stored in PostgreSQL text (a 500 before issue 7's fuzzing found it).
	if (typeof value !== 'string' || value.length > max || value.includes('\0')) return null;
	const text = trim ? value.trim() : value;
	return text === '' ? null : text;
}

/**
 * The number, key and purpose of a key entry (/verify, a contract file's attach). A handheld
 * scanner types the whole QR text into whichever field has the focus: it fills both.
 */
export function keyEntry(form: FormData) {
	const typed = {
		guaranteeNumber: formText(form, 'guaranteeNumber', 100) ?? '',
		authKey: formText(form, 'authKey', 100) ?? ''
	};
	const scanned = parseQrPayload(typed.guaranteeNumber) ?? parseQrPayload(typed.authKey);
	return { ...(scanned ?? typed), purpose: formText(form, 'purpose', 40) };
}

/** Every field's error in a refused key entry, null when that field is fine. */
export interface KeyEntryErrors {
	guaranteeNumber: 'empty' | 'format' | null;
	authKey: 'empty' | 'character' | 'length' | 'checksum' | null;
	purpose: 'empty' | null;
}

/**
 * A body that is not a form (a multipart body without its boundary, `text/plain`) makes
 * `request.formData()` throw a TypeError, which reached every form action and /language as a
 * 500 (issue 12). Done once per request (request-context.ts) rather than in each route, so a form
 * added later cannot forget it: the request's own `formData` answers 400 with `message`
 * instead. A refusal that already has a status (the adapter's body size limit, 413) keeps it.
 */
export function refuseMalformedForms(request: Request, message: string) {
	const read = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		value: async () => {
			try {
				return await read();
			} catch (cause) {
				if (typeof (cause as { status?: unknown })?.status === 'number') throw cause;
				error(400, message);
			}
		}
	});
}

/**
 * The values a refused form shows again: a bidirectional control is refused by the schemas and
 * must not be rendered either (issue 12), so it is dropped from what goes back into the page.
 */
export function echo<T extends Record<string, unknown>>(values: T): T {
	return Object.fromEntries(
		Object.entries(values).map(([name, value]) => [
			name,
			typeof value === 'string' ? withoutBidi(value) : value
		])
	) as T;
}
