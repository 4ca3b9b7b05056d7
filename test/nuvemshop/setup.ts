// Shared setup of the Nuvemshop tests: a runner whose credential points at an emulator.
import type { INodeParameters } from 'n8n-workflow';

import { NuvemshopApi } from '../../credentials/NuvemshopApi.credentials';
import { NuvemshopOAuth2Api } from '../../credentials/NuvemshopOAuth2Api.credentials';
import { Nuvemshop } from '../../nodes/Nuvemshop/Nuvemshop.node';
import {
	NUVEMSHOP_STORE_ID,
	NUVEMSHOP_TOKEN,
	type NuvemshopEmulator,
} from '../emulators/nuvemshop';
import { OAuth2ApiBase } from '../harness/oauth2-base';
import { providerRunner } from '../harness/provider-runner';

/** Runs the node against the emulator with the access token, a fresh credential per run unless told otherwise. */
export function nuvemshopRunner(
	vendor: () => NuvemshopEmulator,
	defaultParameters?: INodeParameters,
) {
	return providerRunner({
		nodeType: () => new Nuvemshop(),
		credentialTypes: () => [new NuvemshopApi(), new NuvemshopOAuth2Api(), new OAuth2ApiBase()],
		credentialType: 'nuvemshopApi',
		credentialData: () => ({
			storeId: NUVEMSHOP_STORE_ID,
			accessToken: NUVEMSHOP_TOKEN,
			appName: 'Shop Sync',
			appContact: 'ops@example.com',
			platformHost: 'api.tiendanube.com',
			apiVersion: '2025-03',
			customBaseUrl: vendor().baseUrl,
		}),
		defaultParameters,
	});
}
