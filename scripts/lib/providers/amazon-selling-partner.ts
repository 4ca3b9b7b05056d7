/** Amazon Selling Partner (Messaging): Login with Amazon tokens, the order's message types, files through S3. */
import { all, atLeast, exactly, vendorSaw } from './checks';
import type { AnyEmulator, CaseInput, Provider } from './types';

const SP_ORDER = '123-1234567-1234567';
const US = 'ATVPDKIKX0DER';

const PDF = Buffer.from(
	'%PDF-1.4\n% demo invoice 1001\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const pdfInput: CaseInput = {
	file: {
		base64: PDF.toString('base64'),
		fileName: 'invoice-1001.pdf',
		mimeType: 'application/pdf',
	},
};

export const amazonSellingPartner: Provider = {
	key: 'amazon-selling-partner',
	title: 'Amazon Selling Partner',
	node: 'AmazonSellingPartner',
	nodeName: 'amazonSellingPartner',
	credentialFiles: ['AmazonSellingPartnerApi'],
	emulatorFile: 'amazon-selling-partner',
	emulatorClass: 'AmazonSellingPartnerEmulator',
	extraPorts: 2,
	offset: 4,
	credentials: (m, emu) => [
		{
			id: 'demoAmazonSpApi1',
			name: 'Amazon Selling Partner (demo emulator)',
			type: 'amazonSellingPartnerApi',
			data: {
				clientId: m.SP_CLIENT_ID,
				clientSecret: m.SP_CLIENT_SECRET,
				refreshToken: m.SP_REFRESH_TOKEN,
				region: 'na',
				environment: 'production',
				useCustomEndpoints: true,
				customEndpoint: emu.baseUrl,
				customTokenUrl: `${emu.lwa.baseUrl}/auth/o2/token`,
			},
			secretFields: ['clientSecret', 'refreshToken'],
			wrong: { refreshToken: 'Atzr|IwEBIwrong-refresh-token-0000' },
		},
	],
	cases: () => {
		const base = { amazonOrderId: SP_ORDER, marketplaceId: US };
		const sent = (op: string) => vendorSaw(op);
		const lwa = (_i: unknown, emu: AnyEmulator) =>
			emu.lwa.sideEffects('token') >= 1
				? undefined
				: 'n8n never exchanged the refresh token at Login with Amazon (preAuthentication)';
		return [
			{
				resource: 'message',
				operation: 'getActions',
				params: { ...base },
				check: all(atLeast(1), sent('getMessagingActionsForOrder'), lwa),
			},
			{
				resource: 'message',
				operation: 'getAttributes',
				params: { ...base },
				check: all(exactly(1), sent('GetAttributes')),
			},
			{
				resource: 'message',
				operation: 'sendConfirmCustomizationDetails',
				params: { ...base, text: 'Your engraving reads "Happy birthday".' },
				check: sent('confirmCustomizationDetails'),
			},
			{
				resource: 'message',
				operation: 'sendConfirmDeliveryDetails',
				params: { ...base, text: 'Your parcel arrives on Tuesday.' },
				check: sent('createConfirmDeliveryDetails'),
			},
			{
				resource: 'message',
				operation: 'sendConfirmOrderDetails',
				params: { ...base, text: 'Please confirm the size of your order.' },
				check: sent('createConfirmOrderDetails'),
			},
			{
				resource: 'message',
				operation: 'sendConfirmServiceDetails',
				params: { ...base, text: 'The installer comes on Monday at 9.' },
				check: sent('createConfirmServiceDetails'),
			},
			{
				resource: 'message',
				operation: 'sendDigitalAccessKey',
				params: { ...base, text: 'Your access key: DEMO-1234-5678' },
				check: sent('createDigitalAccessKey'),
			},
			{
				resource: 'message',
				operation: 'sendUnexpectedProblem',
				params: { ...base, text: 'Your order is delayed by two days.' },
				check: sent('createUnexpectedProblem'),
			},
			{
				resource: 'message',
				operation: 'sendNegativeFeedbackRemoval',
				params: { ...base },
				check: sent('createNegativeFeedbackRemoval'),
			},
			{
				resource: 'message',
				operation: 'sendInvoice',
				params: { ...base, binaryPropertyNames: 'data' },
				input: pdfInput,
				check: all(sent('createUploadDestinationForResource'), sent('sendInvoice'), (_i, emu) =>
					emu.s3.requests.length >= 1
						? undefined
						: 'the PDF was never uploaded to the presigned S3 URL',
				),
			},
			{
				resource: 'message',
				operation: 'sendLegalDisclosure',
				params: { ...base, binaryPropertyNames: 'data' },
				input: pdfInput,
				check: sent('createLegalDisclosure'),
			},
			{
				resource: 'message',
				operation: 'sendAmazonMotors',
				params: { ...base, binaryPropertyNames: 'data' },
				input: pdfInput,
				check: sent('CreateAmazonMotors'),
			},
			{
				resource: 'message',
				operation: 'sendWarranty',
				params: {
					...base,
					binaryPropertyNames: 'data',
					coverageStartDate: '2026-11-01T00:00:00Z',
					coverageEndDate: '2027-11-01T00:00:00Z',
				},
				input: pdfInput,
				check: sent('CreateWarranty'),
			},
		];
	},
};
