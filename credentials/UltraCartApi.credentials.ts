import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { credentialText, withHeaders } from '../nodes/shared/credentials';

/** The API root; only proxies and test servers change it. */
export const ultraCartBaseUrlField: INodeProperties = {
	displayName: 'Custom Base URL',
	name: 'customBaseUrl',
	type: 'string',
	default: '',
	placeholder: 'https://secure.ultracart.com/rest/v2',
	description:
		'Leave empty for UltraCart itself (https://secure.ultracart.com/rest/v2); only for proxies and test servers',
};

export class UltraCartApi implements ICredentialType {
	name = 'ultraCartApi';

	displayName = 'UltraCart API';

	icon: Icon = {
		light: 'file:../nodes/UltraCart/ultracart.svg',
		dark: 'file:../nodes/UltraCart/ultracart.dark.svg',
	};

	documentationUrl = 'https://www.ultracart.com/api/#authentication.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Simple API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Configuration → Back Office → Authorized Applications → API Management: create a Simple Key with customer read and write permissions',
		},
		ultraCartBaseUrlField,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(requestOptions, {
			'x-ultracart-simple-key': credentialText(credentials.apiKey),
			'X-UltraCart-Api-Version': '2017-03-01',
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.customBaseUrl ? $credentials.customBaseUrl.replace(/\\/+$/, "") : "https://secure.ultracart.com/rest/v2"}}',
			url: '/customer/customers',
			qs: { _limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'UltraCart refused the simple key: check it, and that its application is still authorized',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"The simple key works but lacks the customer read permission: add it to the key's application in UltraCart",
				},
			},
		],
	};
}
