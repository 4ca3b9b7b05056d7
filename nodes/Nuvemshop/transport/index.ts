import {
	NodeOperationError,
	type IDataObject,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type NodeApiError,
} from 'n8n-workflow';

import { baseUrl, readCredentials, Transport, type RawResponse } from '../../shared';
import type { NuvemshopCredentialType } from '../authentication';

export type NuvemshopContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

const API_VERSION = /^(v1|\d{4}-\d{2})$/;

/**
 * Leaky bucket per store and app: 40 requests, drained at 2 per second (nuvemshop-README.md, "Rate limiting"); Next
 * and Evolution plans have ten times both (400, 20 per second). The bucket always drains whole in 20 s, so the drain
 * rate follows from the x-rate-limit-limit the store reports.
 */
const BUCKET_DRAIN_SECONDS = 20;
export const nuvemshopTransport = new Transport({
	provider: 'Nuvemshop',
	rateLimits: { store: { capacity: 40, refillPerSecond: 2 } },
	defaultRateLimitGroup: 'store',
	// x10 plans drain 20 a second: at 150-400 ms per answer that takes 3-8 requests in flight, 10 leaves room for jitter
	maxInFlight: 10,
	readRateLimitHeaders: (headers) => {
		const limit = Number(headers['x-rate-limit-limit']);
		const remaining = Number(headers['x-rate-limit-remaining']);
		if (!Number.isFinite(limit) || !Number.isFinite(remaining) || limit <= 0) return undefined;
		return { limit, remaining, ratePerSecond: limit / BUCKET_DRAIN_SECONDS };
	},
	// x-rate-limit-reset is the time (ms) until the bucket is completely empty; one more request fits after one leak
	vendorRetryAfterMs: (response) => {
		const reset = Number(response.headers['x-rate-limit-reset']);
		const limit = Number(response.headers['x-rate-limit-limit']);
		if (!Number.isFinite(reset) || reset <= 0) return undefined;
		return Math.ceil(reset / Math.max(1, Number.isFinite(limit) ? limit : 40));
	},
	parseError: (response) => {
		const body = response.body as IDataObject | string | undefined;
		if (!body || typeof body !== 'object') return { message: '' };
		if (typeof body.description === 'string' && body.description) {
			return {
				message: body.description,
				code: typeof body.message === 'string' ? body.message : undefined,
			};
		}
		if (typeof body.error === 'string') return { message: body.error };
		// 422 validation: {"email": ["has already been taken"]}
		const fieldErrors = Object.entries(body)
			.filter(([, v]) => Array.isArray(v))
			.map(([field, messages]) => `${field} ${(messages as string[]).join(', ')}`);
		if (fieldErrors.length) return { message: fieldErrors.join('; '), code: 'validation' };
		if (typeof body.message === 'string') return { message: body.message };
		return { message: '' };
	},
});

/** The store a credential is for: its Store ID, or the user_id Nuvemshop sent with the OAuth2 token. */
export function credentialStoreId(
	ctx: NuvemshopContext,
	credentialType: NuvemshopCredentialType,
	credentials: ICredentialDataDecryptedObject,
): string {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const storeId = String(
		credentialType === 'nuvemshopOAuth2Api'
			? (tokenData.user_id ?? tokenData.store_id ?? '')
			: (credentials.storeId ?? ''),
	).trim();
	if (!/^\d+$/.test(storeId)) {
		throw new NodeOperationError(
			ctx.getNode(),
			credentialType === 'nuvemshopOAuth2Api'
				? 'The OAuth2 connection has no store id: reconnect the credential so Nuvemshop sends it'
				: `The credential's Store ID "${storeId}" is not valid: it is the number in your admin URL or the user_id you got with the token`,
		);
	}
	return storeId;
}

interface StoreAddress {
	baseUrl: string;
	headers: IDataObject;
}

/** The store's API root (/{version}/{store_id}) and the headers the API requires beyond authentication. */
async function storeAddress(
	ctx: NuvemshopContext,
	credentialType: NuvemshopCredentialType,
): Promise<StoreAddress> {
	const credentials = await readCredentials(ctx, credentialType);
	const version = String(credentials.apiVersion ?? '2025-03').trim();
	if (!API_VERSION.test(version)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The credential's API Version "${version}" is not valid: use "v1" or a dated version such as "2025-03"`,
		);
	}
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const storeId = credentialStoreId(ctx, credentialType, credentials);
	const contact = String(credentials.appContact ?? '').trim();
	if (!/@|^https?:\/\//.test(contact)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The credential's App Contact "${contact}" is not an email address or URL: Nuvemshop refuses requests whose User-Agent does not name a way to reach the app's developer`,
		);
	}
	const root = baseUrl(
		credentials.customBaseUrl,
		`https://${String(credentials.platformHost ?? 'api.tiendanube.com')}`,
	);
	const headers: IDataObject = {};
	if (credentialType === 'nuvemshopOAuth2Api') {
		// The API reads "Authentication: bearer", not the Authorization header n8n's OAuth2 helper adds.
		headers.Authentication = `bearer ${String(tokenData.access_token ?? '')}`;
		headers['User-Agent'] = `${String(credentials.appName ?? '').trim()} (${contact})`;
	}
	return { baseUrl: `${root}/${version}/${storeId}`, headers };
}

export interface NuvemshopRequest {
	method: IHttpRequestMethods;
	/** Path under the store root, e.g. /customers/123; or a full URL from a Link header. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	safeToRepeat: boolean;
	acceptStatuses?: number[];
}

export async function nuvemshopRequest(
	ctx: NuvemshopContext,
	itemIndex: number,
	request: NuvemshopRequest,
): Promise<RawResponse> {
	// The Authentication option values are the credential type names.
	const credentialType = (ctx as IExecuteFunctions).getNodeParameter(
		'authentication',
		itemIndex,
	) as NuvemshopCredentialType;
	const store = await storeAddress(ctx, credentialType);
	let url = `${store.baseUrl}${request.path}`;
	if (/^https?:\/\//.test(request.path)) {
		// Only follow Link URLs to the same store, so the token is never sent elsewhere.
		if (!request.path.startsWith(`${store.baseUrl}/`)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Nuvemshop sent a paging link outside the store's API (${request.path.replace(/\?.*/, '')}); stopping`,
				{ itemIndex },
			);
		}
		url = request.path;
	}
	const kernelRequest = {
		credentialType,
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		headers: { ...store.headers, ...(request.body ? { 'Content-Type': 'application/json' } : {}) },
		safeToRepeat: request.safeToRepeat,
		acceptStatuses: request.acceptStatuses,
		itemIndex,
	};
	const response = await nuvemshopTransport.request(ctx, kernelRequest);
	return { ...response, body: await nuvemshopTransport.jsonBody(ctx, response, itemIndex) };
}

/** The standard error, for the caller to throw, for an answer it accepted to inspect but cannot use. */
export async function nuvemshopResponseError(
	ctx: NuvemshopContext,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: string,
	response: RawResponse,
): Promise<NodeApiError> {
	return await nuvemshopTransport.responseError(
		ctx,
		{
			credentialType: response.sentAs?.credentialType,
			method,
			url: path,
			safeToRepeat: true,
			itemIndex,
		},
		response,
	);
}
