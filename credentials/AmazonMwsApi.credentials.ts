import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { signV2, signedBody } from '../nodes/AmazonMws/transport/signature';
import { baseUrl } from '../nodes/shared/url';

export const MWS_API_VERSION = '2014-03-01';
export const MWS_PATH = `/CustomerInformation/${MWS_API_VERSION}`;

export const MWS_ENDPOINTS: Array<{ name: string; value: string }> = [
	{ name: 'North America (US, BR)', value: 'https://mws.amazonservices.com' },
	{ name: 'Canada', value: 'https://mws.amazonservices.ca' },
	{ name: 'Mexico', value: 'https://mws.amazonservices.com.mx' },
	{ name: 'Europe (DE, ES, FR, UK, IT, …)', value: 'https://mws-eu.amazonservices.com' },
	{ name: 'India', value: 'https://mws.amazonservices.in' },
	{ name: 'Japan', value: 'https://mws.amazonservices.jp' },
	{ name: 'China', value: 'https://mws.amazonservices.com.cn' },
	{ name: 'Australia', value: 'https://mws.amazonservices.com.au' },
	{ name: 'Far East (SG)', value: 'https://mws-fe.amazonservices.com' },
	{ name: 'United Arab Emirates', value: 'https://mws.amazonservices.ae' },
	{ name: 'Custom', value: 'custom' },
];

/** The endpoint a credential points at, without a trailing slash. */
export function mwsEndpoint(credentials: IDataObject): string {
	const endpoint = String(credentials.endpoint ?? MWS_ENDPOINTS[0].value);
	return baseUrl(endpoint === 'custom' ? credentials.customEndpoint : endpoint);
}

/**
 * The URL a request goes to. baseURL and url are joined as strings, as axios joins them, so that the path of a
 * custom endpoint (`https://h:8443/proxy`) survives: `new URL('/CustomerInformation/…', base)` would drop it.
 */
export function mwsRequestUrl(baseURL: string, url: string | undefined): URL {
	const path = url ?? '';
	if (/^[a-z][a-z\d+.-]*:\/\//i.test(path)) return new URL(path);
	const base = baseUrl(baseURL);
	return new URL(path ? `${base}/${path.replace(/^\/+/, '')}` : base);
}

export class AmazonMwsApi implements ICredentialType {
	name = 'amazonMwsApi';

	displayName = 'Amazon MWS API';

	icon: Icon = {
		light: 'file:../nodes/AmazonMws/amazonMws.svg',
		dark: 'file:../nodes/AmazonMws/amazonMws.dark.svg',
	};

	documentationUrl =
		'https://docs.developer.amazonservices.com/en_US/dev_guide/DG_SigningQueryRequest.html';

	properties: INodeProperties[] = [
		{
			displayName:
				'Amazon retired MWS on 2024-03-31; these credentials work with MWS-compatible endpoints only',
			name: 'retirementNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Seller ID',
			name: 'sellerId',
			type: 'string',
			required: true,
			default: '',
			description: 'Your merchant identifier (SellerId)',
		},
		{
			displayName: 'MWS Auth Token',
			name: 'mwsAuthToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only when a developer acts for you (third-party authorization)',
		},
		{
			displayName: 'AWS Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'options',
			options: MWS_ENDPOINTS,
			default: MWS_ENDPOINTS[0].value,
		},
		{
			displayName: 'Custom Endpoint',
			name: 'customEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://mws.example.com',
			displayOptions: { show: { endpoint: ['custom'] } },
			description: 'An MWS-compatible service, without the /CustomerInformation path',
		},
	];

	/**
	 * Signs each request with Signature Version 2. Every parameter (the body's, the query string's and `qs`) and the
	 * common ones go into the form body of a POST, and the signature covers exactly that: POST, the host, the full
	 * path (with a custom endpoint's path prefix) and all those parameters.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = mwsRequestUrl(
			requestOptions.baseURL ?? mwsEndpoint(credentials),
			requestOptions.url,
		);
		const params: Record<string, string> = {};
		const add = (name: string, value: unknown) => {
			if (value === undefined || value === null || value === '') return;
			params[name] =
				typeof value === 'object'
					? JSON.stringify(value)
					: String(value as string | number | boolean);
		};
		for (const [name, value] of url.searchParams) add(name, value);
		for (const [name, value] of Object.entries(requestOptions.qs ?? {})) add(name, value);
		const body = requestOptions.body;
		if (typeof body === 'string' || body instanceof URLSearchParams)
			for (const [name, value] of new URLSearchParams(body)) add(name, value);
		else if (body && typeof body === 'object' && !Buffer.isBuffer(body))
			for (const [name, value] of Object.entries(body)) add(name, value);
		delete params.Signature;
		Object.assign(params, {
			AWSAccessKeyId: String(credentials.accessKeyId ?? ''),
			SellerId: String(credentials.sellerId ?? ''),
			SignatureMethod: 'HmacSHA256',
			SignatureVersion: '2',
			Timestamp: new Date().toISOString(),
			Version: MWS_API_VERSION,
		});
		if (credentials.mwsAuthToken) params.MWSAuthToken = String(credentials.mwsAuthToken);
		// MWS takes every action as a POST with the parameters in the form body: sign that, whatever was asked for
		const method = 'POST';
		const signature = signV2(
			String(credentials.secretKey ?? ''),
			method,
			url.host,
			url.pathname,
			params,
		);
		const headers: IDataObject = {};
		for (const [name, value] of Object.entries(requestOptions.headers ?? {}))
			if (name.toLowerCase() !== 'content-type') headers[name] = value as string;
		headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
		const signed: IHttpRequestOptions = {
			...requestOptions,
			url: `${url.origin}${url.pathname}`,
			method,
			body: signedBody(params, signature),
			headers,
		};
		delete signed.baseURL;
		delete signed.qs;
		return signed;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.endpoint === "custom" ? $credentials.customEndpoint : $credentials.endpoint).replace(/\\/+$/, "")}}',
			url: MWS_PATH,
			method: 'POST',
			body: { Action: 'GetServiceStatus' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Amazon MWS refused the signature: check the Secret Key, and that it belongs to the AWS Access Key ID',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Amazon MWS does not know this AWS Access Key ID or Seller ID: check both',
				},
			},
		],
	};
}
