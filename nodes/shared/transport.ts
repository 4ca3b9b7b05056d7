import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IAdditionalCredentialOptions,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { bucketFor, type BucketSpec, type RateLimitObservation } from './pacing';
import { redactText, redactValue, secretValues } from './redact';
import {
	backoffDelay,
	classifyNetworkError,
	classifyStatus,
	mayRetry,
	networkErrorCode,
	parseRetryAfter,
	type FailureKind,
} from './retry';
import { readRequestSettings } from './settings';

export type KernelContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export interface RawResponse<T = unknown> {
	statusCode: number;
	headers: IDataObject;
	body: T;
	/** A DELETE sent again after an unclear failure found the record gone: the first one did it (body dropped). */
	goneOnRepeat?: boolean;
	/** The request this answers, so a later error about its body masks the right secrets and knows whether it was a write. */
	sentAs?: Pick<KernelRequest, 'credentialType' | 'method' | 'url' | 'safeToRepeat'>;
}

/** A vendor's error, read from its own error body. */
export interface VendorError {
	message: string;
	code?: string;
	description?: string;
}

export interface ProviderTransportConfig {
	/** Vendor name as users know it, used in messages. */
	provider: string;
	/** Documented limits, by rate-limit group. */
	rateLimits: Record<string, BucketSpec>;
	defaultRateLimitGroup: string;
	/** Reads the vendor's rate-limit headers to correct pacing. */
	readRateLimitHeaders?: (headers: IDataObject) => RateLimitObservation | undefined;
	/** How long the vendor asks us to wait, beyond a standard Retry-After (ms). */
	vendorRetryAfterMs?: (response: RawResponse) => number | undefined;
	/** Answers that are a refusal for load even without status 429 (MWS's 503 RequestThrottled). */
	isThrottled?: (response: RawResponse) => boolean;
	/** Reads the vendor's error body. */
	parseError: (response: RawResponse) => VendorError;
	/** Passed to httpRequestWithAuthentication (token refresh statuses, OAuth2 options). */
	credentialOptions?: IAdditionalCredentialOptions;
	/** Backoff tuning; the defaults suit every vendor here. */
	backoff?: { baseDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
}

export interface KernelRequest {
	credentialType: string;
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	json?: boolean;
	encoding?: IHttpRequestOptions['encoding'];
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
	/**
	 * Whether sending the request twice does no harm (reads, PUT/DELETE by id, upserts by key).
	 * A request that is not safe is retried only when the vendor refused it (429) or it never left.
	 */
	safeToRepeat: boolean;
	rateLimitGroup?: string;
	/** Statuses returned to the caller instead of thrown (a 404 that means "last page"). */
	acceptStatuses?: number[];
	itemIndex?: number;
}

const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 8;

function credentialId(ctx: KernelContext, credentialType: string): string {
	return ctx.getNode().credentials?.[credentialType]?.id ?? ctx.getNode().id;
}

interface AxiosLikeResponse {
	status?: number;
	headers?: IDataObject;
	data?: unknown;
}

function responseOf(error: unknown): AxiosLikeResponse | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const response = (current as { response?: AxiosLikeResponse }).response;
		if (response && typeof response === 'object' && typeof response.status === 'number') return response;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function plainHeaders(headers: unknown): IDataObject {
	const out: IDataObject = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => IDataObject }).toJSON === 'function'
			? (headers as { toJSON: () => IDataObject }).toJSON()
			: (headers as IDataObject);
	for (const [k, v] of Object.entries(source)) out[k.toLowerCase()] = v;
	return out;
}

function bodyText(body: unknown): string {
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

/** Parses a body that may be JSON text; returns the text when it is not JSON. */
export function parseMaybeJson(body: unknown): unknown {
	if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
	const text = bodyText(body).trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Last line of defence behind pathSegment: an empty, "." or ".." segment (encoded dots too) or a "#" sends the request
 * to another endpoint than the one built. A raw "?" cannot be told from a query string here: pathSegment encodes it.
 */
export function unsafePathProblem(url: string): string | undefined {
	if (url.includes('#')) return 'it contains "#", which would cut the URL short';
	const path = url.replace(/^https?:\/\/[^/?#]*/, '').replace(/\?.*$/, '').replace(/^\//, '');
	if (path === '') return undefined;
	for (const segment of path.split('/')) {
		if (segment === '') return 'it has an empty segment ("//" or a "/" at the end)';
		if (/^(?:\.|%2e){1,2}$/i.test(segment)) return `it has a "${segment}" segment, which URL parsing resolves into another path`;
	}
	return undefined;
}

async function credentialSecrets(ctx: KernelContext, credentialType: string): Promise<string[]> {
	try {
		const credentials = (await ctx.getCredentials(credentialType)) as IDataObject;
		return secretValues(credentials);
	} catch {
		return [];
	}
}

function summarizeBody(body: unknown): string {
	const text = bodyText(body).replace(/\s+/g, ' ').trim();
	if (text === '') return '(empty body)';
	if (/^<!doctype html|^<html/i.test(text)) return 'an HTML page instead of the API answer';
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const pathOf = (url: string) => url.replace(/\?.*$/, '').replace(/^https?:\/\/[^/]+/, '');

const sentAs = ({ credentialType, method, url, safeToRepeat }: KernelRequest): RawResponse['sentAs'] => ({ credentialType, method, url, safeToRepeat });

/** Said of every write that failed after it may have reached the vendor. */
const notRepeatedNote = (provider: string) => ` The request was not repeated, because ${provider} may already have acted on it: check before running it again.`;

export class Transport {
	constructor(readonly config: ProviderTransportConfig) {}

	/**
	 * Sends one request through n8n's authentication, paced to the vendor's limits and retried
	 * by the rules of retry.ts. Always resolves the full response; throws a NodeApiError with the
	 * vendor's own message (secrets masked) when the request finally fails.
	 */
	async request<T = unknown>(ctx: KernelContext, request: KernelRequest): Promise<RawResponse<T>> {
		// errors name the caller's item; settings of item 0 when the caller has no item (dropdowns, polls)
		const itemIndex = request.itemIndex;
		const unsafePath = unsafePathProblem(request.url);
		if (unsafePath) {
			throw new NodeOperationError(ctx.getNode(), `Refused to send ${request.method} ${request.url.replace(/^https?:\/\/[^/?#]*/, '').replace(/\?.*$/, '')} to ${this.config.provider}: ${unsafePath}`, {
				itemIndex,
				description: 'Nothing was sent. A value placed in the path was not checked; please report this as a bug of the node.',
			});
		}
		const settings = readRequestSettings(ctx, itemIndex ?? 0);
		const group = request.rateLimitGroup ?? this.config.defaultRateLimitGroup;
		const spec = this.config.rateLimits[group];
		const bucket = spec
			? bucketFor(`${this.config.provider}:${credentialId(ctx, request.credentialType)}:${group}`, spec)
			: undefined;
		const maxAttempts = this.config.backoff?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
		let waitedMs = 0;
		let vendorMayHaveActed = false;

		for (let attempt = 1; ; attempt++) {
			const paceMs = bucket?.reserve() ?? 0;
			if (paceMs > 0) {
				// waiting for the vendor's quota counts against Max Retry Wait like any other wait
				if (waitedMs + paceMs > settings.maxRetryWaitMs) {
					bucket?.release();
					throw await this.quotaWaitError(ctx, request, paceMs, waitedMs, settings.maxRetryWaitMs, attempt);
				}
				await sleep(paceMs);
				waitedMs += paceMs;
			}

			const options: IHttpRequestOptions = {
				method: request.method,
				url: request.url,
				qs: request.qs,
				body: request.body,
				headers: request.headers,
				json: request.json ?? true,
				encoding: request.encoding,
				arrayFormat: request.arrayFormat,
				returnFullResponse: true,
				timeout: settings.timeoutMs,
			};
			if (options.qs === undefined) delete options.qs;
			if (options.body === undefined) delete options.body;
			if (options.headers === undefined) delete options.headers;
			if (options.encoding === undefined) delete options.encoding;
			if (options.arrayFormat === undefined) delete options.arrayFormat;

			let failure: { kind: FailureKind; response?: RawResponse; networkCode?: string; error: unknown };
			try {
				const full = (await ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					request.credentialType,
					options,
					this.config.credentialOptions,
				)) as { statusCode: number; headers: IDataObject; body: T };
				bucket?.answered();
				const response: RawResponse<T> = { statusCode: full.statusCode, headers: plainHeaders(full.headers), body: full.body, sentAs: sentAs(request) };
				this.observe(bucket, response.headers);
				return response;
			} catch (error) {
				bucket?.answered();
				const axiosResponse = responseOf(error);
				if (axiosResponse) {
					const response: RawResponse = {
						statusCode: axiosResponse.status ?? 0,
						headers: plainHeaders(axiosResponse.headers),
						body: axiosResponse.data,
					};
					this.observe(bucket, response.headers);
					if (request.method === 'DELETE' && response.statusCode === 404 && vendorMayHaveActed) {
						return { statusCode: 404, headers: response.headers, body: undefined as T, goneOnRepeat: true };
					}
					if (request.acceptStatuses?.includes(response.statusCode)) return { ...response, sentAs: sentAs(request) } as RawResponse<T>;
					const throttled = this.config.isThrottled?.(response) ?? false;
					failure = { kind: classifyStatus(response.statusCode, throttled), response, error };
				} else {
					const networkCode = networkErrorCode(error);
					if (!networkCode) throw await this.unexpected(ctx, request, error, itemIndex);
					failure = { kind: classifyNetworkError(networkCode), networkCode, error };
				}
			}

			if (failure.kind === 'server' || failure.kind === 'maybeDelivered') vendorMayHaveActed = true;
			if (failure.kind === 'throttled') bucket?.drain();
			// the vendor never saw it, so it used none of the vendor's quota
			if (failure.kind === 'neverLeft') bucket?.release();
			const retryable = mayRetry(failure.kind, request.safeToRepeat) && attempt < maxAttempts;
			const vendorWaitMs = failure.response
				? Math.max(
						parseRetryAfter(failure.response.headers['retry-after']) ?? 0,
						this.config.vendorRetryAfterMs?.(failure.response) ?? 0,
					)
				: 0;
			const waitMs = Math.max(
				vendorWaitMs,
				backoffDelay(attempt, this.config.backoff?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS, this.config.backoff?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS),
			);
			if (!retryable || waitedMs + waitMs > settings.maxRetryWaitMs) {
				throw await this.finalError(ctx, request, failure, { attempt, waitedMs, nextWaitMs: retryable ? waitMs : undefined, settings, itemIndex });
			}
			await sleep(waitMs);
			waitedMs += waitMs;
		}
	}

	/**
	 * The body as JSON: parses text bodies, and fails with a clear error when the vendor answered
	 * something else (an HTML error page, a cut-off body) where JSON was expected.
	 */
	async jsonBody<T = unknown>(ctx: KernelContext, response: RawResponse, itemIndex?: number): Promise<T> {
		const body = response.body;
		if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return body as T;
		const text = bodyText(body).trim();
		if (text === '') return undefined as T;
		try {
			return JSON.parse(text) as T;
		} catch {
			const request = response.sentAs;
			const secrets = request ? await credentialSecrets(ctx, request.credentialType) : [];
			const provider = this.config.provider;
			// a write may have been carried out although its answer cannot be read: running it again could do it twice
			const advice =
				request && !request.safeToRepeat
					? `${provider} may already have carried out ${request.method} ${pathOf(request.url)}, but its answer cannot be read.${notRepeatedNote(provider)}`
					: `This is usually a temporary problem at ${provider} or a proxy in between; try again later.`;
			throw new NodeApiError(ctx.getNode(), { message: 'Unreadable answer' } as JsonObject, {
				message: `${provider} answered with something that is not JSON`,
				description: redactText(`HTTP ${response.statusCode}: ${summarizeBody(text)}. ${advice}`, secrets),
				httpCode: String(response.statusCode),
				itemIndex,
			});
		}
	}

	/** The NodeApiError for an answer the caller accepted (acceptStatuses) but cannot use after all. */
	async responseError(ctx: KernelContext, request: KernelRequest, response: RawResponse): Promise<NodeApiError> {
		return await this.finalError(ctx, request, { kind: 'final', response }, {
			attempt: 1,
			waitedMs: 0,
			settings: readRequestSettings(ctx, request.itemIndex ?? 0),
			itemIndex: request.itemIndex,
		});
	}

	/** Convenience: the response body only. */
	async requestBody<T = unknown>(ctx: KernelContext, request: KernelRequest): Promise<T> {
		return (await this.request<T>(ctx, request)).body;
	}

	private observe(bucket: ReturnType<typeof bucketFor> | undefined, headers: IDataObject): void {
		if (!bucket || !this.config.readRateLimitHeaders) return;
		const observation = this.config.readRateLimitHeaders(headers);
		if (observation) bucket.observe(observation);
	}

	private async quotaWaitError(ctx: KernelContext, request: KernelRequest, paceMs: number, waitedMs: number, maxRetryWaitMs: number, attempt: number): Promise<NodeApiError> {
		const path = pathOf(request.url);
		const group = request.rateLimitGroup ?? this.config.defaultRateLimitGroup;
		return new NodeApiError(ctx.getNode(), { message: 'Rate limit' } as JsonObject, {
			message: `${this.config.provider}'s rate limit allows the next request in ${seconds(paceMs)}, longer than the node's "Max Retry Wait" of ${seconds(maxRetryWaitMs)}`,
			description:
				`${request.method} ${path} was not sent${attempt > 1 ? ` again after ${attempt - 1} attempt${attempt === 2 ? '' : 's'} (${seconds(waitedMs)} waited)` : ''}. ` +
				`The "${group}" quota of this credential is used up for now: run it again later, or raise "Max Retry Wait" under Request Settings.`,
			httpCode: '429',
			itemIndex: request.itemIndex,
			failure: { cause: 'rate-limited', retryAfterMs: paceMs },
		});
	}

	private async unexpected(ctx: KernelContext, request: KernelRequest, error: unknown, itemIndex: number | undefined): Promise<NodeApiError> {
		if (error instanceof NodeApiError && !responseOf(error) && !(error as { cause?: unknown }).cause) return error;
		const secrets = await credentialSecrets(ctx, request.credentialType);
		const message = redactText((error as Error)?.message ?? String(error), secrets);
		// n8n's own reasons survive (an OAuth2 grant revoked: "reconnect the credential", failure credential-invalid)
		const { description, failure } = error as { description?: unknown; failure?: NodeApiError['failure'] };
		return new NodeApiError(
			ctx.getNode(),
			{ message } as JsonObject,
			{
				message: `${this.config.provider} request failed: ${message}`,
				itemIndex,
				...(typeof description === 'string' && description ? { description: redactText(description, secrets) } : {}),
				...(failure ? { failure } : {}),
			},
		);
	}

	private async finalError(
		ctx: KernelContext,
		request: KernelRequest,
		failure: { kind: FailureKind; response?: RawResponse; networkCode?: string },
		progress: {
			attempt: number;
			waitedMs: number;
			nextWaitMs?: number;
			settings: { maxRetryWaitMs: number };
			itemIndex: number | undefined;
		},
	): Promise<NodeApiError> {
		const secrets = await credentialSecrets(ctx, request.credentialType);
		const path = pathOf(request.url);
		const retryNote =
			progress.attempt > 1 || progress.nextWaitMs !== undefined
				? ` Tried ${progress.attempt} time${progress.attempt === 1 ? '' : 's'} and waited ${seconds(progress.waitedMs)} in total` +
					(progress.nextWaitMs !== undefined
						? `; the next wait (${seconds(progress.nextWaitMs)}) would pass the limit of ${seconds(progress.settings.maxRetryWaitMs)} set in the node's "Max Retry Wait" option.`
						: '.')
				: '';

		if (failure.response) {
			const { statusCode } = failure.response;
			const parsed: RawResponse = { ...failure.response, body: parseMaybeJson(failure.response.body) };
			let vendor: VendorError;
			try {
				vendor = this.config.parseError(parsed);
			} catch {
				vendor = { message: '' };
			}
			if (!vendor.message) vendor = { ...vendor, message: `${this.config.provider} answered ${statusCode} with ${summarizeBody(parsed.body)}` };
			const notRepeated =
				failure.kind === 'server' && !request.safeToRepeat
					? notRepeatedNote(this.config.provider)
					: '';
			const description = [vendor.description, vendor.code ? `Code: ${vendor.code}.` : '', `${request.method} ${path} → HTTP ${statusCode}.${retryNote}${notRepeated}`]
				.filter(Boolean)
				.join(' ');
			const retryAfterMs = parseRetryAfter(failure.response.headers['retry-after']) ?? this.config.vendorRetryAfterMs?.(failure.response);
			const cause =
				failure.kind === 'throttled'
					? ({ cause: 'rate-limited', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) } as const)
					: failure.kind === 'server'
						? ({ cause: 'temporarily-unavailable' } as const)
						: statusCode === 401
							? ({ cause: 'credential-invalid' } as const)
							: undefined;
			const errorResponse = redactValue(
				{ message: vendor.message, code: vendor.code, httpCode: String(statusCode), body: parsed.body as JsonObject } as JsonObject,
				secrets,
			);
			return new NodeApiError(ctx.getNode(), errorResponse, {
				message: redactText(`${this.config.provider}: ${vendor.message}`, secrets),
				description: redactText(description, secrets),
				httpCode: String(statusCode),
				itemIndex: progress.itemIndex,
				...(cause ? { failure: cause } : {}),
			});
		}

		const code = failure.networkCode ?? 'network error';
		if (failure.kind === 'cancelled') {
			return new NodeApiError(ctx.getNode(), { message: 'Cancelled', networkCode: code } as JsonObject, {
				message: `The request to ${this.config.provider} was cancelled because the execution was stopped`,
				description: `${request.method} ${path} was not sent again.`,
				itemIndex: progress.itemIndex,
			});
		}
		const neverLeft = failure.kind === 'neverLeft';
		// n8n rewrites messages that name a network code, so the code goes in the description
		const message = neverLeft
			? `Could not reach ${this.config.provider}`
			: `The connection to ${this.config.provider} broke before it answered`;
		const notRepeated =
			!neverLeft && !request.safeToRepeat
				? notRepeatedNote(this.config.provider)
				: '';
		const hint = code === 'ETIMEDOUT' || code === 'ECONNABORTED' ? ' Raise the node\'s "Timeout" option if the vendor is slow.' : '';
		return new NodeApiError(ctx.getNode(), { message, networkCode: code } as JsonObject, {
			message,
			description: redactText(`${code} on ${request.method} ${path}.${retryNote}${notRepeated}${hint}`, secrets),
			itemIndex: progress.itemIndex,
			failure: { cause: 'temporarily-unavailable' },
		});
	}
}
