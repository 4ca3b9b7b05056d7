// Shared setup of the Voucherify tests: a runner whose credential points at an emulator.
import type { INodeParameters } from 'n8n-workflow';

import { VoucherifyApi } from '../../credentials/VoucherifyApi.credentials';
import { Voucherify } from '../../nodes/Voucherify/Voucherify.node';
import {
	VOUCHERIFY_APP_ID,
	VOUCHERIFY_SECRET,
	type VoucherifyEmulator,
} from '../emulators/voucherify';
import { providerRunner } from '../harness/provider-runner';

/** Runs the node against the emulator, a fresh credential per run unless told otherwise. */
export function voucherifyRunner(
	vendor: () => VoucherifyEmulator,
	defaultParameters?: INodeParameters,
) {
	return providerRunner({
		nodeType: () => new Voucherify(),
		credentialTypes: () => [new VoucherifyApi()],
		credentialType: 'voucherifyApi',
		credentialData: () => ({
			applicationId: VOUCHERIFY_APP_ID,
			secretKey: VOUCHERIFY_SECRET,
			region: 'custom',
			customBaseUrl: vendor().baseUrl,
			channel: 'n8n-test',
		}),
		defaultParameters,
	});
}
