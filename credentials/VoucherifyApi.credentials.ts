import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { credentialText, withHeaders } from '../nodes/shared/credentials';

export class VoucherifyApi implements ICredentialType {
	name = 'voucherifyApi';

	displayName = 'Voucherify API';

	icon: Icon = {
		light: 'file:../nodes/Voucherify/voucherify.svg',
		dark: 'file:../nodes/Voucherify/voucherify.dark.svg',
	};

	documentationUrl = 'https://docs.voucherify.io/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			required: true,
			default: '',
			description: 'Project settings → General → Application Keys: the Application ID',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Project settings → General → Application Keys: the Secret Key',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Europe (api.voucherify.io)', value: 'https://api.voucherify.io' },
				{ name: 'United States (us1.api.voucherify.io)', value: 'https://us1.api.voucherify.io' },
				{ name: 'Asia (as1.api.voucherify.io)', value: 'https://as1.api.voucherify.io' },
				{ name: 'Custom (Dedicated Cluster)', value: 'custom' },
			],
			default: 'https://api.voucherify.io',
			description:
				'Where your Voucherify project lives; calling the wrong region gives an authorization error',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://mycompany.api.voucherify.io',
			displayOptions: { show: { region: ['custom'] } },
			description: 'The base URL of your dedicated cluster, without /v1',
		},
		{
			displayName: 'Webhook Secret Key',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the Voucherify Webhook Trigger: Project settings → Webhooks → Secret key. The trigger checks every delivery's signature with it and refuses to start without it.",
		},
		{
			displayName: 'Management API ID',
			name: 'managementId',
			type: 'string',
			default: '',
			description:
				'Optional, for the Voucherify Webhook Trigger to register its webhook itself (Management API, Enterprise plans, beta): Team settings → Management API keys. Leave empty to add the webhook in the dashboard yourself.',
		},
		{
			displayName: 'Management API Token',
			name: 'managementToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The token of the Management API key (Voucherify shows it only once)',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'proj_TrlkLiH4',
			description:
				'The project the webhook belongs to, for the Management API. Leave empty when the organization has one project: the trigger looks it up.',
		},
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'string',
			default: 'n8n',
			description:
				'Sent as X-Voucherify-Channel, so changes made by n8n are recognisable in the Voucherify audit log',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(requestOptions, {
			'X-App-Id': credentialText(credentials.applicationId),
			'X-App-Token': credentialText(credentials.secretKey),
			'X-Voucherify-Channel': credentialText(credentials.channel) || 'n8n',
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.region === "custom" ? $credentials.customBaseUrl.replace(/\\/+$/, "") : $credentials.region}}',
			url: '/v1/customers',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Voucherify refused the keys: check the Application ID and Secret Key, and that Region is the one your project lives in',
				},
			},
		],
	};
}
