// Voucherify's webhook deliveries: the signature as the vendor defines it, and its customer events.
import type { CustomerWebhookEvent } from '../shared';
import { hmacSha256Hex, sameSecret } from '../shared';

/** Voucherify's name of each customer event the trigger offers. */
export const VENDOR_EVENT: Record<CustomerWebhookEvent, string> = {
	created: 'customer.created',
	updated: 'customer.updated',
	deleted: 'customer.deleted',
};

/**
 * The events the Management API documents for a webhook: its list omits customer.updated (the dashboard offers
 * it), so the trigger asks for that one only when the user says Voucherify accepts it.
 */
export const REGISTRABLE_BY_API: CustomerWebhookEvent[] = ['created', 'deleted'];

export function customerEventOf(vendorEvent: string): CustomerWebhookEvent | undefined {
	return (Object.keys(VENDOR_EVENT) as CustomerWebhookEvent[]).find(
		(event) => VENDOR_EVENT[event] === vendorEvent,
	);
}

/** Java's Character.isWhitespace, which Voucherify's reference code uses (no-break spaces are not whitespace). */
function isJavaWhitespace(char: string): boolean {
	const code = char.charCodeAt(0);
	return (
		(code >= 0x09 && code <= 0x0d) ||
		(code >= 0x1c && code <= 0x20) ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x205f ||
		code === 0x3000
	);
}

/**
 * Port of `removeWhitespaces` from Voucherify's webhook docs: drops whitespace outside double-quoted strings, a
 * backslash keeping the next character as it is. Voucherify signs a JSON payload in this form.
 */
export function removeWhitespaces(json: string): string {
	let quoted = false;
	let escaped = false;
	let out = '';
	for (const char of json) {
		if (escaped) {
			out += char;
			escaped = false;
			continue;
		}
		if (char === '"') quoted = !quoted;
		else if (char === '\\') escaped = true;
		if (!quoted && isJavaWhitespace(char)) continue;
		out += char;
	}
	return out;
}

/**
 * Whether `x-voucherify-signature` is the lowercase hex HMAC-SHA256 of the body with the project's webhook secret:
 * over the bytes as sent, or over the body without insignificant whitespace (the vendor's definition).
 */
export function voucherifySignatureMatches(
	secret: string,
	rawBody: Buffer,
	signature: string | undefined,
): boolean {
	if (!signature) return false;
	const given = signature.trim().toLowerCase();
	if (sameSecret(hmacSha256Hex(secret, rawBody), given)) return true;
	return sameSecret(hmacSha256Hex(secret, removeWhitespaces(rawBody.toString('utf8'))), given);
}
