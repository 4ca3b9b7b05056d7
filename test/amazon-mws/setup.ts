// Shared setup of the Amazon MWS tests: a runner whose credential points at an emulator.
import type { INodeParameters } from 'n8n-workflow';

import { AmazonMwsApi } from '../../credentials/AmazonMwsApi.credentials';
import { AmazonMws } from '../../nodes/AmazonMws/AmazonMws.node';
import {
	MWS_ACCESS_KEY_ID,
	MWS_SECRET_KEY,
	MWS_SELLER_ID,
	type AmazonMwsEmulator,
} from '../emulators/amazon-mws';
import { providerRunner } from '../harness/provider-runner';

/** Runs the node against the emulator, with a fresh credential per run unless told otherwise. */
export function mwsRunner(
	vendor: () => AmazonMwsEmulator,
	credential: Record<string, unknown> = {},
	defaultParameters?: INodeParameters,
) {
	return providerRunner({
		nodeType: () => new AmazonMws(),
		credentialTypes: () => [new AmazonMwsApi()],
		credentialType: 'amazonMwsApi',
		credentialData: () => ({
			sellerId: MWS_SELLER_ID,
			accessKeyId: MWS_ACCESS_KEY_ID,
			secretKey: MWS_SECRET_KEY,
			endpoint: 'custom',
			customEndpoint: vendor().baseUrl,
			...credential,
		}),
		defaultParameters,
	});
}
