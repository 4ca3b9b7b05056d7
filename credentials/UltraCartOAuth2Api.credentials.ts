import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { ultraCartBaseUrlField } from './UltraCartApi.credentials';

/** Authorization code flow of an UltraCart Developer Application, with the customer scopes. */
export class UltraCartOAuth2Api implements ICredentialType {
	name = 'ultraCartOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'UltraCart OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/UltraCart/ultracart.svg',
		dark: 'file:../nodes/UltraCart/ultracart.dark.svg',
	};

	documentationUrl = 'https://www.ultracart.com/api/#authentication.html';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		// n8n always uses these hidden fields' defaults, so they follow Custom Base URL (proxies, the emulator)
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{($self["customBaseUrl"] || "https://secure.ultracart.com/rest/v2").replace(/\\/+$/, "") + "/oauth/authorize"}}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{($self["customBaseUrl"] || "https://secure.ultracart.com/rest/v2").replace(/\\/+$/, "") + "/oauth/token"}}',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'customer_read customer_write webhook_read webhook_write',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		ultraCartBaseUrlField,
	];
}
