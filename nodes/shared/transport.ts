import { sleep, type IDataObject, type IHttpRequestOptions, type NodeApiError } from 'n8n-workflow';

import { decryptedFor, executionCredential } from './credentials';

import {
	finalError,
	quotaWaitError,
	refusedPathError,
	unexpectedError,
	unreadableAnswerError,
} from './errors';
import { bucketFor, type TokenBucket } from './pacing';
import { plainHeaders, readJson, responseOf, sentAs } from './response';
import {
	backoffDelay,
	classifyNetworkError,
	classifyStatus,
	mayRetry,
	networkErrorCode,
	parseRetryAfter,
} from './retry';
import { readRequestSettings } from './settings';
import type {
	KernelContext,
	KernelRequest,
	ProviderTransportConfig,
	RawResponse,
	RequestFailure,
} from './types';
import { unsafePathProblem } from './url';

const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 8;

/** Whose quota a request uses: the credential's, or the node's when it is sent without one. */
function quotaOwner(ctx: KernelContext, credentialType: string | undefined): string {
	return (credentialType && ctx.getNode().credentials?.[credentialType]?.id) || ctx.getNode().id;
}

function httpOptions(request: KernelRequest, timeoutMs: number): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		json: request.json ?? true,
		returnFullResponse: true,
		timeout: timeoutMs,
	};
	if (request.qs !== undefined) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;
	if (request.headers !== undefined) options.headers = request.headers;
	if (request.encoding !== undefined) options.encoding = request.encoding;
	if (request.arrayFormat !== undefined) options.arrayFormat = request.arrayFormat;
	return options;
}

/** Waits ms, or less when the user stops the execution; resolves false when stopped. */
async function waitUnlessStopped(ctx: KernelContext, ms: number): Promise<boolean> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	if (signal?.aborted) return false;
	try {
		await sleep(ms, signal);
		return true;
	} catch {
		// sleep rejects only when the signal aborts
		return false;
	}
}

export class Transport {
	constructor(readonly config: ProviderTransportConfig) {}

	/**
	 * Sends one request, through n8n's authentication when it names a credential type, paced to the vendor's limits and
	 * retried by the rules of retry.ts. Resolves the full response; throws a NodeApiError with the vendor's own message
	 * (secrets masked) when the request finally fails.
	 */
	async request<T = unknown>(ctx: KernelContext, request: KernelRequest): Promise<RawResponse<T>> {
		const { provider } = this.config;
		const unsafePath = unsafePathProblem(request.url);
		if (unsafePath) throw refusedPathError(ctx, provider, request, unsafePath);
		// settings of item 0 when the caller has no item (dropdowns, polls)
		const settings = readRequestSettings(ctx, request.itemIndex ?? 0);
		const group = request.rateLimitGroup ?? this.config.defaultRateLimitGroup;
		const spec = this.config.rateLimits[group];
		const bucket = spec
			? bucketFor(`${provider}:${quotaOwner(ctx, request.credentialType)}:${group}`, spec)
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
					throw quotaWaitError(ctx, provider, request, {
						group,
						paceMs,
						waitedMs,
						maxRetryWaitMs: settings.maxRetryWaitMs,
						attempt,
					});
				}
				if (!(await waitUnlessStopped(ctx, paceMs))) {
					// Stop pressed while waiting for the quota: the request never leaves, its turn goes back
					bucket?.release();
					throw await finalError(
						ctx,
						this.config,
						request,
						{ kind: 'cancelled', networkCode: 'ERR_CANCELED' },
						{ attempt, waitedMs, maxRetryWaitMs: settings.maxRetryWaitMs },
					);
				}
				waitedMs += paceMs;
			}

			let failure: RequestFailure;
			try {
				const full = (await this.send(ctx, request, httpOptions(request, settings.timeoutMs))) as {
					statusCode: number;
					headers: unknown;
					body: T;
				};
				bucket?.answered();
				const response: RawResponse<T> = {
					statusCode: full.statusCode,
					headers: plainHeaders(full.headers),
					body: full.body,
					sentAs: sentAs(request),
				};
				this.observe(bucket, response.headers);
				return response;
			} catch (error) {
				bucket?.answered();
				const response = responseOf(error);
				if (response) {
					this.observe(bucket, response.headers);
					if (request.method === 'DELETE' && response.statusCode === 404 && vendorMayHaveActed) {
						return {
							statusCode: 404,
							headers: response.headers,
							body: undefined as T,
							goneOnRepeat: true,
							sentAs: sentAs(request),
						};
					}
					if (request.acceptStatuses?.includes(response.statusCode))
						return { ...response, sentAs: sentAs(request) } as RawResponse<T>;
					failure = {
						kind: classifyStatus(response.statusCode, this.config.isThrottled?.(response) ?? false),
						response,
					};
				} else {
					const networkCode = networkErrorCode(error);
					if (!networkCode) throw await unexpectedError(ctx, provider, request, error);
					failure = { kind: classifyNetworkError(networkCode), networkCode };
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
				backoffDelay(
					attempt,
					this.config.backoff?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
					this.config.backoff?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
				),
			);
			if (!retryable || waitedMs + waitMs > settings.maxRetryWaitMs) {
				throw await finalError(ctx, this.config, request, failure, {
					attempt,
					waitedMs,
					nextWaitMs: retryable ? waitMs : undefined,
					maxRetryWaitMs: settings.maxRetryWaitMs,
				});
			}
			if (!(await waitUnlessStopped(ctx, waitMs))) {
				throw await finalError(
					ctx,
					this.config,
					request,
					{ kind: 'cancelled', networkCode: 'ERR_CANCELED' },
					{ attempt, waitedMs, maxRetryWaitMs: settings.maxRetryWaitMs },
				);
			}
			waitedMs += waitMs;
		}
	}

	/**
	 * The body as JSON: parses text bodies, and fails with a clear error when the vendor answered
	 * something else (an HTML error page, a cut-off body) where JSON was expected.
	 */
	async jsonBody<T = unknown>(
		ctx: KernelContext,
		response: RawResponse,
		itemIndex?: number,
	): Promise<T> {
		const read = readJson(response.body);
		if ('json' in read) return read.json as T;
		throw await unreadableAnswerError(ctx, this.config.provider, response, read.notJson, itemIndex);
	}

	/** The NodeApiError for an answer the caller accepted (acceptStatuses) but cannot use after all. */
	async responseError(
		ctx: KernelContext,
		request: KernelRequest,
		response: RawResponse,
	): Promise<NodeApiError> {
		const { maxRetryWaitMs } = readRequestSettings(ctx, request.itemIndex ?? 0);
		return await finalError(
			ctx,
			this.config,
			request,
			{ kind: 'final', response },
			{ attempt: 1, waitedMs: 0, maxRetryWaitMs },
		);
	}

	/**
	 * A request without a credential type goes out as it is (a presigned URL carries its own signature). In an
	 * execute() call the credential is decrypted once and handed to n8n with each request; the first request with it
	 * goes alone, so a token its preAuthentication fetches (SP-API's access token) is fetched once, not once per
	 * request in flight. (n8n's helpers build a new HTTP agent per request, so connections cannot be reused.)
	 */
	private async send(
		ctx: KernelContext,
		request: KernelRequest,
		options: IHttpRequestOptions,
	): Promise<unknown> {
		const { credentialType } = request;
		if (!credentialType) return await ctx.helpers.httpRequest(options);
		const credential = executionCredential(ctx, credentialType);
		if (!credential) {
			return await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				credentialType,
				options,
				this.config.credentialOptions,
			);
		}
		const data = await credential.data;
		const authenticated = async () =>
			await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options, {
				...this.config.credentialOptions,
				credentialsDecrypted: decryptedFor(ctx, credentialType, data),
			});
		if (credential.firstAnswer) {
			await credential.firstAnswer;
			return await authenticated();
		}
		let answered = () => {};
		credential.firstAnswer = new Promise<void>((resolve) => (answered = resolve));
		try {
			return await authenticated();
		} finally {
			answered();
		}
	}

	private observe(bucket: TokenBucket | undefined, headers: IDataObject): void {
		if (!bucket || !this.config.readRateLimitHeaders) return;
		const observation = this.config.readRateLimitHeaders(headers);
		if (observation) bucket.observe(observation);
	}
}
