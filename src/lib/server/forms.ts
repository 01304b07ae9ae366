/**
 * Reads one text field of a submitted form. Anything that is not a string of at most `max`
 * characters (a file, an oversized value) counts as absent: the caller answers 400 with its
 * own message instead of passing odd input further in.
 */
export function formText(
	form: FormData,
	name: string,
	max: number,
	{ trim = true }: { trim?: boolean } = {}
): string | null {
	const value = form.get(name);
	if (typeof value !== 'string' || value.length > max) return null;
	const text = trim ? value.trim() : value;
	return text === '' ? null : text;
}
