// Shared setup of the UltraCart tests: a runner whose credential points at an emulator.
import type { INodeParameters } from 'n8n-workflow';

import { UltraCartApi } from '../../credentials/UltraCartApi.credentials';
import { UltraCartOAuth2Api } from '../../credentials/UltraCartOAuth2Api.credentials';
import { UltraCart } from '../../nodes/UltraCart/UltraCart.node';
import {
	ULTRACART_CLIENT_ID,
	ULTRACART_CLIENT_SECRET,
	ULTRACART_SIMPLE_KEY,
	type UltraCartEmulator,
} from '../emulators/ultracart';
import { OAuth2ApiBase } from '../harness/oauth2-base';
import { providerRunner } from '../harness/provider-runner';

/** Runs the node against the emulator with the simple key, a fresh credential per run unless told otherwise. */
export function ultraCartRunner(
	vendor: () => UltraCartEmulator,
	defaultParameters?: INodeParameters,
) {
	return providerRunner({
		nodeType: () => new UltraCart(),
		credentialTypes: () => [new UltraCartApi(), new UltraCartOAuth2Api(), new OAuth2ApiBase()],
		credentialType: 'ultraCartApi',
		credentialData: () => ({
			apiKey: ULTRACART_SIMPLE_KEY,
			customBaseUrl: `${vendor().baseUrl}/rest/v2`,
		}),
		defaultParameters,
	});
}

/** An OAuth2 credential's data against the emulator, holding an expired access token and a valid refresh token. */
export function oauthCredentialData(baseUrl: string) {
	return {
		clientId: ULTRACART_CLIENT_ID,
		clientSecret: ULTRACART_CLIENT_SECRET,
		// ignored, as n8n ignores it: the token URL follows Custom Base URL
		accessTokenUrl: 'https://secure.ultracart.com/rest/v2/oauth/token',
		authentication: 'body',
		grantType: 'authorizationCode',
		customBaseUrl: `${baseUrl}/rest/v2`,
		oauthTokenData: {
			access_token: 'expired-token',
			refresh_token: 'uc-refresh-1',
			token_type: 'bearer',
		},
	};
}
