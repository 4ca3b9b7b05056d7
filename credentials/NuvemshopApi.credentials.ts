import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { credentialText, withHeaders } from '../nodes/shared/credentials';

/** Fields both Nuvemshop credentials share: where the API is and how the app introduces itself. */
export const nuvemshopPlatformFields: INodeProperties[] = [
	{
		displayName: 'App Name',
		name: 'appName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'My Store Automation',
		description: 'Nuvemshop requires every request to name the app in the User-Agent header',
	},
	{
		displayName: 'App Contact',
		name: 'appContact',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'you@example.com',
		description:
			'An email address or URL where Nuvemshop can reach you; sent in the User-Agent header as "App Name (contact)"',
	},
	{
		displayName: 'Platform',
		name: 'platformHost',
		type: 'options',
		options: [
			{ name: 'Tiendanube (api.tiendanube.com)', value: 'api.tiendanube.com' },
			{ name: 'Nuvemshop (api.nuvemshop.com.br)', value: 'api.nuvemshop.com.br' },
		],
		default: 'api.tiendanube.com',
		description: 'Both hosts serve the same API for every store',
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'string',
		default: '2025-03',
		description:
			'The API version in the URL: a dated version such as 2025-03, or v1 for the legacy API',
	},
	{
		displayName: 'Custom Base URL',
		name: 'customBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://proxy.example.com',
		description:
			'Only for proxies and test servers: replaces https://{platform host}; the version and store ID are still appended',
	},
];

export class NuvemshopApi implements ICredentialType {
	name = 'nuvemshopApi';

	displayName = 'Nuvemshop API';

	icon: Icon = {
		light: 'file:../nodes/Nuvemshop/nuvemshop.svg',
		dark: 'file:../nodes/Nuvemshop/nuvemshop.dark.svg',
	};

	documentationUrl = 'https://tiendanube.github.io/api-documentation/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Store ID',
			name: 'storeId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '123456',
			description: 'The store number (the user_id returned with the access token)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The app's access token for this store",
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only needed for the Nuvemshop / Tiendanube Webhook Trigger, which checks with it that each delivery comes from Nuvemshop. It is your app's client secret: in the Partners portal, open the app and copy the secret shown beside its App ID (client_id).",
		},
		...nuvemshopPlatformFields,
	];

	/** Nuvemshop reads "Authentication: bearer", and requires the app's name and contact in the User-Agent. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(requestOptions, {
			Authentication: `bearer ${credentialText(credentials.accessToken)}`,
			'User-Agent': `${credentialText(credentials.appName)} (${credentialText(credentials.appContact)})`,
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.customBaseUrl ? $credentials.customBaseUrl.replace(/\\/+$/, "") : "https://" + $credentials.platformHost) + "/" + $credentials.apiVersion + "/" + $credentials.storeId}}',
			// GET /store answers every installed app; a customer list would be a 404 ("Last page is 0") for a shop without customers
			url: '/store',
			qs: { fields: 'id,name' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Nuvemshop refused the access token: check it, and that Store ID is the user_id of the same app installation',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Nuvemshop refused the request: fill in App Name and Contact (Nuvemshop requires them in the User-Agent header)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Nuvemshop does not know this store or API version: check Store ID and API Version',
				},
			},
		],
	};
}
