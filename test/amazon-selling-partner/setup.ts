// Shared setup of the Amazon Selling Partner tests: the three emulators and a fresh credential per run
// (a fresh credential also means fresh client-side rate-limit buckets).
import type { INodeParameters } from 'n8n-workflow';

import { AmazonSellingPartnerApi } from '../../credentials/AmazonSellingPartnerApi.credentials';
import { AmazonSellingPartner } from '../../nodes/AmazonSellingPartner/AmazonSellingPartner.node';
import { useEmulator } from '../emulators/kit';
import { AmazonSellingPartnerEmulator, SP_CLIENT_ID, SP_CLIENT_SECRET, SP_REFRESH_TOKEN } from '../emulators/amazon-selling-partner';
import { credentialsStore, runNode, type HarnessCredentialsHelper, type SourceItem } from '../harness/harness';

export const SECRETS = [SP_CLIENT_SECRET, SP_REFRESH_TOKEN];
export const US = 'ATVPDKIKX0DER';

export function setupVendor() {
	return useEmulator(() => new AmazonSellingPartnerEmulator());
}

let counter = 0;

export function credential(vendor: AmazonSellingPartnerEmulator, overrides: Record<string, unknown> = {}) {
	const id = `sp-${++counter}`;
	const data = {
		clientId: SP_CLIENT_ID,
		clientSecret: SP_CLIENT_SECRET,
		refreshToken: SP_REFRESH_TOKEN,
		region: 'na',
		environment: 'production',
		useCustomEndpoints: true,
		customEndpoint: vendor.baseUrl,
		customTokenUrl: `${vendor.lwa.baseUrl}/auth/o2/token`,
		accessToken: '',
		...overrides,
	};
	return { id, helper: credentialsStore([new AmazonSellingPartnerApi()], { [id]: { type: 'amazonSellingPartnerApi', data } }) };
}

export interface RunOptions {
	input?: SourceItem[];
	continueOnFail?: boolean;
	credential?: { id: string; helper: HarnessCredentialsHelper };
	credentialOverrides?: Record<string, unknown>;
}

export async function run(vendor: AmazonSellingPartnerEmulator, parameters: INodeParameters, options: RunOptions = {}) {
	const cred = options.credential ?? credential(vendor, options.credentialOverrides);
	const result = await runNode({
		nodeType: new AmazonSellingPartner(),
		parameters: { resource: 'message', marketplaceId: US, ...parameters },
		credentials: { amazonSellingPartnerApi: cred.id },
		credentialsHelper: cred.helper,
		input: options.input,
		continueOnFail: options.continueOnFail,
	});
	return { ...result, credential: cred };
}

export const pdf = (name = 'invoice.pdf', text = 'invoice 1001') => ({
	data: Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`),
	fileName: name,
	mimeType: 'application/pdf',
});
