/**
 * The `__Host-` prefix (RFC 6265bis) makes the browser accept a cookie only if it is Secure, has
 * Path=/ and no Domain: nothing on a sibling host or on plain http can set or shadow it. It
 * needs https, so on a developer's plain-http localhost the plain name is used.
 */
export function cookieName(base: string, url: URL): string {
	return url.protocol === 'https:' ? `__Host-${base}` : base;
}
