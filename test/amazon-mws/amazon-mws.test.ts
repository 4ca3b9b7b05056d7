// Amazon MWS (Legacy) through n8n's real engine against the emulator; signing on every vector; XML on every file.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { AmazonMwsApi } from '../../credentials/AmazonMwsApi.credentials';
import { AmazonMws } from '../../nodes/AmazonMws/AmazonMws.node';
import { signV2, signedBody, stringToSign } from '../../nodes/AmazonMws/transport/signature';
import { child, parseXml, toJson } from '../../nodes/AmazonMws/transport/xml';
import { AmazonMwsEmulator, MWS_ACCESS_KEY_ID, MWS_SECRET_KEY, MWS_SELLER_ID } from '../emulators/amazon-mws';
import { EmulatedBucket, VendorClock, useEmulator } from '../emulators/kit';
import { credentialsStore, everyString, runNode, testCredential, type SourceItem } from '../harness/harness';

const specs = join(__dirname, '../../../shared/reference/specs');
const vendor = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000, pageSize: 10 }));
// Requests signed with a wrong secret on purpose go here, outside the contract log the checker judges.
const unlogged = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000 }).withoutContractLog());
let counter = 0;

function credential(overrides: Record<string, unknown> = {}) {
	const id = `mws-${++counter}`;
	const data = { sellerId: MWS_SELLER_ID, accessKeyId: MWS_ACCESS_KEY_ID, secretKey: MWS_SECRET_KEY, mwsAuthToken: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE', endpoint: 'custom', customEndpoint: vendor.get().baseUrl, ...overrides };
	return { id, helper: credentialsStore([new AmazonMwsApi()], { [id]: { type: 'amazonMwsApi', data } }) };
}

async function run(resource: string, operation: string, parameters: INodeParameters = {}, options: { input?: SourceItem[]; continueOnFail?: boolean; credential?: Record<string, unknown> } = {}) {
	const { id, helper } = credential(options.credential);
	return await runNode({ nodeType: new AmazonMws(), parameters: { resource, operation, ...parameters }, credentials: { amazonMwsApi: id }, credentialsHelper: helper, input: options.input, continueOnFail: options.continueOnFail });
}

const form = (index = 0) => Object.fromEntries(new URLSearchParams(vendor.get().requests[index].body));

beforeEach(() => vendor.get().seed(25));

describe('Signature Version 2', () => {
	const vectors = JSON.parse(readFileSync(join(specs, 'mws-sigv2-test-vectors.json'), 'utf8')) as {
		published: Array<{ id: string; method?: string; host?: string; path?: string; secretKey?: string; params?: Record<string, string>; stringToSign?: string; expectedSignature?: string; recordedBody?: string; input?: string; expectedBase64Md5?: string }>;
		selfComputed: Array<{ id: string; method: string; host: string; path: string; secretKey: string; params: Record<string, string>; stringToSign: string; expectedSignature: string; expectedBody?: string }>;
	};
	const signing = [...vectors.published.filter((v) => v.expectedSignature), ...vectors.selfComputed];

	test.each(signing.map((v) => [v.id, v]))('vector %s', (_id, vector) => {
		const v = vector as (typeof signing)[number];
		if (v.stringToSign) expect(stringToSign(v.method!, v.host!, v.path!, v.params!)).toBe(v.stringToSign);
		const signature = signV2(v.secretKey!, v.method!, v.host!, v.path!, v.params!);
		expect(signature).toBe(v.expectedSignature);
		const expectedBody = (v as { expectedBody?: string }).expectedBody;
		if (expectedBody) expect(new URLSearchParams(signedBody(v.params!, signature)).toString()).toBe(new URLSearchParams(expectedBody).toString());
	});

	test('every vector of the file is covered', () => {
		expect(signing.length).toBe(vectors.published.filter((v) => v.expectedSignature).length + vectors.selfComputed.length);
		expect(signing.length).toBeGreaterThanOrEqual(8);
	});
});

describe('XML', () => {
	const dir = join(specs, 'mws-xml');
	const files = [...readdirSync(dir).filter((f) => f.endsWith('.xml')), ...readdirSync(join(dir, 'official-client-mocks')).map((f) => `official-client-mocks/${f}`)];

	test.each(files)('%s parses, whatever its namespace', (file) => {
		const root = parseXml(readFileSync(join(dir, file), 'utf8'));
		expect(root.name).toMatch(/Response$/);
		expect(root.children.length).toBeGreaterThan(0);
	});

	test('a ListCustomers answer becomes clean JSON: lists as arrays, booleans and dates typed', () => {
		const root = parseXml(readFileSync(join(dir, 'ListCustomersResponse.synthetic.xml'), 'utf8'));
		const result = child(root, 'ListCustomersResult')!;
		expect(toJson(child(result, 'CustomerList')!)).toEqual([
			{
				CustomerId: 'cust-01',
				ShippingAddressList: [{ IsDefaultAddress: true, FullName: 'Jane Doe', AddressLine1: '1 Main St', AddressLine2: 'Apt 2', City: 'Seattle', StateOrRegion: 'WA', PostalCode: '98101', CountryCode: 'US' }],
				PrimaryContactInfo: { Email: 'jane@example.com', FullName: 'Jane Doe' },
				AccountType: 'Registered',
				AssociatedMarketplaces: [{ DomainName: 'www.example-webstore.com', Origin: true, AssociatedOn: '2014-06-01T10:00:00.000Z', LastUpdatedOn: '2014-06-15T12:30:00.000Z' }],
			},
		]);
		expect(toJson(child(result, 'MoreResultsAvailable')!)).toBe(true);
		expect(child(result, 'NextToken')!.text).toBe('2YgYW55IGNhcm5hbCBwbGVhcw+/abc==');
	});

	test('errors, entities, CDATA and broken documents', () => {
		const error = toJson(child(parseXml(readFileSync(join(dir, 'RequestThrottled.recorded-orders-section.xml'), 'utf8')), 'Error')!);
		expect(error).toEqual({ Type: 'Sender', Code: 'RequestThrottled', Message: 'Request is throttled' });
		expect(toJson(parseXml('<a:R xmlns:a="x"><a:M>Tom &amp; Jerry &#233;<![CDATA[ <raw> ]]></a:M></a:R>'))).toEqual({ M: 'Tom & Jerry é <raw>' });
		expect(() => parseXml('<a><b></a>')).toThrow(/does not match/);
		expect(() => parseXml('<a>')).toThrow(/never closed/);
	});
});

describe('operations', () => {
	test('Get Many: a signed ListCustomers, then ListCustomersByNextToken until the end; one item per customer', async () => {
		const result = await run('customer', 'getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(25);
		expect(result.items[0].json).toMatchObject({ CustomerId: 'CUST00001', PrimaryContactInfo: { Email: 'buyer1@example.com' }, ShippingAddressList: [{ IsDefaultAddress: true }], AssociatedMarketplaces: [{ Origin: true }] });
		const actions = vendor.get().requests.map((r) => new URLSearchParams(r.body).get('Action'));
		expect(actions).toEqual(['ListCustomers', 'ListCustomersByNextToken', 'ListCustomersByNextToken']);
		const first = form(0);
		expect(first).toMatchObject({ AWSAccessKeyId: MWS_ACCESS_KEY_ID, SellerId: MWS_SELLER_ID, MWSAuthToken: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE', SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Version: '2014-03-01' });
		expect(vendor.get().requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
		const { Signature, ...signedParams } = first;
		expect(Signature).toBe(signV2(MWS_SECRET_KEY, 'POST', vendor.get().requests[0].headers.host!, '/CustomerInformation/2014-03-01', signedParams));
		expect(form(1).NextToken).toMatch(/\+\/=$/);
	});

	test('Get Many: marketplace and date range; Limit stops early', async () => {
		const result = await run('customer', 'getAll', { marketplaceId: 'ATVPDKIKX0DER', dateRangeType: 'LastUpdatedDate', dateRangeStart: '2014-07-01T00:00:00Z', dateRangeEnd: '2014-07-31T00:00:00Z', returnAll: false, limit: 4 });
		expect(result.items).toHaveLength(4);
		expect(form(0)).toMatchObject({ Action: 'ListCustomers', MarketplaceId: 'ATVPDKIKX0DER', DateRangeType: 'LastUpdatedDate', DateRangeStart: '2014-07-01T00:00:00.000Z', DateRangeEnd: '2014-07-31T00:00:00.000Z' });
		expect(vendor.get().requests).toHaveLength(1);
		const bad = await run('customer', 'getAll', { dateRangeType: 'AssociatedDate', returnAll: true });
		expect(bad.error?.message).toBe('Parameter "From" and "To" are both empty: give at least one date, or choose Any Time');
	});

	test('Get Next Page continues from a token and carries the next one', async () => {
		const invalid = await run('customer', 'getNextPage', { pageToken: 'invalid' });
		expect(invalid.error?.message).toBe('Amazon MWS: Invalid NextToken');
		vendor.get().reset();
		await run('customer', 'getAll', { returnAll: true });
		const secondPageToken = new URLSearchParams(vendor.get().requests[1].body).get('NextToken')!;
		vendor.get().reset();
		const next = await run('customer', 'getNextPage', { pageToken: secondPageToken });
		expect(next.items).toHaveLength(10);
		expect(next.items[0].json).toMatchObject({ CustomerId: 'CUST00011', MoreResultsAvailable: true, NextToken: expect.stringMatching(/\+\/=$/) });
		expect(form(0)).toMatchObject({ Action: 'ListCustomersByNextToken', NextToken: secondPageToken });
	});

	test('Get by IDs sends CustomerIdList.CustomerId.N in order', async () => {
		const ids = Array.from({ length: 12 }, (_, i) => `CUST${String(i + 1).padStart(5, '0')}`);
		const result = await run('customer', 'getByIds', { customerIds: ids.join(', '), marketplaceId: 'ATVPDKIKX0DER' });
		expect(result.items.map((i) => i.json.CustomerId)).toEqual(ids);
		const sent = form(0);
		expect(sent['CustomerIdList.CustomerId.1']).toBe('CUST00001');
		expect(sent['CustomerIdList.CustomerId.12']).toBe('CUST00012');
		expect(sent.MarketplaceId).toBe('ATVPDKIKX0DER');
	});

	test('Get Status', async () => {
		const result = await run('service', 'getStatus');
		expect(result.items[0].json).toEqual({ Status: 'GREEN', Timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
	});
});

describe('errors and throttling', () => {
	test('a wrong secret: SignatureDoesNotMatch with code and message, and no secret in the error', async () => {
		const result = await run('service', 'getStatus', {}, { credential: { secretKey: 'not-the-secret-key', customEndpoint: unlogged.get().baseUrl } });
		expect(result.error?.message).toBe('Amazon MWS: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
		expect(result.error?.description).toMatch(/Code: SignatureDoesNotMatch\./);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('403');
		const strings = everyString(result.error).join(' ');
		expect(strings).not.toContain('not-the-secret-key');
		expect(strings).not.toContain('amzn.mws.4ea38b7b');
	});

	test('a timestamp outside the 15-minute window is refused', async () => {
		vendor.get().clockSkewMs = 20 * 60 * 1000;
		const result = await run('service', 'getStatus');
		vendor.get().clockSkewMs = 0;
		expect(result.error?.description).toMatch(/Code: RequestExpired/);
	});

	test('RequestThrottled: the node waits for the documented restore rate, then carries on', async () => {
		// another app of the same seller has spent the ListCustomersByNextToken quota, restored in real time
		const buckets = vendor.get().buckets;
		const fastBucket = buckets.ListCustomersByNextToken;
		buckets.ListCustomersByNextToken = new EmulatedBucket(50, 1 / 3, new VendorClock(1));
		buckets.ListCustomersByNextToken.empty();
		const result = await run('customer', 'getAll', { returnAll: true }).finally(() => (buckets.ListCustomersByNextToken = fastBucket));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(25);
		const requests = vendor.get().requests;
		expect(requests.map((r) => r.status)).toEqual([200, 503, 200, 200]);
		// restore rate: one ListCustomersByNextToken every 3 s
		expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(3000);
		expect(vendor.get().sideEffects('ListCustomersByNextToken')).toBe(2);
	});

	test('any other 503 is retried too: all four operations are reads', async () => {
		vendor.get().inject({ kind: 'status', status: 503, headers: { 'content-type': 'text/xml' }, body: '<?xml version="1.0"?><ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service temporarily unavailable</Message></Error></ErrorResponse>' }, { operation: 'CustomerInformation' });
		const result = await run('service', 'getStatus');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.Status).toBe('GREEN');
		expect(vendor.get().requests.map((r) => r.status)).toEqual([503, 200]);
	});

	test('the Test button: GetServiceStatus passes with the right keys, fails with wrong ones', async () => {
		const good = credential();
		expect(await testCredential(good.helper, new AmazonMwsApi(), good.id)).toMatchObject({ ok: true });
		const bad = credential({ secretKey: 'wrong-secret-key-1', customEndpoint: unlogged.get().baseUrl });
		const outcome = await testCredential(bad.helper, new AmazonMwsApi(), bad.id);
		expect(outcome).toMatchObject({ ok: false, statusCode: 403, message: expect.stringMatching(/^Amazon MWS refused the signature: check the Secret Key/) });
		expect(outcome.message).not.toContain('wrong-secret-key-1');
	});
});
