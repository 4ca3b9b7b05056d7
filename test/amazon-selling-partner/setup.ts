// Shared setup of the Amazon Selling Partner tests: the three emulators and a runner whose credential points at them.
import { AmazonSellingPartnerApi } from '../../credentials/AmazonSellingPartnerApi.credentials';
import { AmazonSellingPartner } from '../../nodes/AmazonSellingPartner/AmazonSellingPartner.node';
import { useEmulator } from '../emulators/kit';
import {
	AmazonSellingPartnerEmulator,
	SP_CLIENT_ID,
	SP_CLIENT_SECRET,
	SP_REFRESH_TOKEN,
} from '../emulators/amazon-selling-partner';
import { providerRunner } from '../harness/provider-runner';

export const SECRETS = [SP_CLIENT_SECRET, SP_REFRESH_TOKEN];
export const US = 'ATVPDKIKX0DER';

export function setupVendor() {
	return useEmulator(() => new AmazonSellingPartnerEmulator());
}

/** The credential fields that point a credential at an emulator (and its LWA host). */
export const endpointsOf = (vendor: AmazonSellingPartnerEmulator) => ({
	useCustomEndpoints: true,
	customEndpoint: vendor.baseUrl,
	customTokenUrl: `${vendor.lwa.baseUrl}/auth/o2/token`,
});

/** Runs the node against one emulator (and its LWA and S3 hosts), with a fresh credential per run unless told otherwise. */
export function sellingPartnerRunner(vendor: () => AmazonSellingPartnerEmulator) {
	return providerRunner({
		nodeType: () => new AmazonSellingPartner(),
		credentialTypes: () => [new AmazonSellingPartnerApi()],
		credentialType: 'amazonSellingPartnerApi',
		credentialData: () => ({
			clientId: SP_CLIENT_ID,
			clientSecret: SP_CLIENT_SECRET,
			refreshToken: SP_REFRESH_TOKEN,
			region: 'na',
			environment: 'production',
			...endpointsOf(vendor()),
			accessToken: '',
		}),
		defaultParameters: { resource: 'message', marketplaceId: US },
	});
}

export const pdf = (name = 'invoice.pdf', text = 'invoice 1001') => ({
	data: Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`),
	fileName: name,
	mimeType: 'application/pdf',
});
