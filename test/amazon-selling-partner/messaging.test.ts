// Amazon Selling Partner (Messaging + Uploads + LWA) through n8n's real engine against the emulators.
import { createHash } from 'node:crypto';

import { AmazonSellingPartnerApi } from '../../credentials/AmazonSellingPartnerApi.credentials';
import { getMarketplaces } from '../../nodes/AmazonSellingPartner/methods/loadOptions';
import {
	AmazonSellingPartnerEmulator,
	DEMO_ORDER,
	SANDBOX_ORDER_BAD,
	SANDBOX_ORDER_OK,
	SP_CLIENT_ID,
	SP_CLIENT_SECRET,
	SP_REFRESH_TOKEN,
} from '../emulators/amazon-selling-partner';
import { useEmulator } from '../emulators/kit';
import { everyString, resolveCredentialExpressions, testCredential } from '../harness/harness';
import { endpointsOf, pdf, SECRETS, sellingPartnerRunner, setupVendor, US } from './setup';

const vendor = setupVendor();
const v = () => vendor.get();
// Requests Amazon must refuse because they are wrong on purpose (bad credentials, the sandbox's bad order) go here,
// outside the contract log the checker judges (with its LWA and S3 hosts).
const unlogged = useEmulator(() => new AmazonSellingPartnerEmulator().withoutContractLog());
const u = () => unlogged.get();
const { run, credential } = sellingPartnerRunner(v);
/** The credential fields that send a run to the unlogged emulator instead. */
const atUnlogged = () => endpointsOf(u());
const md5b64 = (b: Buffer) => createHash('md5').update(b).digest('base64');

beforeEach(() => v().seedDemoData());

function expectNoSecrets(value: unknown) {
	const strings = everyString(value).join('\n');
	for (const s of SECRETS) expect(strings).not.toContain(s);
	for (const token of [...v().lwa.tokens.keys(), ...u().lwa.tokens.keys()])
		expect(strings).not.toContain(token);
}

function spCall(operation: string, index = 0, emulator = v()) {
	const call = emulator.calls(operation)[index];
	expect(call).toBeDefined();
	return call;
}

describe('reads', () => {
	test("Get Allowed Message Types returns the sandbox order's types, sending the LWA token and one marketplace", async () => {
		const result = await run({ operation: 'getActions', amazonOrderId: SANDBOX_ORDER_OK });
		expect(result.error).toBeUndefined();
		const [token] = v().lwa.calls('refreshToken');
		expect(token.method).toBe('POST');
		expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
		expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
			grant_type: 'refresh_token',
			refresh_token: SP_REFRESH_TOKEN,
			client_id: SP_CLIENT_ID,
			client_secret: SP_CLIENT_SECRET,
		});
		const call = spCall('getMessagingActionsForOrder');
		expect(call.method).toBe('GET');
		expect(call.path).toBe(`/messaging/v1/orders/${SANDBOX_ORDER_OK}`);
		expect(call.query).toBe(`marketplaceIds=${US}`);
		expect(v().lwa.check(call.headers['x-amz-access-token'] as string)).toBe('valid');
		expect(call.headers['user-agent']).toMatch(
			/^n8n-nodes-commerce-customers\/1\.0 \(Language=TypeScript/,
		);
		expect(call.headers.authorization).toBeUndefined();
		expect(result.items).toEqual([
			{
				json: {
					amazonOrderId: SANDBOX_ORDER_OK,
					marketplaceId: US,
					actions: [
						'confirmCustomizationDetails',
						'confirmDeliveryDetails',
						'legalDisclosure',
						'negativeFeedbackRemoval',
						'confirmOrderDetails',
						'confirmServiceDetails',
						'amazonMotors',
						'digitalAccessKey',
						'unexpectedProblem',
						'warranty',
						'attributes',
					],
					messageTypes: expect.arrayContaining([
						{ name: 'warranty', operation: 'sendWarranty' },
						{ name: 'attributes', operation: 'getAttributes' },
					]),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Get Allowed Message Types reads the embedded schemas (titles) and can include the raw HAL answer', async () => {
		const result = await run({
			operation: 'getActions',
			amazonOrderId: DEMO_ORDER,
			options: { includeRawResponse: true },
		});
		expect(result.error).toBeUndefined();
		const json = result.items[0].json;
		expect(json.actions).toEqual([
			'confirmDeliveryDetails',
			'legalDisclosure',
			'unexpectedProblem',
			'warranty',
			'invoice',
		]);
		expect(json.messageTypes).toContainEqual({
			name: 'invoice',
			operation: 'sendInvoice',
			title: 'Invoice',
		});
		expect((json.raw as { _embedded: { actions: unknown[] } })._embedded.actions).toHaveLength(5);
	});

	test('Get Buyer Attributes returns the locale (sandbox case)', async () => {
		const result = await run({ operation: 'getAttributes', amazonOrderId: SANDBOX_ORDER_OK });
		expect(result.error).toBeUndefined();
		const call = spCall('GetAttributes');
		expect(call.path).toBe(`/messaging/v1/orders/${SANDBOX_ORDER_OK}/attributes`);
		expect(call.query).toBe(`marketplaceIds=${US}`);
		expect(result.items[0].json).toEqual({
			amazonOrderId: SANDBOX_ORDER_OK,
			marketplaceId: US,
			buyerLocale: 'en-US',
			buyer: { locale: 'en-US' },
		});
	});

	test('Get Buyer Attributes of a German order in the EU region', async () => {
		const result = await run(
			{
				operation: 'getAttributes',
				amazonOrderId: '028-1234567-7654321',
				marketplaceId: 'A1PA6795UKMFR9',
			},
			{ credential: { region: 'eu' } },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.buyerLocale).toBe('de-DE');
	});

	test("the marketplace dropdown lists the credential region's marketplaces", async () => {
		const ctx = { getCredentials: async () => ({ region: 'fe' }) } as never;
		const options = await getMarketplaces.call(ctx);
		expect(options.map((o) => o.value)).toEqual([
			'A39IBJ37TRP1C6',
			'A1VC38T7YXB528',
			'A19VAU5U5O7RUS',
		]);
		expect(options[0].name).toBe('Australia (AU)');
		const failing = {
			getCredentials: async () => Promise.reject(new Error('Credentials not found')),
		} as never;
		await expect(getMarketplaces.call(failing)).rejects.toThrow('Credentials not found');
	});
});

const TEXT_OPERATIONS: Array<[string, string, string]> = [
	['sendConfirmDeliveryDetails', 'createConfirmDeliveryDetails', 'confirmDeliveryDetails'],
	['sendConfirmOrderDetails', 'createConfirmOrderDetails', 'confirmOrderDetails'],
	['sendConfirmServiceDetails', 'createConfirmServiceDetails', 'confirmServiceDetails'],
	['sendUnexpectedProblem', 'createUnexpectedProblem', 'unexpectedProblem'],
];

describe('text messages', () => {
	test.each(TEXT_OPERATIONS)(
		'%s sends the sandbox case body exactly and reports success',
		async (operation, vendorOperation, action) => {
			const result = await run({ operation, amazonOrderId: SANDBOX_ORDER_OK, text: 'My Message' });
			expect(result.error).toBeUndefined();
			const call = spCall(vendorOperation);
			expect(call.method).toBe('POST');
			expect(call.path).toBe(`/messaging/v1/orders/${SANDBOX_ORDER_OK}/messages/${action}`);
			expect(call.query).toBe(`marketplaceIds=${US}`);
			expect(call.headers['content-type']).toBe('application/json');
			expect(JSON.parse(call.body)).toEqual({ text: 'My Message' });
			expect(call.status).toBe(201);
			expect(v().sideEffects('message')).toBe(1);
			expect(result.items).toEqual([
				{
					json: {
						success: true,
						amazonOrderId: SANDBOX_ORDER_OK,
						marketplaceId: US,
						messageType: action,
					},
					pairedItem: { item: 0 },
				},
			]);
		},
	);

	test('one message per input item, each text from its item', async () => {
		const result = await run(
			{
				operation: 'sendConfirmDeliveryDetails',
				amazonOrderId: '={{$json.order}}',
				text: '=Hello {{$json.name}}, when can we deliver?',
			},
			{
				input: [
					{ json: { order: DEMO_ORDER, name: 'Ana' } },
					{ json: { order: SANDBOX_ORDER_OK, name: 'Ben' } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(v().messages.map((m) => [m.amazonOrderId, m.body])).toEqual([
			[DEMO_ORDER, { text: 'Hello Ana, when can we deliver?' }],
			[SANDBOX_ORDER_OK, { text: 'Hello Ben, when can we deliver?' }],
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Send Negative Feedback Removal Request (legacy) sends no body', async () => {
		const result = await run({
			operation: 'sendNegativeFeedbackRemoval',
			amazonOrderId: SANDBOX_ORDER_OK,
		});
		expect(result.error).toBeUndefined();
		const call = spCall('createNegativeFeedbackRemoval');
		expect(call.path).toBe(
			`/messaging/v1/orders/${SANDBOX_ORDER_OK}/messages/negativeFeedbackRemoval`,
		);
		expect(call.body).toBe('');
		expect(call.status).toBe(201);
		expect(result.items[0].json).toMatchObject({
			success: true,
			messageType: 'negativeFeedbackRemoval',
		});
	});
});

const ATTACHMENT_OPERATIONS: Array<[string, string, string, Record<string, unknown>]> = [
	[
		'sendConfirmCustomizationDetails',
		'confirmCustomizationDetails',
		'confirmCustomizationDetails',
		{ text: 'Please check the engraving' },
	],
	[
		'sendDigitalAccessKey',
		'createDigitalAccessKey',
		'digitalAccessKey',
		{ text: 'Your key is in the file' },
	],
	['sendLegalDisclosure', 'createLegalDisclosure', 'legalDisclosure', {}],
	[
		'sendWarranty',
		'CreateWarranty',
		'warranty',
		{ coverageStartDate: '2026-11-22T00:00:00.000Z', coverageEndDate: '2028-11-22T00:00:00.000Z' },
	],
	['sendInvoice', 'sendInvoice', 'invoice', {}],
	['sendAmazonMotors', 'CreateAmazonMotors', 'amazonMotors', {}],
];

describe('messages with attachments', () => {
	test.each(ATTACHMENT_OPERATIONS)(
		'%s uploads the PDF (base64 MD5), PUTs it with the returned headers, then sends it',
		async (operation, vendorOperation, action, extra) => {
			const file = pdf('document.pdf', operation);
			const result = await run(
				{ operation, amazonOrderId: SANDBOX_ORDER_OK, binaryPropertyNames: 'data', ...extra },
				{ input: [{ json: {}, binary: { data: file } }] },
			);
			expect(result.error).toBeUndefined();

			const upload = spCall('createUploadDestinationForResource');
			expect(upload.method).toBe('POST');
			expect(upload.path).toBe(
				`/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/${SANDBOX_ORDER_OK}/messages/${action}`,
			);
			const query = new URLSearchParams(upload.query);
			expect(query.get('marketplaceIds')).toBe(US);
			expect(query.get('contentMD5')).toBe(md5b64(file.data));
			expect(query.get('contentMD5')).not.toMatch(/^[0-9a-f]{32}$/);

			const [put] = v().s3.calls('uploadAttachment');
			expect(put.method).toBe('PUT');
			expect(put.headers['content-md5']).toBe(md5b64(file.data));
			expect(put.headers['x-amz-server-side-encryption']).toBe('aws:kms');
			expect(put.headers['x-amz-access-token']).toBeUndefined();
			expect(put.status).toBe(200);
			const destinationId = [...v().s3.destinations.keys()][0];
			expect(v().s3.destinations.get(destinationId)?.uploaded?.equals(file.data)).toBe(true);

			const send = spCall(vendorOperation);
			expect(send.path).toBe(`/messaging/v1/orders/${SANDBOX_ORDER_OK}/messages/${action}`);
			expect(send.query).toBe(`marketplaceIds=${US}`);
			expect(JSON.parse(send.body)).toEqual({
				...extra,
				attachments: [{ uploadDestinationId: destinationId, fileName: 'document.pdf' }],
			});
			expect(send.status).toBe(201);
			expect(v().sideEffects('message')).toBe(1);
			expect(result.items[0].json).toEqual({
				success: true,
				amazonOrderId: SANDBOX_ORDER_OK,
				marketplaceId: US,
				messageType: action,
				attachments: [{ uploadDestinationId: destinationId, fileName: 'document.pdf' }],
			});
		},
	);

	test.each([
		['sendConfirmCustomizationDetails', 'confirmCustomizationDetails'],
		['sendDigitalAccessKey', 'createDigitalAccessKey'],
	])('%s without attachments sends the text only', async (operation, vendorOperation) => {
		const result = await run({ operation, amazonOrderId: SANDBOX_ORDER_OK, text: 'Just text' });
		expect(result.error).toBeUndefined();
		expect(v().calls('createUploadDestinationForResource')).toHaveLength(0);
		expect(JSON.parse(spCall(vendorOperation).body)).toEqual({ text: 'Just text' });
	});

	test('several files from several binary fields, in order, with their own names', async () => {
		const files = {
			invoice: pdf('invoice-1001.pdf', 'a'),
			terms: pdf('terms.pdf', 'b'),
			photo: {
				data: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]),
				fileName: 'photo.jpg',
				mimeType: 'image/jpeg',
			},
		};
		const result = await run(
			{
				operation: 'sendLegalDisclosure',
				amazonOrderId: DEMO_ORDER,
				binaryPropertyNames: 'invoice, terms,photo',
			},
			{ input: [{ json: {}, binary: files }] },
		);
		expect(result.error).toBeUndefined();
		expect(
			v()
				.calls('createUploadDestinationForResource')
				.map((c) => new URLSearchParams(c.query).get('contentMD5')),
		).toEqual([md5b64(files.invoice.data), md5b64(files.terms.data), md5b64(files.photo.data)]);
		expect(v().s3.sideEffects('upload')).toBe(3);
		const body = JSON.parse(spCall('createLegalDisclosure').body) as {
			attachments: Array<{ fileName: string }>;
		};
		expect(body.attachments.map((a) => a.fileName)).toEqual([
			'invoice-1001.pdf',
			'terms.pdf',
			'photo.jpg',
		]);
	});

	test("a failed upload stops before the message is sent, with S3's own message", async () => {
		v().s3.inject(
			{
				kind: 'status',
				status: 403,
				headers: { 'content-type': 'application/xml' },
				body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
			},
			{ operation: 'uploadAttachment' },
		);
		const result = await run(
			{ operation: 'sendInvoice', amazonOrderId: SANDBOX_ORDER_OK },
			{ input: [{ json: {}, binary: { data: pdf() } }] },
		);
		expect(result.error?.message).toBe(
			'Amazon\'s file storage refused the attachment "invoice.pdf": Request has expired',
		);
		expect(result.error?.description).toContain('Code: AccessDenied');
		expect(result.error?.description).not.toContain('X-Amz-Signature');
		expect(v().calls('sendInvoice')).toHaveLength(0);
		expect(v().sideEffects('message')).toBe(0);
	});

	test('a 5xx from S3 is retried (same bytes, same key) and the message goes out once', async () => {
		v().s3.inject(
			{
				kind: 'status',
				status: 503,
				body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
			},
			{ operation: 'uploadAttachment' },
		);
		const result = await run(
			{ operation: 'sendInvoice', amazonOrderId: SANDBOX_ORDER_OK },
			{ input: [{ json: {}, binary: { data: pdf() } }] },
		);
		expect(result.error).toBeUndefined();
		expect(
			v()
				.s3.calls('uploadAttachment')
				.map((c) => c.status),
		).toEqual([503, 200]);
		expect(v().calls('createUploadDestinationForResource')).toHaveLength(1);
		expect(v().sideEffects('message')).toBe(1);
	});
});

describe('checks before any request', () => {
	const cases: Array<[string, Record<string, unknown>, string, unknown?]> = [
		[
			'text over 2000 characters',
			{ operation: 'sendConfirmOrderDetails', text: 'x'.repeat(2001) },
			'Parameter "Text" is 2001 characters long; the vendor accepts at most 2000',
		],
		[
			'customization text over 800',
			{ operation: 'sendConfirmCustomizationDetails', text: 'x'.repeat(801) },
			'Parameter "Text" is 801 characters long; the vendor accepts at most 800',
		],
		[
			'digital access key text over 400',
			{ operation: 'sendDigitalAccessKey', text: 'x'.repeat(401) },
			'Parameter "Text" is 401 characters long; the vendor accepts at most 400',
		],
		['empty text', { operation: 'sendUnexpectedProblem', text: '  ' }, 'Parameter "Text" is empty'],
		[
			'empty order id',
			{ operation: 'getActions', amazonOrderId: '={{ $json.missing ?? "" }}' },
			'Parameter "Order ID" is empty',
		],
		[
			'six attachments',
			{ operation: 'sendInvoice', binaryPropertyNames: 'a,b,c,d,e,f' },
			'Parameter "Input Binary Fields" names 6 files; Amazon accepts at most 5 per message',
		],
		[
			'no attachment where one is required',
			{ operation: 'sendWarranty', binaryPropertyNames: '={{ "" }}' },
			'Parameter "Input Binary Fields" is empty',
		],
		[
			'a binary field the item lacks',
			{ operation: 'sendLegalDisclosure', binaryPropertyNames: 'data,contract' },
			'Parameter "Input Binary Fields" names "contract", but the input item has no binary field of that name',
		],
		[
			'an unparsable coverage date',
			{ operation: 'sendWarranty', coverageStartDate: 'next tuesday' },
			'Parameter "Coverage Start Date" is not a date: "next tuesday" — use a date like 2024-03-01T10:00:00+02:00',
		],
		[
			'coverage ending before it starts',
			{
				operation: 'sendWarranty',
				coverageStartDate: '2027-01-01T00:00:00Z',
				coverageEndDate: '2026-01-01T00:00:00Z',
			},
			'Parameter "Coverage End Date" (2026-01-01T00:00:00Z) is before the Coverage Start Date (2027-01-01T00:00:00Z)',
		],
		// the end's text sorts after the start's, but its instant (08:00Z) is before the start's (14:00Z)
		[
			'coverage ending before it starts, by instant not by text',
			{
				operation: 'sendWarranty',
				coverageStartDate: '2027-01-01T08:00:00-06:00',
				coverageEndDate: '2027-01-01T10:00:00+02:00',
			},
			'Parameter "Coverage End Date" (2027-01-01T10:00:00+02:00) is before the Coverage Start Date (2027-01-01T08:00:00-06:00)',
		],
		[
			'a marketplace of another region',
			{ operation: 'sendInvoice', marketplaceId: 'A1PA6795UKMFR9' },
			'Parameter "Marketplace" is Germany (A1PA6795UKMFR9), which Amazon serves from the Europe region, but the credential is set to North America',
		],
		[
			'two marketplaces at once',
			{ operation: 'sendInvoice', marketplaceId: 'ATVPDKIKX0DER,A2EUQ1WTGCTBG2' },
			'Parameter "Marketplace" must be one marketplace ID such as ATVPDKIKX0DER, not "ATVPDKIKX0DER,A2EUQ1WTGCTBG2"',
		],
		[
			'a marketplace name instead of its id',
			{ operation: 'getActions', marketplaceId: 'United States' },
			'Parameter "Marketplace" must be one marketplace ID',
		],
	];
	test.each(cases)(
		'%s fails naming the parameter, and nothing is sent',
		async (_name, parameters, message) => {
			const result = await run(
				{ amazonOrderId: SANDBOX_ORDER_OK, ...parameters },
				{ input: [{ json: {}, binary: { data: pdf() } }] },
			);
			expect(result.status).toBe('error');
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toContain(message);
			expect(v().requests).toHaveLength(0);
			expect(v().s3.requests).toHaveLength(0);
			expect(v().lwa.requests).toHaveLength(0);
		},
	);
});

describe('Check That the Order Allows It', () => {
	test('an allowed type: asks first, then sends', async () => {
		const result = await run(
			{ operation: 'sendInvoice', amazonOrderId: DEMO_ORDER, options: { checkAllowed: true } },
			{ input: [{ json: {}, binary: { data: pdf() } }] },
		);
		expect(result.error).toBeUndefined();
		expect(v().requests.map((r) => r.operation)).toEqual([
			'getMessagingActionsForOrder',
			'createUploadDestinationForResource',
			'sendInvoice',
		]);
	});

	test('a type the order does not allow fails naming the allowed ones, before any upload or send', async () => {
		const result = await run({
			operation: 'sendConfirmOrderDetails',
			amazonOrderId: DEMO_ORDER,
			text: 'Question',
			options: { checkAllowed: true },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			`Amazon does not allow the message type "confirmOrderDetails" for order ${DEMO_ORDER} right now`,
		);
		expect(result.error?.description).toBe(
			'The order allows: confirmDeliveryDetails, legalDisclosure, unexpectedProblem, warranty, invoice. Nothing was sent.',
		);
		expect(v().requests.map((r) => r.operation)).toEqual(['getMessagingActionsForOrder']);
		expect(v().sideEffects('message')).toBe(0);
	});

	test('without the check Amazon refuses it itself (403), and the error says so', async () => {
		const result = await run({
			operation: 'sendConfirmOrderDetails',
			amazonOrderId: DEMO_ORDER,
			text: 'Question',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Amazon Selling Partner: Invalid amazonOrderId and template combination.',
		);
		expect(v().sideEffects('message')).toBe(0);
	});
});

describe('errors', () => {
	test("the sandbox's bad order answers 400 InvalidInput, surfaced with the code and request ID", async () => {
		const result = await run(
			{
				operation: 'sendConfirmDeliveryDetails',
				amazonOrderId: SANDBOX_ORDER_BAD,
				text: 'My Message',
			},
			{ credential: atUnlogged() },
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Amazon Selling Partner: Invalid Input');
		expect(result.error?.description).toMatch(
			/Amazon request ID: [0-9a-f-]{36}\. Code: InvalidInput\./,
		);
		expect(spCall('createConfirmDeliveryDetails', 0, u()).status).toBe(400);
		expect(u().calls('createConfirmDeliveryDetails')).toHaveLength(1);
	});

	test('every operation honours the sandbox error case', async () => {
		for (const [operation, vendorOperation] of [
			['getActions', 'getMessagingActionsForOrder'],
			['getAttributes', 'GetAttributes'],
		]) {
			const result = await run(
				{ operation, amazonOrderId: SANDBOX_ORDER_BAD },
				{ credential: atUnlogged() },
			);
			expect(result.error?.message).toBe('Amazon Selling Partner: Invalid Input');
			expect(spCall(vendorOperation, 0, u()).status).toBe(400);
		}
	});

	test('continueOnFail turns a refused item into an error item and carries on', async () => {
		const result = await run(
			{ operation: 'sendUnexpectedProblem', amazonOrderId: '={{$json.order}}', text: 'My Message' },
			{
				credential: atUnlogged(),
				continueOnFail: true,
				input: [{ json: { order: SANDBOX_ORDER_BAD } }, { json: { order: SANDBOX_ORDER_OK } }],
			},
		);
		expect(result.status).toBe('success');
		expect(result.items[0].json.error).toBe('Amazon Selling Partner: Invalid Input');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toMatchObject({ success: true, amazonOrderId: SANDBOX_ORDER_OK });
		expect(u().sideEffects('message')).toBe(1);
	});

	test("an unknown order is a 404 with Amazon's message", async () => {
		const result = await run({ operation: 'getAttributes', amazonOrderId: '111-0000000-0000001' });
		expect(result.error?.message).toBe(
			'Amazon Selling Partner: The resource specified does not exist.',
		);
		expect(result.error?.description).toContain('Order 111-0000000-0000001 was not found.');
	});
});

describe('Login with Amazon', () => {
	test('an expired access token (403) is refreshed once and the request repeated; the message is sent once', async () => {
		const cred = credential();
		const first = await run(
			{ operation: 'getAttributes', amazonOrderId: SANDBOX_ORDER_OK },
			{ using: cred },
		);
		expect(first.error).toBeUndefined();
		expect(v().lwa.sideEffects('token')).toBe(1);
		v().lwa.expireAll();
		const second = await run(
			{
				operation: 'sendConfirmServiceDetails',
				amazonOrderId: SANDBOX_ORDER_OK,
				text: 'My Message',
			},
			{ using: cred },
		);
		expect(second.error).toBeUndefined();
		expect(v().lwa.sideEffects('token')).toBe(2);
		expect(
			v()
				.calls('createConfirmServiceDetails')
				.map((c) => c.status),
		).toEqual([403, 201]);
		expect(v().sideEffects('message')).toBe(1);
		// the new token was stored in the credential, as n8n stores it
		expect(v().lwa.check(cred.helper.store.get(cred.id)?.data.accessToken as string)).toBe('valid');
	});

	test('the access token is reused while it is valid', async () => {
		const cred = credential();
		await run({ operation: 'getAttributes', amazonOrderId: SANDBOX_ORDER_OK }, { using: cred });
		await run({ operation: 'getActions', amazonOrderId: SANDBOX_ORDER_OK }, { using: cred });
		expect(v().lwa.sideEffects('token')).toBe(1);
		expect(cred.helper.preAuthenticationCalls.get('amazonSellingPartnerApi')).toBe(1);
	});

	test('a bad refresh token fails with invalid_grant and a hint, and leaks no secret', async () => {
		const result = await run(
			{ operation: 'sendInvoice', amazonOrderId: SANDBOX_ORDER_OK },
			{
				credential: { ...atUnlogged(), refreshToken: 'Atzr|revoked-token-value' },
				input: [{ json: {}, binary: { data: pdf() } }],
			},
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(
			'Login with Amazon refused the token request (HTTP 400, invalid_grant): The request has an invalid grant parameter : refresh_token.',
		);
		expect(result.error?.message).toContain('authorize the app again');
		expect(
			u()
				.lwa.calls('refreshToken')
				.map((c) => c.status),
		).toEqual([400]);
		expect(u().requests).toHaveLength(0);
		expect(u().s3.requests).toHaveLength(0);
		expectNoSecrets(result.error);
		expect(everyString(result.error).join('\n')).not.toContain('revoked-token-value');
	});

	test('a wrong client secret fails with invalid_client', async () => {
		const result = await run(
			{ operation: 'getActions', amazonOrderId: SANDBOX_ORDER_OK },
			{ credential: { ...atUnlogged(), clientSecret: 'amzn1.oa2-cs.v1.wrong-secret' } },
		);
		expect(result.error?.message).toContain(
			'(HTTP 401, invalid_client): Client authentication failed. Check the Client ID and Client Secret',
		);
		expect(everyString(result.error).join('\n')).not.toContain('wrong-secret');
	});

	test('the credential Test proves the token exchange, and fails clearly with a bad refresh token', async () => {
		const good = credential();
		expect(await testCredential(good.helper, new AmazonSellingPartnerApi(), good.id)).toMatchObject(
			{ ok: true, statusCode: 200 },
		);
		expect(
			v()
				.lwa.calls('refreshToken')
				.every((c) => c.status === 200),
		).toBe(true);
		const bad = credential({ ...atUnlogged(), refreshToken: 'Atzr|not-a-real-token' });
		const outcome = await testCredential(bad.helper, new AmazonSellingPartnerApi(), bad.id);
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toContain('invalid_grant');
		expect(outcome.message).not.toContain('not-a-real-token');
	});

	test('region and environment pick the host when no custom endpoint is set', async () => {
		const { apiBaseUrl } = await import('../../nodes/AmazonSellingPartner/transport');
		const ctx = (data: Record<string, unknown>) =>
			({ getCredentials: async () => data, getNode: () => ({ name: 'n' }) }) as never;
		expect((await apiBaseUrl(ctx({ region: 'eu', environment: 'sandbox' }))).baseUrl).toBe(
			'https://sandbox.sellingpartnerapi-eu.amazon.com',
		);
		expect((await apiBaseUrl(ctx({ region: 'fe', environment: 'production' }))).baseUrl).toBe(
			'https://sellingpartnerapi-fe.amazon.com',
		);
		expect(
			(
				await apiBaseUrl(
					ctx({
						region: 'na',
						environment: 'production',
						useCustomEndpoints: false,
						customEndpoint: 'http://x',
					}),
				)
			).baseUrl,
		).toBe('https://sellingpartnerapi-na.amazon.com');
		const testRequest = new AmazonSellingPartnerApi().test.request;
		expect(
			resolveCredentialExpressions(testRequest, {
				useCustomEndpoints: false,
				customTokenUrl: 'http://proxy/token',
			}).url,
		).toBe('https://api.amazon.com/auth/o2/token');
		expect(
			resolveCredentialExpressions(testRequest, {
				useCustomEndpoints: true,
				customTokenUrl: 'http://proxy/token',
			}).url,
		).toBe('http://proxy/token');
	});
});

describe('rate limits and repeats', () => {
	test('a 429 QuotaExceeded is waited out and the message then sent once', async () => {
		v().drain('createConfirmOrderDetails');
		const result = await run({
			operation: 'sendConfirmOrderDetails',
			amazonOrderId: SANDBOX_ORDER_OK,
			text: 'My Message',
		});
		expect(result.error).toBeUndefined();
		const statuses = v()
			.calls('createConfirmOrderDetails')
			.map((c) => c.status);
		expect(statuses[0]).toBe(429);
		expect(statuses[statuses.length - 1]).toBe(201);
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		expect(v().sideEffects('message')).toBe(1);
	});

	test('seven messages in a row are paced to the usage plan: the emulator never refuses one', async () => {
		const input = Array.from({ length: 7 }, (_, i) => ({ json: { n: i } }));
		const result = await run(
			{
				operation: 'sendUnexpectedProblem',
				amazonOrderId: SANDBOX_ORDER_OK,
				text: '=Update {{$json.n}}',
			},
			{ input },
		);
		expect(result.error).toBeUndefined();
		expect(
			v()
				.calls('createUnexpectedProblem')
				.map((c) => c.status),
		).toEqual(Array(7).fill(201));
		expect(v().messages.map((m) => m.body?.text)).toEqual(input.map((i) => `Update ${i.json.n}`));
	});

	test('the rate-limit bucket is per operation: another operation is not slowed by a drained one', async () => {
		v().drain('createConfirmOrderDetails');
		const result = await run({
			operation: 'sendConfirmDeliveryDetails',
			amazonOrderId: SANDBOX_ORDER_OK,
			text: 'My Message',
		});
		expect(result.error).toBeUndefined();
		expect(
			v()
				.calls('createConfirmDeliveryDetails')
				.map((c) => c.status),
		).toEqual([201]);
	});

	test('a send whose connection broke after Amazon acted is not repeated', async () => {
		v().inject({ kind: 'resetAfterHandling' }, { operation: 'createUnexpectedProblem' });
		const result = await run({
			operation: 'sendUnexpectedProblem',
			amazonOrderId: SANDBOX_ORDER_OK,
			text: 'My Message',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'The connection to Amazon Selling Partner broke before it answered',
		);
		expect(result.error?.description).toContain('was not repeated');
		expect(v().calls('createUnexpectedProblem')).toHaveLength(1);
		expect(v().sideEffects('message')).toBe(1);
	});

	test('a 503 on creating an upload destination is repeated (no buyer sees it); the message then goes once', async () => {
		v().inject(
			{
				kind: 'status',
				status: 503,
				body: {
					errors: [{ code: 'ServiceUnavailable', message: 'Service temporarily unavailable.' }],
				},
			},
			{ operation: 'createUploadDestinationForResource' },
		);
		const result = await run(
			{ operation: 'sendInvoice', amazonOrderId: DEMO_ORDER },
			{ input: [{ json: {}, binary: { data: pdf() } }] },
		);
		expect(result.error).toBeUndefined();
		expect(
			v()
				.calls('createUploadDestinationForResource')
				.map((c) => c.status),
		).toEqual([503, 201]);
		expect(v().calls('sendInvoice')).toHaveLength(1);
		expect(v().sideEffects('message')).toBe(1);
	});

	test('a 500 on a send is not repeated; a 500 on a read is', async () => {
		v().inject(
			{
				kind: 'status',
				status: 500,
				body: {
					errors: [{ code: 'InternalFailure', message: 'We encountered an internal error.' }],
				},
			},
			{ operation: 'createConfirmDeliveryDetails' },
		);
		const send = await run({
			operation: 'sendConfirmDeliveryDetails',
			amazonOrderId: SANDBOX_ORDER_OK,
			text: 'My Message',
		});
		expect(send.error?.message).toBe('Amazon Selling Partner: We encountered an internal error.');
		expect(v().calls('createConfirmDeliveryDetails')).toHaveLength(1);

		v().inject(
			{
				kind: 'status',
				status: 503,
				body: {
					errors: [{ code: 'ServiceUnavailable', message: 'Service temporarily unavailable.' }],
				},
			},
			{ operation: 'GetAttributes' },
		);
		const read = await run({ operation: 'getAttributes', amazonOrderId: SANDBOX_ORDER_OK });
		expect(read.error).toBeUndefined();
		expect(
			v()
				.calls('GetAttributes')
				.map((c) => c.status),
		).toEqual([503, 200]);
	});

	test('an HTML error page from a proxy is reported as such', async () => {
		v().inject({ kind: 'html', status: 502 }, { operation: 'GetAttributes', times: 20 });
		const result = await run({
			operation: 'getAttributes',
			amazonOrderId: SANDBOX_ORDER_OK,
			requestSettings: { maxRetryWaitSeconds: 1 },
		});
		expect(result.error?.message).toContain(
			'Amazon Selling Partner answered 502 with an HTML page',
		);
	});
});

test('no secret or token appears in any output or error', async () => {
	const ok = await run(
		{ operation: 'sendInvoice', amazonOrderId: SANDBOX_ORDER_OK },
		{ input: [{ json: {}, binary: { data: pdf() } }] },
	);
	const bad = await run(
		{ operation: 'getActions', amazonOrderId: SANDBOX_ORDER_BAD },
		{ credential: atUnlogged(), continueOnFail: true },
	);
	v().lwa.expireAll();
	const refused = await run({ operation: 'getActions', amazonOrderId: '111-0000000-0000001' });
	expect(ok.items).toHaveLength(1);
	expect(bad.items[0].json.error).toBeDefined();
	expect(refused.error).toBeDefined();
	expectNoSecrets([ok.items, bad.items, bad.error, refused.error]);
});
