// Shared setup of the UltraCart tests: a runner whose credential points at an emulator.
import type { INodeParameters } from 'n8n-workflow';

import { UltraCartApi } from '../../credentials/UltraCartApi.credentials';
import { UltraCartOAuth2Api } from '../../credentials/UltraCartOAuth2Api.credentials';
import { UltraCart } from '../../nodes/UltraCart/UltraCart.node';
import { ULTRACART_SIMPLE_KEY, type UltraCartEmulator } from '../emulators/ultracart';
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
