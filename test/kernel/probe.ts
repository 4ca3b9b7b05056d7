// A test-only node and credentials that exercise the shared kernel the way a provider node does.
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	IPollFunctions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import {
	Transport,
	collectPages,
	nextOffset,
	readLimit,
	requestSettingsProperty,
	requiredPathId,
	requiredString,
	pathSegment,
	pollChanges,
	readCredentials,
	routeItems,
	type ItemOperation,
	type OperationMap,
} from '../../nodes/shared';

export class ProbeKeyApi implements ICredentialType {
	name = 'probeKeyApi';
	displayName = 'Probe Key API';
	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string' as const,
			typeOptions: { password: true },
			default: '',
		},
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};
	test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' } };
}

export class ProbeSessionApi implements ICredentialType {
	name = 'probeSessionApi';
	displayName = 'Probe Session API';
	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string' as const,
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden' as const,
			typeOptions: { expirable: true },
			default: '',
		},
	];
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const res = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			body: { refresh_token: credentials.refreshToken },
			json: true,
		})) as { access_token: string };
		return { accessToken: res.access_token };
	}
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'x-access-token': '={{$credentials.accessToken}}' } },
	};
}

export const probeTransport = new Transport({
	provider: 'Probe',
	rateLimits: {
		default: { capacity: 1000, refillPerSecond: 1000 },
		strict: { capacity: 3, refillPerSecond: 10 },
	},
	defaultRateLimitGroup: 'default',
	readRateLimitHeaders: (headers) => {
		const remaining = headers['x-ratelimit-remaining'];
		const reset = headers['x-ratelimit-reset-ms'];
		if (remaining === undefined) return undefined;
		return {
			remaining: Number(remaining),
			resetInMs: reset === undefined ? undefined : Number(reset),
		};
	},
	vendorRetryAfterMs: (response) => {
		const retryAt = Number(response.headers['x-ratelimit-retry-at']);
		return Number.isFinite(retryAt) && retryAt > 0 ? Math.max(0, retryAt - Date.now()) : undefined;
	},
	parseError: (response) => {
		const body = response.body as IDataObject | undefined;
		if (body && typeof body === 'object' && typeof body.message === 'string') {
			return {
				message: body.message,
				code: body.code as string | undefined,
				description: body.details as string | undefined,
			};
		}
		return { message: '' };
	},
	backoff: { baseDelayMs: 20, maxDelayMs: 200 },
});

async function send(
	ctx: IExecuteFunctions,
	itemIndex: number,
	method: 'GET' | 'POST' | 'PUT',
	url: string,
	safeToRepeat: boolean,
	body?: IDataObject,
) {
	const auth = ctx.getNodeParameter('authentication', 0, 'key') as string;
	const credentialType = auth === 'session' ? 'probeSessionApi' : 'probeKeyApi';
	const credentials = await readCredentials(ctx, credentialType);
	const group = ctx.getNodeParameter('rateLimitGroup', 0, 'default') as string;
	const response = await probeTransport.request(ctx, {
		credentialType,
		method,
		url: `${credentials.baseUrl as string}${url}`,
		body,
		safeToRepeat,
		rateLimitGroup: group,
		itemIndex,
	});
	return await probeTransport.jsonBody<IDataObject>(ctx, response, itemIndex);
}

/** The most items of a parallel operation the probe keeps in flight. */
export const PROBE_MAX_IN_FLIGHT = 4;

const customerOperations: Record<string, ItemOperation> = {
	// a presigned URL: no credential, yet paced, retried and its errors read as any other request
	getPresigned: {
		async execute(this: IExecuteFunctions, i: number) {
			const response = await probeTransport.request(this, {
				method: 'GET',
				url: this.getNodeParameter('url', i) as string,
				safeToRepeat: true,
				itemIndex: i,
			});
			return await probeTransport.jsonBody<IDataObject>(this, response, i);
		},
	},
	get: {
		async execute(this: IExecuteFunctions, i: number) {
			const id = requiredPathId(this, 'customerId', i, 'Customer ID');
			return await send(
				this,
				i,
				'GET',
				`/customers/${pathSegment(this, i, 'Customer ID', id)}`,
				true,
			);
		},
	},
	create: {
		async execute(this: IExecuteFunctions, i: number) {
			const name = requiredString(this, 'name', i, 'Name');
			return await send(this, i, 'POST', '/customers', false, { name });
		},
	},
	update: {
		async execute(this: IExecuteFunctions, i: number) {
			const id = requiredPathId(this, 'customerId', i, 'Customer ID');
			return await send(
				this,
				i,
				'PUT',
				`/customers/${pathSegment(this, i, 'Customer ID', id)}`,
				true,
				{ name: this.getNodeParameter('name', i, '') as string },
			);
		},
	},
	getAll: {
		async execute(this: IExecuteFunctions, i: number) {
			const limit = readLimit(this, i);
			const pageSize = 4;
			return await collectPages(
				0,
				async (offset, remaining) => {
					const size = Math.min(pageSize, remaining ?? pageSize);
					const page = (await send(
						this,
						i,
						'GET',
						`/customers?offset=${offset}&limit=${size}`,
						true,
					)) as { customers: IDataObject[]; more: boolean };
					return {
						items: page.customers,
						next: nextOffset(offset, size, page.customers.length, page.more),
					};
				},
				limit,
			);
		},
	},
};

/** The same operations declared parallel: reads independent, writes one after another per customer. */
const byCustomer = {
	recordKey: (ctx: IExecuteFunctions, i: number) => String(ctx.getNodeParameter('customerId', i)),
};
const operations: OperationMap = {
	customer: {
		...customerOperations,
		getParallel: { ...customerOperations.get, parallel: {} },
		createParallel: { ...customerOperations.create, parallel: {} },
		updateParallel: { ...customerOperations.update, parallel: byCustomer },
	},
};

export class KernelProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kernel Probe',
		name: 'kernelProbe',
		group: ['transform'],
		version: 1,
		description: 'Exercises the shared kernel',
		defaults: { name: 'Kernel Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{
				name: 'probeKeyApi',
				required: true,
				displayOptions: { show: { authentication: ['key'] } },
			},
			{
				name: 'probeSessionApi',
				required: true,
				displayOptions: { show: { authentication: ['session'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Key', value: 'key' },
					{ name: 'Session', value: 'session' },
				],
				default: 'key',
			},
			{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'customer' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'get' },
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{
				displayName: 'Rate Limit Group',
				name: 'rateLimitGroup',
				type: 'string',
				default: 'default',
			},
			{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
			requestSettingsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations, { maxInFlight: PROBE_MAX_IN_FLIGHT });
	}
}

/** A polling trigger on the shared polling loop: customers updated since the last poll. */
export class ProbeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe Trigger',
		name: 'probeTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Customers changed since the last poll',
		defaults: { name: 'Probe Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'probeKeyApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const credentials = await this.getCredentials('probeKeyApi');
		const list = async (query: string) => {
			const response = await probeTransport.request(this, {
				credentialType: 'probeKeyApi',
				method: 'GET',
				url: `${credentials.baseUrl as string}/customers?${query}`,
				safeToRepeat: true,
			});
			return (await probeTransport.jsonBody<{ customers: IDataObject[] }>(this, response))
				.customers;
		};
		return await pollChanges.call(this, {
			fetchChangedSince: async (since) =>
				await list(`updated_since=${encodeURIComponent(since)}&limit=100`),
			fetchSample: async (limit) => await list(`limit=${limit}`),
			idOf: (c) => String(c.id),
			changedAtOf: (c) => c.updated_at as string | undefined,
		});
	}
}
