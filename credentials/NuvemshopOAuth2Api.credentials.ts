import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { nuvemshopPlatformFields } from './NuvemshopApi.credentials';

/**
 * The app-install authorization-code flow. Nuvemshop's token never expires and comes with the store id
 * (user_id), which the node reads from the stored token data.
 */
export class NuvemshopOAuth2Api implements ICredentialType {
	name = 'nuvemshopOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Nuvemshop OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/Nuvemshop/nuvemshop.svg',
		dark: 'file:../nodes/Nuvemshop/nuvemshop.dark.svg',
	};

	documentationUrl = 'https://tiendanube.github.io/api-documentation/authentication';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Partner Site',
			name: 'partnerSite',
			type: 'options',
			options: [
				{ name: 'Tiendanube (www.tiendanube.com)', value: 'www.tiendanube.com' },
				{ name: 'Nuvemshop (www.nuvemshop.com.br)', value: 'www.nuvemshop.com.br' },
			],
			default: 'www.tiendanube.com',
			description: 'Where your app is registered in the Partners portal',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{"https://" + $self["partnerSite"] + "/apps/" + $self["clientId"] + "/authorize"}}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{"https://" + $self["partnerSite"] + "/apps/authorize/token"}}',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...nuvemshopPlatformFields,
	];
}
