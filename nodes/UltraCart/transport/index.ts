import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { baseUrl, readCredentials, Transport, type RawResponse } from '../../shared';
import { authenticationProperty } from '../authentication';

export type UltraCartContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions;
export const API_VERSION = '2017-03-01';
const DEFAULT_BASE_URL = 'https://secure.ultracart.com/rest/v2';

/**
 * UltraCart allows 1,000 requests an hour per application (a leaky bucket, no reset header) and refuses
 * concurrent requests; the node sends one request at a time.
 */
export const ultraCartTransport = new Transport({
	provider: 'UltraCart',
	rateLimits: { application: { capacity: 1000, refillPerSecond: 1000 / 3600 } },
	defaultRateLimitGroup: 'application',
	maxInFlight: 1,
	parseError: (response) => {
		const body = response.body as IDataObject | undefined;
		const error = (body && typeof body === 'object' ? body.error : undefined) as
			| IDataObject
			| undefined;
		const header = response.headers['uc-rest-error'];
		const message =
			(error?.user_message as string) ||
			(error?.developer_message as string) ||
			(typeof header === 'string' ? header : '');
		return {
			message,
			code: typeof error?.error_code === 'string' ? error.error_code : undefined,
			description:
				error?.developer_message && error.developer_message !== message
					? String(error.developer_message)
					: undefined,
		};
	},
});

export interface UltraCartRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	safeToRepeat: boolean;
	/** The spec sends most JSON bodies as "application/json; charset=UTF-8", a few as plain "application/json". */
	plainJson?: boolean;
	/** For calls whose answer is `success` itself (validating a token): success: false is a result, not a failure. */
	successIsTheAnswer?: boolean;
	/** Statuses whose answer is returned to the caller instead of thrown (a 404 of a lookup that found nobody). */
	acceptStatuses?: number[];
}

export async function ultraCartRequest<T = IDataObject>(
	ctx: UltraCartContext,
	itemIndex: number,
	request: UltraCartRequest,
): Promise<T> {
	// The Authentication option value is the credential type; load-options, poll and hook contexts take no item index
	const fallback = authenticationProperty.default as string;
	const credentialType = (
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, fallback)
			: ctx.getNodeParameter('authentication', fallback)
	) as string;
	const credentials = await readCredentials(ctx, credentialType);
	const kernelRequest = {
		credentialType,
		method: request.method,
		url: `${baseUrl(credentials.customBaseUrl, DEFAULT_BASE_URL)}${request.path}`,
		qs: request.qs,
		body: request.body as IDataObject | undefined,
		headers: {
			'X-UltraCart-Api-Version': API_VERSION,
			...(request.body
				? {
						'Content-Type': request.plainJson
							? 'application/json'
							: 'application/json; charset=UTF-8',
					}
				: {}),
		},
		safeToRepeat: request.safeToRepeat,
		acceptStatuses: request.acceptStatuses,
		itemIndex,
	};
	const response: RawResponse = await ultraCartTransport.request(ctx, kernelRequest);
	const body = await ultraCartTransport.jsonBody<IDataObject | undefined>(ctx, response, itemIndex);
	// UltraCart can answer 200 with success: false and an error object
	if (
		body &&
		typeof body === 'object' &&
		body.success === false &&
		body.error &&
		!request.successIsTheAnswer &&
		!request.acceptStatuses?.includes(response.statusCode)
	) {
		throw await ultraCartTransport.responseError(ctx, kernelRequest, { ...response, body });
	}
	return body as T;
}
