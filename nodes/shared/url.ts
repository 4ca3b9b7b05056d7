/** A base URL as a user typed it into a credential, without surrounding spaces or trailing slashes; the fallback when empty. */
export function baseUrl(value: unknown, fallback = ''): string {
	return (
		String(value ?? '')
			.trim()
			.replace(/\/+$/, '') || fallback
	);
}

/** The path of a URL, without scheme, host and query: what messages show of a request. */
export function urlPath(url: string): string {
	return url.replace(/^https?:\/\/[^/?#]*/, '').replace(/\?.*$/, '');
}

/**
 * Last line of defence behind pathSegment: an empty, "." or ".." segment (encoded dots too) or a "#" sends the request
 * to another endpoint than the one built. A raw "?" cannot be told from a query string here: pathSegment encodes it.
 */
export function unsafePathProblem(url: string): string | undefined {
	if (url.includes('#')) return 'it contains "#", which would cut the URL short';
	const path = urlPath(url).replace(/^\//, '');
	if (path === '') return undefined;
	for (const segment of path.split('/')) {
		if (segment === '') return 'it has an empty segment ("//" or a "/" at the end)';
		if (/^(?:\.|%2e){1,2}$/i.test(segment))
			return `it has a "${segment}" segment, which URL parsing resolves into another path`;
	}
	return undefined;
}
