import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Each option value is the credential type it selects, so the transport passes it to n8n as it is. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Simple API Key', value: 'ultraCartApi' },
		{ name: 'OAuth2', value: 'ultraCartOAuth2Api' },
	],
	default: 'ultraCartApi',
};

export const credentials: INodeCredentialDescription[] = [
	{
		name: 'ultraCartApi',
		required: true,
		displayOptions: { show: { authentication: ['ultraCartApi'] } },
	},
	{
		name: 'ultraCartOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['ultraCartOAuth2Api'] } },
	},
];
