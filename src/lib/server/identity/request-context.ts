/** Who did something and from where: carried from the request into every audit event. */
export interface RequestContext {
	requestId: string | null;
	ip: string | null;
	userAgent: string | null;
}

/** For the CLI and tests, where there is no HTTP request. */
export function localContext(label = 'cli'): RequestContext {
	return { requestId: `${label}-${crypto.randomUUID()}`, ip: null, userAgent: label };
}
