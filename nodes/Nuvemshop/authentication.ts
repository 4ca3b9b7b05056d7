import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The credential types a Nuvemshop node may use; the Authentication parameter's value is one of them. */
export type NuvemshopCredentialType = 'nuvemshopApi' | 'nuvemshopOAuth2Api';

const authenticationOptions: Array<{ name: string; value: NuvemshopCredentialType }> = [
	{ name: 'Access Token', value: 'nuvemshopApi' },
	{ name: 'OAuth2', value: 'nuvemshopOAuth2Api' },
];

/** Its option values are the credential type names, so the transport passes the value on as the credential type. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: authenticationOptions,
	default: 'nuvemshopApi',
};

/** Each credential type, asked for when Authentication names it. */
export const credentials: INodeCredentialDescription[] = authenticationOptions.map(({ value }) => ({
	name: value,
	required: true,
	displayOptions: { show: { authentication: [value] } },
}));
