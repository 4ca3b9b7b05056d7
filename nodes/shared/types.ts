import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { BucketSpec, RateLimitObservation } from './pacing';
import type { FailureKind } from './retry';

/** Every context a provider sends requests from: actions, dropdowns, polling triggers, webhook set-up and deliveries. */
export type KernelContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface KernelRequest {
	/** The credential n8n authenticates the request with; none for a presigned URL (an upload to S3). */
	credentialType?: string;
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

/** What an answer remembers of its request, so a later error about its body masks the right secrets and knows whether it was a write. */
export type SentRequest = Pick<KernelRequest, 'credentialType' | 'method' | 'url' | 'safeToRepeat'>;

export interface RawResponse<T = unknown> {
	statusCode: number;
	/** Lower-case names. */
	headers: IDataObject;
	body: T;
	/** A DELETE sent again after an unclear failure found the record gone: the first one did it (body dropped). */
	goneOnRepeat?: boolean;
	sentAs?: SentRequest;
}

/** Why an attempt failed: the vendor's answer, or the network error code when there was none. */
export interface RequestFailure {
	kind: FailureKind;
	response?: RawResponse;
	networkCode?: string;
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
	/** Reads the vendor's error body (already parsed when it is JSON). */
	parseError: (response: RawResponse) => VendorError;
	/** Passed to httpRequestWithAuthentication (the statuses that refresh a token, OAuth2 options). */
	credentialOptions?: IAdditionalCredentialOptions;
	/**
	 * Items of a parallel operation (see router.ts) in flight at once: enough to keep the vendor's rate busy at its
	 * latency, never more than the vendor's rules allow (1 where it refuses concurrent requests). Default 1.
	 */
	maxInFlight?: number;
	/** Backoff tuning; the defaults suit every vendor here. */
	backoff?: { baseDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
}
