import type { IDataObject } from 'n8n-workflow';

const MIN_SECRET_LENGTH = 4;
const MASK = '**hidden**';

/** Credential fields that never hold secrets and may stay readable in messages. */
const PUBLIC_CREDENTIAL_FIELDS = new Set([
	'region',
	'environment',
	'baseUrl',
	'customBaseUrl',
	'host',
	'platformHost',
	'apiVersion',
	'endpoint',
	'customEndpoint',
	'customTokenUrl',
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'scope',
	'authentication',
	'authQueryParameters',
	'userAgent',
	'appName',
	'appContact',
	'storeId',
	'projectId',
	'sellerId',
	'channel',
	'partnerSite',
	'retirementNotice',
	// OAuth2 token data: the token's type ("bearer") is a word of every message, not a secret
	'token_type',
]);

/** Secret values worth scrubbing from a credential's data, including nested OAuth token data. */
export function secretValues(credentials: IDataObject | undefined, extra: string[] = []): string[] {
	const values = new Set<string>(extra.filter((v) => v.length >= MIN_SECRET_LENGTH));
	const visit = (data: unknown, key: string | undefined) => {
		if (typeof data === 'string') {
			if (data.length >= MIN_SECRET_LENGTH && !(key && PUBLIC_CREDENTIAL_FIELDS.has(key)))
				values.add(data);
			return;
		}
		if (data && typeof data === 'object') {
			for (const [k, v] of Object.entries(data as IDataObject)) visit(v, k);
		}
	};
	visit(credentials, undefined);
	// longest first, so a secret that contains another is masked whole
	return [...values].sort((a, b) => b.length - a.length);
}

/** Token shapes that must never be shown even when they are not a stored credential value. */
const TOKEN_PATTERNS: Array<[RegExp, string]> = [
	[/\b(bearer)\s+[A-Za-z0-9\-._~+/|=]{8,}/gi, `$1 ${MASK}`],
	[/\bAtz[ar]\|[A-Za-z0-9\-._~+/|=%]+/g, MASK],
	[
		/([?&](?:Signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|access_token|refresh_token|client_secret)=)[^&\s"']+/gi,
		`$1${MASK}`,
	],
];

export function redactText(text: string, secrets: string[]): string {
	let out = text;
	// token shapes first: masking a stored value first could break the shape (e.g. "Bearer <token>") they recognise
	for (const [pattern, replacement] of TOKEN_PATTERNS) out = out.replace(pattern, replacement);
	for (const secret of secrets) {
		if (out.includes(secret)) out = out.split(secret).join(MASK);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(MASK);
	}
	return out;
}

/** Deep copy of a value with every secret masked in its strings. */
export function redactValue<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets)) as T;
	if (value && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as IDataObject)) out[k] = redactValue(v, secrets);
		return out as T;
	}
	return value;
}
