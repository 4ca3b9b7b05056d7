import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
} from 'n8n-workflow';

import { baseUrl, readCredentials, Transport, type RawResponse } from '../../shared';
// the table holds data only: importing it here makes no import cycle
import { MESSAGE_TYPES } from '../actions/message/messageTypes';
import { HOSTS, MARKETPLACES, REGION_NAMES, regionOf } from './marketplaces';

export const CREDENTIAL_TYPE = 'amazonSellingPartnerApi';

const USER_AGENT = 'n8n-nodes-commerce-customers/1.0 (Language=TypeScript; Platform=n8n)';

/** Documented usage plan: every Messaging operation 1 request per second, burst 5; Uploads 10 per second, burst 10. */
const MESSAGING_PLAN = { capacity: 5, refillPerSecond: 1 };

/** Amazon counts each operation on its own: every read and every message type gets its own bucket of the plan. */
const MESSAGING_OPERATIONS = [
	'getMessagingActionsForOrder',
	'GetAttributes',
	...MESSAGE_TYPES.map((type) => type.vendorOperation),
];

const rateLimits: Record<string, { capacity: number; refillPerSecond: number }> = {
	createUploadDestinationForResource: { capacity: 10, refillPerSecond: 10 },
};
for (const operation of MESSAGING_OPERATIONS) rateLimits[operation] = MESSAGING_PLAN;

interface SpApiError {
	code?: string;
	message?: string;
	details?: string;
}

export const spApiTransport = new Transport({
	provider: 'Amazon Selling Partner',
	rateLimits,
	defaultRateLimitGroup: 'getMessagingActionsForOrder',
	// each operation's burst is 5; more in flight would only wait for its bucket
	maxInFlight: 5,
	// x-amzn-RateLimit-Limit is the sustained rate in requests per second (the kernel paces a little under it).
	readRateLimitHeaders: (headers) => {
		const rate = Number(headers['x-amzn-ratelimit-limit']);
		return Number.isFinite(rate) && rate > 0 ? { ratePerSecond: rate } : undefined;
	},
	// A 429 carries no Retry-After; at 1 request per second one token comes back after a second.
	vendorRetryAfterMs: (response) => (response.statusCode === 429 ? 1000 : undefined),
	parseError: (response) => {
		const body = response.body as { errors?: SpApiError[] } | undefined;
		const requestId = response.headers['x-amzn-requestid'];
		const errors =
			body && typeof body === 'object' && Array.isArray(body.errors) ? body.errors : [];
		if (!errors.length) return { message: '' };
		const details = errors
			.map((e) => e.details)
			.filter((d) => typeof d === 'string' && d.trim() !== '');
		return {
			message: errors.map((e) => e.message ?? e.code ?? 'error').join('; '),
			code: errors[0].code,
			description:
				[details.join(' '), requestId ? `Amazon request ID: ${String(requestId)}.` : '']
					.filter(Boolean)
					.join(' ') || undefined,
		};
	},
	// An expired or revoked LWA access token comes back as 401 or 403: n8n fetches a new one and retries once.
	credentialOptions: { preAuthenticationRetryStatusCode: [401, 403] },
});

/** The API root from the credential: region and environment, or the custom endpoint. */
export async function apiBaseUrl(
	ctx: IExecuteFunctions,
): Promise<{ baseUrl: string; region: ReturnType<typeof regionOf> }> {
	const credentials = await readCredentials(ctx, CREDENTIAL_TYPE);
	const region = regionOf(credentials.region);
	const custom = credentials.useCustomEndpoints === true ? baseUrl(credentials.customEndpoint) : '';
	if (custom && !/^https?:\/\//.test(custom)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The credential's Custom API Endpoint "${custom}" is not a URL: it must start with https://`,
		);
	}
	const host = HOSTS[region][credentials.environment === 'sandbox' ? 'sandbox' : 'production'];
	return { baseUrl: custom || host, region };
}

/** Fails before any request when the marketplace belongs to another region than the credential's. */
export function checkMarketplaceRegion(
	ctx: IExecuteFunctions,
	itemIndex: number,
	marketplaceId: string,
	region: ReturnType<typeof regionOf>,
): void {
	const known = MARKETPLACES.find((m) => m.id === marketplaceId);
	if (known && known.region !== region) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Parameter "Marketplace" is ${known.name} (${known.id}), which Amazon serves from the ${REGION_NAMES[known.region]} region, but the credential is set to ${REGION_NAMES[region]}`,
			{
				itemIndex,
				description:
					"Pick a marketplace of the credential's region, or use a credential for the other region.",
			},
		);
	}
}

export interface SpApiRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The vendor operation: also the rate-limit group, as Amazon counts per operation. */
	operation: string;
	safeToRepeat: boolean;
}

export async function spApiRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: SpApiRequest,
): Promise<RawResponse<IDataObject>> {
	const api = await apiBaseUrl(ctx);
	const headers: IDataObject = { 'user-agent': USER_AGENT, accept: 'application/json' };
	if (request.body !== undefined) headers['content-type'] = 'application/json';
	const response = await spApiTransport.request(ctx, {
		credentialType: CREDENTIAL_TYPE,
		method: request.method,
		url: `${api.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers,
		safeToRepeat: request.safeToRepeat,
		rateLimitGroup: request.operation,
		itemIndex,
	});
	return {
		...response,
		body: (await spApiTransport.jsonBody<IDataObject>(ctx, response, itemIndex)) ?? {},
	};
}
