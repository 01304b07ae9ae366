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
