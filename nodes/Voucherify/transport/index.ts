import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { pathSegment, Transport, type RawResponse } from '../../shared';

export type VoucherifyContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;
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
	readRateLimitHeaders: (headers) => {
		const limit = Number(headers['x-rate-limit-limit']);
		const remaining = Number(headers['x-rate-limit-remaining']);
		if (!Number.isFinite(limit) || limit <= 0) return undefined;
		const retryAt = Number(headers['x-rate-limit-retry']);
		return {
			limit,
			ratePerSecond: limit / 60,
			remaining: Number.isFinite(remaining) ? remaining : undefined,
			resetInMs: Number.isFinite(retryAt) && retryAt > 0 ? Math.max(0, retryAt * 1000 - Date.now()) : undefined,
		};
	},
	// X-Rate-Limit-Retry: epoch seconds when the next request is accepted
	vendorRetryAfterMs: (response) => {
		const retryAt = Number(response.headers['x-rate-limit-retry']);
		return Number.isFinite(retryAt) && retryAt > 0 ? Math.max(0, retryAt * 1000 - Date.now()) : undefined;
	},
	parseError: (response) => {
		const body = response.body as IDataObject | undefined;
		if (!body || typeof body !== 'object') return { message: '' };
		const details = typeof body.details === 'string' ? body.details : undefined;
		const message = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : '';
		const ruleMessage = (body.error as IDataObject | undefined)?.message as string | undefined;
		return {
			message: ruleMessage ?? details ?? message,
			code: typeof body.key === 'string' ? body.key : undefined,
			description: [details || ruleMessage ? message : undefined, typeof body.request_id === 'string' ? `Request ID: ${body.request_id}.` : undefined].filter(Boolean).join('. ') || undefined,
		};
	},
});

async function baseUrl(ctx: VoucherifyContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const region = String(credentials.region ?? 'https://api.voucherify.io');
	const url = region === 'custom' ? String(credentials.customBaseUrl ?? '').trim().replace(/\/+$/, '') : region;
	if (!/^https?:\/\/[^/]+/.test(url)) {
		throw new NodeOperationError(ctx.getNode(), `The credential's Custom Base URL "${url}" is not a URL: enter your cluster's address, e.g. https://mycompany.api.voucherify.io`);
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

export async function voucherifyRequest<T = IDataObject>(ctx: VoucherifyContext, itemIndex: number, request: VoucherifyRequest): Promise<T> {
	const response: RawResponse = await voucherifyTransport.request(ctx, {
		credentialType: CREDENTIAL_TYPE,
		url: `${await baseUrl(ctx)}${request.path}`,
		itemIndex,
		...request,
	});
	return await voucherifyTransport.jsonBody<T>(ctx, response, itemIndex);
}

/** "Wait for Completion" settings of the asynchronous operations. */
export const waitForCompletionProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until Voucherify has processed the request and output the result, failures included; otherwise output the async action ID at once',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		displayOptions: { show: { waitForCompletion: [true] } },
		description: 'How long to wait; after that the node outputs the action as it stands (check it later with Async Action → Get)',
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 2,
		displayOptions: { show: { waitForCompletion: [true] } },
		description: 'How often to ask Voucherify whether the action is done',
	},
];

const FINISHED = new Set(['DONE', 'FAILED']);

/** Polls an async action until it is DONE or FAILED, or the wait runs out; returns the action as Voucherify describes it. */
export async function awaitAsyncAction(ctx: IExecuteFunctions, itemIndex: number, asyncActionId: string): Promise<IDataObject> {
	const maxWaitMs = (ctx.getNodeParameter('maxWaitSeconds', itemIndex, 300) as number) * 1000;
	const intervalMs = Math.max(100, (ctx.getNodeParameter('pollIntervalSeconds', itemIndex, 2) as number) * 1000);
	const started = Date.now();
	for (;;) {
		const action = await getAsyncAction(ctx, itemIndex, asyncActionId);
		if (FINISHED.has(String(action.status))) return action;
		if (Date.now() - started + intervalMs > maxWaitMs) {
			return { ...action, waitTimedOut: true, note: `Still ${String(action.status)} after ${Math.round((Date.now() - started) / 1000)} s; check it later with Async Action → Get` };
		}
		await sleep(intervalMs);
	}
}

export async function getAsyncAction(ctx: VoucherifyContext, itemIndex: number, asyncActionId: string): Promise<IDataObject> {
	return await voucherifyRequest(ctx, itemIndex, { method: 'GET', path: `/v1/async-actions/${pathSegment(ctx, itemIndex, 'Async Action ID', asyncActionId)}`, safeToRepeat: true });
}

/** Outputs an async operation's answer, waiting for it when the user asked to. */
export async function asyncOutcome(ctx: IExecuteFunctions, itemIndex: number, accepted: IDataObject): Promise<IDataObject> {
	const id = String(accepted.async_action_id ?? '');
	if (!id || !(ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean)) return accepted;
	return { async_action_id: id, ...(await awaitAsyncAction(ctx, itemIndex, id)) };
}
