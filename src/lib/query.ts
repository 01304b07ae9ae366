/** A link to `path` with the current query, changed: `null` removes a parameter. */
export function withQuery(
	path: string,
	current: URLSearchParams,
	changes: Record<string, string | null>
) {
	const params = new URLSearchParams(current);
	for (const [name, value] of Object.entries(changes)) {
		if (value === null) params.delete(name);
		else params.set(name, value);
	}
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}
