import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { credentialText, withHeaders } from '../nodes/shared/credentials';
import { redactText, secretValues } from '../nodes/shared/redact';
import { baseUrl } from '../nodes/shared/url';

const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

interface TokenAnswer {
	access_token?: string;
	error?: string;
	error_description?: string;
}

export class AmazonSellingPartnerApi implements ICredentialType {
	name = 'amazonSellingPartnerApi';

	displayName = 'Amazon Selling Partner API';

	icon: Icon = {
		light: 'file:../nodes/AmazonSellingPartner/amazonSellingPartner.svg',
		dark: 'file:../nodes/AmazonSellingPartner/amazonSellingPartner.dark.svg',
	};

	documentationUrl = 'https://developer-docs.amazon.com/sp-api/docs/self-authorization';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'amzn1.application-oa2-client.0123456789abcdef',
			description:
				"The LWA client identifier of your app (Seller Central → Develop Apps → View under 'LWA credentials')",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The LWA client secret shown beside the client identifier',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'Atzr|...',
			description:
				"The refresh token you got by self-authorizing your app (Develop Apps → Authorize), starting with 'Atzr|'",
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'North America (US, Canada, Mexico, Brazil)', value: 'na' },
				{ name: 'Europe (Incl. UK, India, Middle East, Africa)', value: 'eu' },
				{ name: 'Far East (Japan, Australia, Singapore)', value: 'fe' },
			],
			default: 'na',
			description: 'The region of the marketplaces you sell in; it picks the API host',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{
					name: 'Sandbox',
					value: 'sandbox',
					description:
						"Amazon's static sandbox: fixed answers to Amazon's own example requests only (order 123-1234567-1234567, text 'My Message'); your own texts and files are refused there. Nothing reaches buyers.",
				},
			],
			default: 'production',
		},
		{
			displayName: 'Use Custom Endpoints',
			name: 'useCustomEndpoints',
			type: 'boolean',
			default: false,
			description:
				'Whether to send requests to a proxy or a test server instead of Amazon (advanced)',
		},
		{
			displayName: 'Custom API Endpoint',
			name: 'customEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://sp-api-proxy.example.com',
			description: 'Replaces https://sellingpartnerapi-{region}.amazon.com',
			displayOptions: { show: { useCustomEndpoints: [true] } },
		},
		{
			displayName: 'Custom Token URL',
			name: 'customTokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://lwa-proxy.example.com/auth/o2/token',
			description: 'Replaces the Login with Amazon token URL https://api.amazon.com/auth/o2/token',
			displayOptions: { show: { useCustomEndpoints: [true] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Exchanges the refresh token for a one-hour access token (Login with Amazon, refresh-token grant). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const missing = [
			['clientId', 'Client ID'],
			['clientSecret', 'Client Secret'],
			['refreshToken', 'Refresh Token'],
		]
			.filter(([key]) => String(credentials[key] ?? '').trim() === '')
			.map(([, label]) => label);
		if (missing.length) {
			throw new Error(
				`The Amazon Selling Partner API credential has no ${missing.join(', ')}: fill it in and save the credential`,
			);
		}
		const url =
			credentials.useCustomEndpoints === true
				? baseUrl(credentials.customTokenUrl, LWA_TOKEN_URL)
				: LWA_TOKEN_URL;
		// what comes back from outside (an error message) may quote the request, which holds the secrets
		const secrets = secretValues(credentials);
		const form = new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: String(credentials.refreshToken).trim(),
			client_id: String(credentials.clientId).trim(),
			client_secret: String(credentials.clientSecret).trim(),
		});
		let answer: { statusCode: number; body: unknown };
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				body: form.toString(),
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
					Accept: 'application/json',
				},
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
			})) as { statusCode: number; body: unknown };
		} catch (error) {
			// Keep the network code (the kernel decides on retries from it) and nothing of the request (it holds the secrets).
			const code = (error as { code?: string }).code;
			throw Object.assign(
				new Error(
					redactText(
						`Could not reach Login with Amazon at ${url}: ${(error as Error).message}`,
						secrets,
					),
				),
				code ? { code } : {},
			);
		}
		let body: TokenAnswer = {};
		try {
			body = (
				typeof answer.body === 'string' ? JSON.parse(answer.body) : answer.body
			) as TokenAnswer;
		} catch {
			body = {};
		}
		if (answer.statusCode >= 200 && answer.statusCode < 300 && body?.access_token) {
			return { accessToken: body.access_token };
		}
		const hint =
			body?.error === 'invalid_grant'
				? ' The refresh token is wrong, revoked or belongs to another app: authorize the app again in Seller Central and paste the new refresh token.'
				: body?.error === 'invalid_client' || body?.error === 'unauthorized_client'
					? ' Check the Client ID and Client Secret (Seller Central → Develop Apps → LWA credentials); a rotated secret must be updated here.'
					: '';
		throw new Error(
			redactText(
				`Login with Amazon refused the token request (HTTP ${answer.statusCode}${body?.error ? `, ${body.error}` : ''})${body?.error_description ? `: ${body.error_description}` : ''}.${hint}`,
				secrets,
			),
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(requestOptions, {
			'x-amz-access-token': credentialText(credentials.accessToken),
		});
	}

	// preAuthentication runs first and must succeed; the test request then proves the same exchange once more.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `={{$credentials.useCustomEndpoints && $credentials.customTokenUrl ? $credentials.customTokenUrl : "${LWA_TOKEN_URL}"}}`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: {
				grant_type: 'refresh_token',
				refresh_token: '={{$credentials.refreshToken}}',
				client_id: '={{$credentials.clientId}}',
				client_secret: '={{$credentials.clientSecret}}',
			},
		},
	};
}
