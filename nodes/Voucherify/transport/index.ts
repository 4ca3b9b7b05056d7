import { randomBytes } from 'crypto';
import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { baseUrl, pathSegment, readCredentials, Transport, type RawResponse } from '../../shared';

export type VoucherifyContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions;
export const CREDENTIAL_TYPE = 'voucherifyApi';

/**
 * Business plans allow 100 requests a minute; the X-Rate-Limit-* headers correct this to the project's own plan.
 * The limit's period may be an hour (Sandbox projects: 100 an hour), which the headers do not name: the bucket
 * follows X-Rate-Limit-Remaining, and when nothing remains it waits until X-Rate-Limit-Retry.
 */
export const voucherifyTransport = new Transport({
	provider: 'Voucherify',
	rateLimits: { api: { capacity: 100, refillPerSecond: 100 / 60 } },
	defaultRateLimitGroup: 'api',
	// Organization plans allow 2,000 a minute (33 a second): at 150-300 ms per answer that takes 5-10 in flight
	maxInFlight: 10,
	readRateLimitHeaders: (headers) => {
		const limit = Number(headers['x-rate-limit-limit']);
		const remaining = Number(headers['x-rate-limit-remaining']);
		if (!Number.isFinite(limit) || limit <= 0) return undefined;
		const retryAt = Number(headers['x-rate-limit-retry']);
		return {
			limit,
			ratePerSecond: limit / 60,
			remaining: Number.isFinite(remaining) ? remaining : undefined,
			resetInMs:
				Number.isFinite(retryAt) && retryAt > 0
					? Math.max(0, retryAt * 1000 - Date.now())
					: undefined,
		};
	},
	// X-Rate-Limit-Retry: epoch seconds when the next request is accepted
	vendorRetryAfterMs: (response) => {
		const retryAt = Number(response.headers['x-rate-limit-retry']);
		return Number.isFinite(retryAt) && retryAt > 0
			? Math.max(0, retryAt * 1000 - Date.now())
			: undefined;
	},
	parseError: (response) => {
		const body = response.body as IDataObject | undefined;
		if (!body || typeof body !== 'object') return { message: '' };
		const details = typeof body.details === 'string' ? body.details : undefined;
		const message =
			typeof body.message === 'string'
				? body.message
				: typeof body.error === 'string'
					? body.error
					: '';
		const ruleMessage = (body.error as IDataObject | undefined)?.message as string | undefined;
		return {
			message: ruleMessage ?? details ?? message,
			code: typeof body.key === 'string' ? body.key : undefined,
			description:
				[
					details || ruleMessage ? message : undefined,
					typeof body.request_id === 'string' ? `Request ID: ${body.request_id}.` : undefined,
				]
					.filter(Boolean)
					.join('. ') || undefined,
		};
	},
});

/** The API root of the credential's region, or of its dedicated cluster. */
export async function apiRoot(ctx: VoucherifyContext): Promise<string> {
	const credentials = await readCredentials(ctx, CREDENTIAL_TYPE);
	const region = String(credentials.region ?? 'https://api.voucherify.io');
	const url = region === 'custom' ? baseUrl(credentials.customBaseUrl) : region;
	if (!/^https?:\/\/[^/]+/.test(url)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The credential's Custom Base URL "${url}" is not a URL: enter your cluster's address, e.g. https://mycompany.api.voucherify.io`,
		);
	}
	return url;
}

export interface VoucherifyRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	safeToRepeat: boolean;
}

export async function voucherifyRequest<T = IDataObject>(
	ctx: VoucherifyContext,
	itemIndex: number,
	request: VoucherifyRequest,
): Promise<T> {
	const response: RawResponse = await voucherifyTransport.request(ctx, {
		credentialType: CREDENTIAL_TYPE,
		url: `${await apiRoot(ctx)}${request.path}`,
		itemIndex,
		...request,
	});
	return await voucherifyTransport.jsonBody<T>(ctx, response, itemIndex);
}

/** GET of one record; undefined when Voucherify answers that it has none (404 `not_found`), any other 404 fails. */
export async function voucherifyFind(
	ctx: VoucherifyContext,
	itemIndex: number,
	path: string,
): Promise<IDataObject | undefined> {
	const request = {
		credentialType: CREDENTIAL_TYPE,
		url: `${await apiRoot(ctx)}${path}`,
		method: 'GET' as const,
		safeToRepeat: true,
		acceptStatuses: [404],
		itemIndex,
	};
	const response = await voucherifyTransport.request(ctx, request);
	const body = await voucherifyTransport.jsonBody<IDataObject>(ctx, response, itemIndex);
	if (response.statusCode !== 404) return body;
	if (body && typeof body === 'object' && body.key === 'not_found') return undefined;
	throw await voucherifyTransport.responseError(ctx, request, response);
}

const FINISHED = new Set(['DONE', 'FAILED']);

export interface AsyncActionWait {
	maxWaitMs: number;
	intervalMs: number;
}

/** Polls an async action until it is DONE or FAILED, or the wait runs out; returns the action as Voucherify describes it. */
export async function awaitAsyncAction(
	ctx: VoucherifyContext,
	itemIndex: number,
	asyncActionId: string,
	{ maxWaitMs, intervalMs }: AsyncActionWait,
): Promise<IDataObject> {
	const started = Date.now();
	for (;;) {
		const action = await getAsyncAction(ctx, itemIndex, asyncActionId);
		if (FINISHED.has(String(action.status))) return action;
		if (Date.now() - started + intervalMs > maxWaitMs) {
			return {
				...action,
				waitTimedOut: true,
				note: `Still ${String(action.status)} after ${Math.round((Date.now() - started) / 1000)} s; check it later with Async Action → Get`,
			};
		}
		await sleep(intervalMs);
	}
}

export async function getAsyncAction(
	ctx: VoucherifyContext,
	itemIndex: number,
	asyncActionId: string,
): Promise<IDataObject> {
	return await voucherifyRequest(ctx, itemIndex, {
		method: 'GET',
		path: `/v1/async-actions/${pathSegment(ctx, itemIndex, 'Async Action ID', asyncActionId)}`,
		safeToRepeat: true,
	});
}

/** multipart/form-data with one part named "file", built by hand: community nodes cannot use form-data. */
export function multipartFile(
	fileName: string,
	mimeType: string,
	content: Buffer,
): { body: Buffer; contentType: string } {
	const boundary = `----n8nVoucherify${randomBytes(12).toString('hex')}`;
	const safeName = fileName.replace(/["\r\n]/g, '_');
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	return {
		body: Buffer.concat([head, content, tail]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

/** Flattens a filter object into deepObject query keys: filters[a][b][c]=v. */
export function deepObjectQuery(
	prefix: string,
	value: unknown,
	out: IDataObject = {},
): IDataObject {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value as IDataObject))
			deepObjectQuery(`${prefix}[${k}]`, v, out);
	} else if (Array.isArray(value)) {
		out[prefix] = value.map(String).join(',');
	} else if (value !== undefined && value !== '') {
		out[prefix] = String(value);
	}
	return out;
}
