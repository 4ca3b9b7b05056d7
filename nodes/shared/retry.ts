// Classification and timing of retries, shared by every provider.
import { causeChain } from './response';

/** Network failures where the request never reached the vendor: always safe to send again. */
const NEVER_LEFT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
]);
/** Network failures after which the vendor may have acted on the request. */
const MAYBE_DELIVERED_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'UND_ERR_SOCKET',
]);
/** The user stopped the execution: n8n aborted the request, and nothing may be sent again. */
const CANCELLED_CODES = new Set(['ERR_CANCELED']);

/**
 * throttled: the vendor refused for load (429, or a provider's own throttling answer); server: a 5xx, the vendor may
 * have acted; neverLeft / maybeDelivered: network failures before / after the request could reach the vendor;
 * cancelled: the user stopped the execution; final: an answer that sending again cannot change (a 4xx).
 */
export type FailureKind =
	| 'throttled'
	| 'server'
	| 'neverLeft'
	| 'maybeDelivered'
	| 'cancelled'
	| 'final';

/** Reads a network error code anywhere in an error's cause chain. */
export function networkErrorCode(error: unknown): string | undefined {
	for (const current of causeChain(error)) {
		const code = (current as { code?: unknown }).code;
		if (
			typeof code === 'string' &&
			(NEVER_LEFT_CODES.has(code) || MAYBE_DELIVERED_CODES.has(code) || CANCELLED_CODES.has(code))
		)
			return code;
		const message = (current as { message?: unknown }).message;
		if (typeof message === 'string' && /socket hang up/i.test(message)) return 'ECONNRESET';
	}
	return undefined;
}

export function classifyNetworkError(code: string): FailureKind {
	if (CANCELLED_CODES.has(code)) return 'cancelled';
	return NEVER_LEFT_CODES.has(code) ? 'neverLeft' : 'maybeDelivered';
}

export function classifyStatus(status: number, throttled: boolean): FailureKind {
	if (status === 429 || throttled) return 'throttled';
	if (status >= 500) return 'server';
	return 'final';
}

/** Whether a failure of this kind may be retried for a request that is or is not safe to repeat. */
export function mayRetry(kind: FailureKind, safeToRepeat: boolean): boolean {
	if (kind === 'throttled' || kind === 'neverLeft') return true;
	if (kind === 'server' || kind === 'maybeDelivered') return safeToRepeat;
	return false;
}

/** Parses Retry-After, in seconds or as an HTTP date, into milliseconds from now. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text === 'number' && Number.isFinite(text)) return Math.max(0, text * 1000);
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.ceil(parseFloat(trimmed) * 1000));
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with full jitter: attempt 1 waits up to base, attempt 2 up to 2×base, … */
export function backoffDelay(
	attempt: number,
	baseMs: number,
	maxMs: number,
	random = Math.random,
): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
