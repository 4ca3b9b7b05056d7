import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { MWS_PATH, mwsEndpoint } from '../../../credentials/AmazonMwsApi.credentials';
import { readCredentials, Transport, type RawResponse } from '../../shared';
import { child, parseXml, toJson, xsdBoolean, type XmlElement } from './xml';

export const CREDENTIAL_TYPE = 'amazonMwsApi';

export type MwsAction =
	| 'ListCustomers'
	| 'ListCustomersByNextToken'
	| 'GetCustomersForCustomerId'
	| 'GetServiceStatus';

function errorOf(body: unknown): { Type?: string; Code?: string; Message?: string } | undefined {
	if (typeof body !== 'string' || !body.includes('ErrorResponse')) return undefined;
	try {
		const error = child(parseXml(body), 'Error');
		return error
			? (toJson(error) as { Type?: string; Code?: string; Message?: string })
			: undefined;
	} catch {
		return undefined;
	}
}

/** Throttling quotas and restore rates per operation, as boto's MWS client declares them. */
export const mwsTransport = new Transport({
	provider: 'Amazon MWS',
	rateLimits: {
		ListCustomers: { capacity: 15, refillPerSecond: 1 / 12 },
		ListCustomersByNextToken: { capacity: 50, refillPerSecond: 1 / 3 },
		GetCustomersForCustomerId: { capacity: 15, refillPerSecond: 1 / 12 },
		GetServiceStatus: { capacity: 2, refillPerSecond: 1 / 300 },
	},
	defaultRateLimitGroup: 'ListCustomers',
	isThrottled: (response) =>
		response.statusCode === 503 &&
		['RequestThrottled', 'QuotaExceeded'].includes(errorOf(response.body)?.Code ?? ''),
	parseError: (response) => {
		const error = errorOf(response.body);
		return error
			? {
					message: error.Message || error.Code || '',
					code: error.Code,
					description: error.Type ? `Error type: ${error.Type}.` : undefined,
				}
			: { message: '' };
	},
	// every MWS read may be retried after a 503; the restore rates above keep the waits short
	backoff: { baseDelayMs: 1000 },
});

/**
 * The Result elements each action may answer with. The live service names it after the action; Amazon's own client
 * library (MWSCustomerService 2015-06-18), and servers built from it, answer GetCustomersForCustomerId's request
 * shape as GetCustomersByCustomerId (root GetCustomersByCustomerIdResponse, GetCustomersByCustomerIdResult).
 */
export const RESULT_ELEMENTS: Record<MwsAction, string[]> = {
	ListCustomers: ['ListCustomersResult'],
	ListCustomersByNextToken: ['ListCustomersByNextTokenResult'],
	GetCustomersForCustomerId: ['GetCustomersForCustomerIdResult', 'GetCustomersByCustomerIdResult'],
	GetServiceStatus: ['GetServiceStatusResult'],
};

/** The Result element of an action's answer, whichever of its known names it has. */
export function resultOf(root: XmlElement, action: MwsAction): XmlElement | undefined {
	for (const name of RESULT_ELEMENTS[action]) {
		const result = child(root, name);
		if (result) return result;
	}
	return undefined;
}

/** Sends one MWS action (all four are reads) and returns its Result element. */
export async function mwsRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: MwsAction,
	params: IDataObject = {},
): Promise<XmlElement> {
	const credentials = await readCredentials(ctx, CREDENTIAL_TYPE);
	const response: RawResponse = await mwsTransport.request(ctx, {
		credentialType: CREDENTIAL_TYPE,
		method: 'POST',
		url: `${mwsEndpoint(credentials)}${MWS_PATH}`,
		body: { Action: action, ...params },
		json: false,
		safeToRepeat: true,
		rateLimitGroup: action,
		itemIndex,
	});
	const text =
		typeof response.body === 'string'
			? response.body
			: Buffer.isBuffer(response.body)
				? response.body.toString('utf8')
				: String(response.body ?? '');
	let result: XmlElement | undefined;
	try {
		result = resultOf(parseXml(text), action);
	} catch {
		result = undefined;
	}
	if (!result) {
		throw new NodeApiError(ctx.getNode(), { message: 'Unreadable answer' } as JsonObject, {
			message: `Amazon MWS answered ${action} with something that is not its XML answer`,
			description: text.slice(0, 300),
			itemIndex,
		});
	}
	return result;
}

/** Customers of a CustomerList as one JSON object each. */
export function customersOf(result: XmlElement): IDataObject[] {
	const list = child(result, 'CustomerList');
	return list ? (toJson(list) as IDataObject[]) : [];
}

export function nextTokenOf(result: XmlElement): { nextToken?: string; more: boolean } {
	const token = child(result, 'NextToken')?.text.trim();
	const more = child(result, 'MoreResultsAvailable')?.text.trim();
	return {
		nextToken: token || undefined,
		more: (more === undefined ? undefined : xsdBoolean(more)) ?? Boolean(token),
	};
}
