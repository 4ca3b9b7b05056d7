import { createHmac } from 'crypto';

/** RFC 3986 encoding as Signature Version 2 requires: only A-Z a-z 0-9 - _ . ~ stay; space is %20. */
export function rfc3986(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/** name=value pairs sorted by name in byte order, RFC 3986 encoded, joined with &. */
export function canonicalQuery(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((name) => name !== 'Signature')
		.sort((a, b) =>
			Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0,
		)
		.map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`)
		.join('&');
}

export function stringToSign(
	method: string,
	host: string,
	path: string,
	params: Record<string, string>,
): string {
	return `${method.toUpperCase()}\n${host.toLowerCase()}\n${path || '/'}\n${canonicalQuery(params)}`;
}

/** Base64(HMAC-SHA256(secret, string to sign)). */
export function signV2(
	secretKey: string,
	method: string,
	host: string,
	path: string,
	params: Record<string, string>,
): string {
	return createHmac('sha256', secretKey)
		.update(stringToSign(method, host, path, params), 'utf8')
		.digest('base64');
}

/** The form body MWS receives: every parameter and the signature, RFC 3986 encoded. */
export function signedBody(params: Record<string, string>, signature: string): string {
	return `${canonicalQuery(params)}&Signature=${rfc3986(signature)}`;
}
