// Reading what n8n's HTTP helpers hand back: headers, bodies in any shape, and the answer inside a thrown error.
import type { IDataObject } from 'n8n-workflow';

import type { KernelRequest, RawResponse, SentRequest } from './types';

export const sentAs = ({
	credentialType,
	method,
	url,
	safeToRepeat,
}: KernelRequest): SentRequest => ({ credentialType, method, url, safeToRepeat });

/** Headers as a plain object with lower-case names (axios hands over an AxiosHeaders instance). */
export function plainHeaders(headers: unknown): IDataObject {
	const out: IDataObject = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => IDataObject }).toJSON === 'function'
			? (headers as { toJSON: () => IDataObject }).toJSON()
			: (headers as IDataObject);
	for (const [k, v] of Object.entries(source)) out[k.toLowerCase()] = v;
	return out;
}

/** An error and the errors it wraps (`cause`), each once: n8n wraps the HTTP client's error in its own. */
export function* causeChain(error: unknown): Generator<object> {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		yield current;
		current = (current as { cause?: unknown }).cause;
	}
}

/** The vendor's answer carried by a thrown error: n8n throws on every status >= 400. */
export function responseOf(error: unknown): RawResponse | undefined {
	for (const current of causeChain(error)) {
		const response = (
			current as { response?: { status?: unknown; headers?: unknown; data?: unknown } }
		).response;
		if (response && typeof response === 'object' && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				headers: plainHeaders(response.headers),
				body: response.data,
			};
		}
	}
	return undefined;
}

export function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	try {
		return JSON.stringify(body);
	} catch {
		return String(body);
	}
}

/** A body as JSON: an object as it came, text parsed (empty text is undefined), or the trimmed text when it is not JSON. */
export function readJson(body: unknown): { json: unknown } | { notJson: string } {
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return { json: body };
	const text = bodyText(body).trim();
	if (text === '') return { json: undefined };
	try {
		return { json: JSON.parse(text) as unknown };
	} catch {
		return { notJson: text };
	}
}

/** Parses a body that may be JSON text; returns the text when it is not JSON, and anything else as it is. */
export function parseMaybeJson(body: unknown): unknown {
	if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
	const read = readJson(body);
	return 'json' in read ? read.json : read.notJson;
}

/** A body shortened for an error message. */
export function summarizeBody(body: unknown): string {
	const text = bodyText(body).replace(/\s+/g, ' ').trim();
	if (text === '') return '(empty body)';
	if (/^<!doctype html|^<html/i.test(text)) return 'an HTML page instead of the API answer';
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
