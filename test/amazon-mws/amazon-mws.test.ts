// Amazon MWS (Legacy) through n8n's real engine against the emulator; signing on every vector; XML on every file.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { AmazonMwsApi, mwsRequestUrl } from '../../credentials/AmazonMwsApi.credentials';
import { nextTokenOf } from '../../nodes/AmazonMws/transport';
import {
	rfc3986,
	signV2,
	signedBody,
	stringToSign,
} from '../../nodes/AmazonMws/transport/signature';
import { base64Md5 } from '../../nodes/shared';
import { child, parseXml, toJson } from '../../nodes/AmazonMws/transport/xml';
import {
	AmazonMwsEmulator,
	MWS_ACCESS_KEY_ID,
	MWS_SECRET_KEY,
	MWS_SELLER_ID,
} from '../emulators/amazon-mws';
import { EmulatedBucket, VendorClock, useEmulator } from '../emulators/kit';
import { everyString, testCredential } from '../harness/harness';
import { mwsRunner } from './setup';

const specs = join(__dirname, '../../../shared/reference/specs');
const vendor = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000, pageSize: 10 }));
// Requests signed with a wrong secret on purpose go here, outside the contract log the checker judges.
const unlogged = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000 }).withoutContractLog());
// These tests read the customers as MWS gives them: Simplify (on by default from version 1.1) is tested in simplify.test.ts.
const { credential, run } = mwsRunner(
	() => vendor.get(),
	{ mwsAuthToken: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE' },
	{ simplify: false },
);

const form = (index = 0) =>
	Object.fromEntries(new URLSearchParams(vendor.get().requests[index].body));

beforeEach(() => {
	vendor.get().seed(25);
	vendor.get().refillQuotas();
});

describe('Signature Version 2', () => {
	interface Vector {
		id: string;
		method?: string;
		host?: string;
		path?: string;
		secretKey?: string;
		params?: Record<string, string>;
		stringToSign?: string;
		expectedSignature?: string;
		expectedSignatureUrlEncoded?: string;
		expectedBody?: string;
		recordedBody?: string;
		input?: string;
		expectedBase64Md5?: string;
	}
	const file = JSON.parse(
		readFileSync(join(specs, 'mws-sigv2-test-vectors.json'), 'utf8'),
	) as Record<string, unknown>;
	// every list of the file, whatever its section is called
	const vectors = Object.values(file)
		.filter((v): v is Vector[] => Array.isArray(v))
		.flat();

	test.each(vectors.map((v) => [v.id, v] as const))('vector %s', (_id, v) => {
		let checks = 0;
		if (v.expectedSignature !== undefined) {
			const [method, host, path, params] = [v.method!, v.host!, v.path!, v.params!];
			if (v.stringToSign !== undefined) {
				expect(stringToSign(method, host, path, params)).toBe(v.stringToSign);
				checks++;
			}
			const signature = signV2(v.secretKey!, method, host, path, params);
			expect(signature).toBe(v.expectedSignature);
			checks++;
			if (v.expectedSignatureUrlEncoded !== undefined)
				expect(rfc3986(signature)).toBe(v.expectedSignatureUrlEncoded);
			// the body as the node sends it, byte for byte
			if (v.expectedBody !== undefined) expect(signedBody(params, signature)).toBe(v.expectedBody);
			// another client's recorded body: same pairs, encoded the same, in its own order
			if (v.recordedBody !== undefined)
				expect(signedBody(params, signature).split('&').sort()).toEqual(
					v.recordedBody.split('&').sort(),
				);
		}
		if (v.expectedBase64Md5 !== undefined) {
			// the same digest the Amazon Selling Partner node sends as contentMD5 for each attachment
			expect(base64Md5(v.input!)).toBe(v.expectedBase64Md5);
			checks++;
		}
		// a vector of a kind this test does not know fails instead of passing unchecked
		expect(checks).toBeGreaterThan(0);
	});

	test('the file holds the signature vectors and the MD5 vector', () => {
		expect(vectors.length).toBe(
			(file.published as Vector[]).length + (file.selfComputed as Vector[]).length,
		);
		expect(vectors.filter((v) => v.expectedSignature).length).toBeGreaterThanOrEqual(8);
		expect(vectors.filter((v) => v.expectedBase64Md5).length).toBeGreaterThanOrEqual(1);
	});

	test('the credential reproduces a vector byte for byte under the vector clock', async () => {
		const v = (file.selfComputed as Vector[]).find((x) => x.id === 'ci-listcustomers-na')!;
		const {
			AWSAccessKeyId,
			SellerId,
			MWSAuthToken,
			SignatureMethod: _m,
			SignatureVersion: _v,
			Timestamp,
			Version: _version,
			...operation
		} = v.params!;
		jest.useFakeTimers({ now: Date.parse(Timestamp), doNotFake: ['nextTick', 'setImmediate'] });
		try {
			const signed = await new AmazonMwsApi().authenticate(
				{
					accessKeyId: AWSAccessKeyId,
					sellerId: SellerId,
					mwsAuthToken: MWSAuthToken,
					secretKey: v.secretKey!,
					endpoint: `https://${v.host}`,
				},
				{ method: 'POST', url: `https://${v.host}${v.path}`, body: operation },
			);
			expect(signed.body).toBe(v.expectedBody);
			expect(signed.url).toBe(`https://${v.host}${v.path}`);
		} finally {
			jest.useRealTimers();
		}
	});
});

describe('the credential signs exactly what is sent', () => {
	const probe = (request: Record<string, unknown>) =>
		Object.assign(new AmazonMwsApi(), {
			test: {
				request: {
					baseURL: vendor.get().baseUrl,
					url: '/CustomerInformation/2014-03-01',
					...request,
				},
			},
		}) as AmazonMwsApi;
	const verifies = (index = 0) => {
		const sent = vendor.get().requests[index];
		const { Signature, ...params } = Object.fromEntries(new URLSearchParams(sent.body));
		expect(Signature).toBe(
			signV2(MWS_SECRET_KEY, sent.method, sent.headers.host!, sent.path, params),
		);
		return params;
	};

	test('a request asked for as GET is sent as a POST and signed as a POST', async () => {
		const { id, helper } = credential();
		const outcome = await testCredential(
			helper,
			probe({ method: 'GET', body: { Action: 'GetServiceStatus' } }),
			id,
		);
		expect(outcome).toMatchObject({ ok: true, statusCode: 200 });
		expect(vendor.get().requests).toHaveLength(1);
		expect(vendor.get().requests[0].method).toBe('POST');
		verifies();
	});

	test('qs parameters and a query string go into the signed body, none is left in the URL', async () => {
		const { id, helper } = credential();
		const request = probe({
			method: 'POST',
			url: '/CustomerInformation/2014-03-01?DateRangeType=AssociatedDate',
			qs: { Action: 'ListCustomers', MarketplaceId: 'ATVPDKIKX0DER' },
			body: {},
		});
		expect(await testCredential(helper, request, id)).toMatchObject({ ok: true, statusCode: 200 });
		const sent = vendor.get().requests[0];
		expect(sent.query).toBe('');
		expect(verifies()).toMatchObject({
			Action: 'ListCustomers',
			MarketplaceId: 'ATVPDKIKX0DER',
			DateRangeType: 'AssociatedDate',
		});
	});

	test('a form-encoded string body is signed with the common parameters', async () => {
		const signed = await new AmazonMwsApi().authenticate(
			{
				accessKeyId: MWS_ACCESS_KEY_ID,
				sellerId: MWS_SELLER_ID,
				secretKey: MWS_SECRET_KEY,
				endpoint: 'https://mws.amazonservices.com',
			},
			{
				method: 'PUT',
				url: '/CustomerInformation/2014-03-01',
				body: 'Action=ListCustomersByNextToken&NextToken=a%2Bb%2F%3D',
				headers: { 'content-type': 'text/plain', 'X-Extra': '1' },
			},
		);
		expect(signed).toMatchObject({
			method: 'POST',
			url: 'https://mws.amazonservices.com/CustomerInformation/2014-03-01',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
				'X-Extra': '1',
			},
		});
		expect(Object.keys(signed.headers!)).not.toContain('content-type');
		expect(signed).not.toHaveProperty('qs');
		expect(signed).not.toHaveProperty('baseURL');
		const { Signature, ...params } = Object.fromEntries(new URLSearchParams(signed.body as string));
		expect(params).toMatchObject({ Action: 'ListCustomersByNextToken', NextToken: 'a+b/=' });
		expect(Signature).toBe(
			signV2(
				MWS_SECRET_KEY,
				'POST',
				'mws.amazonservices.com',
				'/CustomerInformation/2014-03-01',
				params,
			),
		);
	});
});

describe('a custom endpoint with a path prefix', () => {
	const prefixed = useEmulator(
		() => new AmazonMwsEmulator({ timeScale: 1000, pathPrefix: '/proxy' }),
	);
	beforeEach(() => {
		prefixed.get().seed(3);
		prefixed.get().refillQuotas();
	});

	test.each(['/proxy', '/proxy/'])(
		'the Test button keeps the path prefix of an endpoint ending in %s',
		async (prefix) => {
			const { id, helper } = credential({ customEndpoint: `${prefixed.get().baseUrl}${prefix}` });
			expect(await testCredential(helper, new AmazonMwsApi(), id)).toMatchObject({
				ok: true,
				statusCode: 200,
			});
			expect(prefixed.get().requests.map((r) => [r.path, r.status])).toEqual([
				['/proxy/CustomerInformation/2014-03-01', 200],
			]);
		},
	);

	test('operations reach it too, signed over the full path', async () => {
		const customEndpoint = `${prefixed.get().baseUrl}/proxy`;
		const status = await run(
			{ resource: 'service', operation: 'getStatus' },
			{ credential: { customEndpoint } },
		);
		expect(status.error).toBeUndefined();
		expect(status.items[0].json.Status).toBe('GREEN');
		const byIds = await run(
			{ resource: 'customer', operation: 'getByIds', customerIds: 'CUST00002' },
			{ credential: { customEndpoint } },
		);
		expect(byIds.items.map((i) => i.json.CustomerId)).toEqual(['CUST00002']);
		expect(prefixed.get().requests.map((r) => [r.path, r.status])).toEqual([
			['/proxy/CustomerInformation/2014-03-01', 200],
			['/proxy/CustomerInformation/2014-03-01', 200],
		]);
	});

	test('joining baseURL and url keeps the prefix; an absolute url stands alone', () => {
		expect(
			mwsRequestUrl('https://h:8443/proxy', '/CustomerInformation/2014-03-01').toString(),
		).toBe('https://h:8443/proxy/CustomerInformation/2014-03-01');
		expect(
			mwsRequestUrl('https://h:8443/proxy/', 'CustomerInformation/2014-03-01').toString(),
		).toBe('https://h:8443/proxy/CustomerInformation/2014-03-01');
		expect(mwsRequestUrl('https://h', 'https://other/x').toString()).toBe('https://other/x');
		expect(
			mwsRequestUrl('https://mws.amazonservices.com:443', '/CustomerInformation/2014-03-01').host,
		).toBe('mws.amazonservices.com');
	});
});

describe('XML', () => {
	const dir = join(specs, 'mws-xml');
	const read = (file: string) => readFileSync(join(dir, file), 'utf8');
	const files = [
		...readdirSync(dir).filter((f) => f.endsWith('.xml')),
		...readdirSync(join(dir, 'official-client-mocks')).map((f) => `official-client-mocks/${f}`),
	];

	/** The customer of every official mock, as the node outputs it. */
	const mockCustomer = {
		CustomerId: 'String',
		ShippingAddressList: [
			{
				IsDefaultAddress: true,
				FullName: 'String',
				AddressLine1: 'String',
				AddressLine2: 'String',
				City: 'String',
				StateOrRegion: 'String',
				PostalCode: 'String',
				CountryCode: 'String',
			},
		],
		PrimaryContactInfo: { Email: 'String', FullName: 'String' },
		AccountType: 'String',
		AssociatedMarketplaces: [
			{
				DomainName: 'String',
				Origin: true,
				AssociatedOn: '1969-07-21T02:56:03.000Z',
				LastUpdatedOn: '1969-07-21T02:56:03.000Z',
			},
		],
	};
	const syntheticCustomer = {
		CustomerId: 'cust-01',
		ShippingAddressList: [
			{
				IsDefaultAddress: true,
				FullName: 'Jane Doe',
				AddressLine1: '1 Main St',
				AddressLine2: 'Apt 2',
				City: 'Seattle',
				StateOrRegion: 'WA',
				PostalCode: '98101',
				CountryCode: 'US',
			},
		],
		PrimaryContactInfo: { Email: 'jane@example.com', FullName: 'Jane Doe' },
		AccountType: 'Registered',
		AssociatedMarketplaces: [
			{
				DomainName: 'www.example-webstore.com',
				Origin: true,
				AssociatedOn: '2014-06-01T10:00:00.000Z',
				LastUpdatedOn: '2014-06-15T12:30:00.000Z',
			},
		],
	};
	const metadata = (id: string) => ({ ResponseMetadata: { RequestId: id } });
	const EXPECTED: Record<string, { root: string; json: unknown }> = {
		'GetServiceStatusResponse.recorded.xml': {
			root: 'GetServiceStatusResponse',
			json: {
				GetServiceStatusResult: { Status: 'GREEN', Timestamp: '2015-03-28T18:10:37.790Z' },
				...metadata('b1686c05-3b19-498f-90ba-b686458f5652'),
			},
		},
		'InvalidAddress.recorded-404.xml': {
			root: 'ErrorResponse',
			json: {
				Error: {
					Type: 'Sender',
					Code: 'InvalidAddress',
					Message: 'Resource /Sellers/ is not found on this server. API Version is missing',
				},
				RequestID: '7c1eb112-5eb8-4967-8b97-4dc7de1e2bda',
			},
		},
		'InvalidParameterValue.recorded-400.xml': {
			root: 'ErrorResponse',
			json: {
				Error: {
					Type: 'Sender',
					Code: 'InvalidParameterValue',
					Message: 'CreatedAfter or LastUpdatedAfter must be specified',
				},
				RequestId: 'e26147f9-30cc-4379-9fb5-bd4ad966c48b',
			},
		},
		'ListCustomersResponse.synthetic.xml': {
			root: 'ListCustomersResponse',
			json: {
				ListCustomersResult: {
					CustomerList: [syntheticCustomer],
					NextToken: '2YgYW55IGNhcm5hbCBwbGVhcw+/abc==',
					MoreResultsAvailable: true,
				},
				...metadata('11111111-2222-3333-4444-555555555555'),
			},
		},
		'RequestThrottled.recorded-orders-section.xml': {
			root: 'ErrorResponse',
			json: {
				Error: { Type: 'Sender', Code: 'RequestThrottled', Message: 'Request is throttled' },
				RequestID: 'da90a758-492a-48bf-aae2-0f08e127e34b',
			},
		},
		'official-client-mocks/ErrorResponse.xml': {
			root: 'ErrorResponse',
			json: {
				Error: { Type: 'Sender', Code: 'string', Message: 'string', Detail: { AnyElement: '' } },
				RequestId: 'string',
			},
		},
		'official-client-mocks/GetCustomersByCustomerIdResponse.xml': {
			root: 'GetCustomersByCustomerIdResponse',
			json: {
				GetCustomersByCustomerIdResult: { CustomerList: [mockCustomer] },
				...metadata('String'),
			},
		},
		'official-client-mocks/GetCustomersForCustomerIdResponse.xml': {
			root: 'GetCustomersForCustomerIdResponse',
			json: {
				GetCustomersForCustomerIdResult: { CustomerList: [mockCustomer] },
				...metadata('String'),
			},
		},
		'official-client-mocks/GetServiceStatusResponse.xml': {
			root: 'GetServiceStatusResponse',
			json: {
				GetServiceStatusResult: { Status: 'String', Timestamp: '1969-07-21T02:56:03.000Z' },
				...metadata('String'),
			},
		},
		'official-client-mocks/ListCustomersByNextTokenResponse.xml': {
			root: 'ListCustomersByNextTokenResponse',
			json: {
				ListCustomersByNextTokenResult: {
					CustomerList: [mockCustomer],
					NextToken: 'String',
					MoreResultsAvailable: true,
				},
				...metadata('String'),
			},
		},
		'official-client-mocks/ListCustomersResponse.xml': {
			root: 'ListCustomersResponse',
			json: {
				ListCustomersResult: {
					CustomerList: [mockCustomer],
					NextToken: 'String',
					MoreResultsAvailable: true,
				},
				...metadata('String'),
			},
		},
	};

	test.each(files)('%s becomes the clean JSON, whatever its namespace', (file) => {
		expect(Object.keys(EXPECTED)).toContain(file);
		const root = parseXml(read(file));
		expect(root.name).toBe(EXPECTED[file].root);
		expect(toJson(root)).toEqual(EXPECTED[file].json);
	});

	/** The XML answers recorded in Peddler's VCR cassette, with their x-mws-request-id and x-mws-timestamp headers. */
	const recorded = read('peddler-recorded-GetServiceStatus.vcr.yml')
		.split(/\n- request:\n/)
		.slice(1)
		.map((interaction) => {
			const header = (name: string) =>
				new RegExp(`\\n\\s+${name}:\\n\\s+- '?([^'\\n]+)'?\\n`).exec(interaction)?.[1];
			const block =
				/\n {4}body:\n {6}encoding: [^\n]+\n {6}string: \|\n((?: {8}[^\n]*\n)+)/.exec(
					interaction.slice(interaction.indexOf('  response:')),
				)?.[1] ?? '';
			return {
				requestId: header('x-mws-request-id'),
				timestamp: header('x-mws-timestamp'),
				xml: block.replace(/^ {8}/gm, ''),
			};
		});

	test('the cassette holds nine recorded XML answers', () => {
		expect(recorded).toHaveLength(9);
		for (const r of recorded)
			expect(r.xml).toMatch(/^<\?xml version="1.0"\?>\n<GetServiceStatusResponse /);
	});

	test.each(recorded.map((r, i) => [i + 1, r] as const))(
		'cassette answer %i becomes the clean JSON',
		(_i, r) => {
			expect(toJson(parseXml(r.xml))).toEqual({
				GetServiceStatusResult: {
					Status: 'GREEN',
					Timestamp: new Date(r.timestamp!).toISOString(),
				},
				...metadata(r.requestId!),
			});
		},
	);

	test('a > inside an attribute value does not end the tag', () => {
		expect(parseXml('<a x="1>2">v</a>')).toEqual({ name: 'a', children: [], text: 'v' });
		expect(toJson(parseXml(`<R xmlns:m="u>v"><m:A y='>' z="'>'">1</m:A><B q=">"/></R>`))).toEqual({
			A: '1',
			B: '',
		});
		expect(() => parseXml('<a x="1>2>v</a>')).toThrow(/unterminated tag/);
	});

	test.each(['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Chatham'])(
		'dates are read the same on a host in %s: no time zone means UTC',
		(zone) => {
			const saved = process.env.TZ;
			process.env.TZ = zone;
			try {
				const xml = `<R><AssociatedOn>2014-06-01T10:00:00</AssociatedOn><LastUpdatedOn>2014-06-01T10:00:00.5</LastUpdatedOn><Timestamp>2014-06-01</Timestamp>
				<M><AssociatedOn>2014-06-01T10:00:00+02:00</AssociatedOn><LastUpdatedOn>2014-06-01T10:00:00-0530</LastUpdatedOn><Timestamp> 2015-03-28T18:10:37.790Z </Timestamp></M>
				<K><AssociatedOn>String</AssociatedOn><LastUpdatedOn>1</LastUpdatedOn><Timestamp>2014-02-30T00:00:00Z</Timestamp></K></R>`;
				expect(toJson(parseXml(xml))).toEqual({
					AssociatedOn: '2014-06-01T10:00:00.000Z',
					LastUpdatedOn: '2014-06-01T10:00:00.500Z',
					Timestamp: '2014-06-01T00:00:00.000Z',
					M: {
						AssociatedOn: '2014-06-01T08:00:00.000Z',
						LastUpdatedOn: '2014-06-01T15:30:00.000Z',
						Timestamp: '2015-03-28T18:10:37.790Z',
					},
					// what is not an ISO 8601 date stays as MWS wrote it
					K: { AssociatedOn: 'String', LastUpdatedOn: '1', Timestamp: '2014-02-30T00:00:00Z' },
				});
			} finally {
				if (saved === undefined) delete process.env.TZ;
				else process.env.TZ = saved;
			}
		},
	);

	test('booleans: true, false, 1 and 0 where MWS documents a boolean; elsewhere the text stays', () => {
		const xml =
			'<R><IsDefaultAddress>1</IsDefaultAddress><Origin>0</Origin><MoreResultsAvailable> false </MoreResultsAvailable><S><Origin>TRUE</Origin><IsDefaultAddress>yes</IsDefaultAddress><PostalCode>1</PostalCode></S></R>';
		expect(toJson(parseXml(xml))).toEqual({
			IsDefaultAddress: true,
			Origin: false,
			MoreResultsAvailable: false,
			S: { Origin: 'TRUE', IsDefaultAddress: 'yes', PostalCode: '1' },
		});
		const page = (more: string, token = '<NextToken>t</NextToken>') =>
			nextTokenOf(parseXml(`<R>${token}<MoreResultsAvailable>${more}</MoreResultsAvailable></R>`));
		expect(page('1')).toEqual({ nextToken: 't', more: true });
		expect(page('0')).toEqual({ nextToken: 't', more: false });
		expect(nextTokenOf(parseXml('<R><NextToken>t</NextToken></R>'))).toEqual({
			nextToken: 't',
			more: true,
		});
	});

	test('lists are arrays even when empty or with one entry; repeated elements become arrays', () => {
		expect(
			toJson(
				parseXml(
					'<R><CustomerList/><CustomerIdList><CustomerId>a</CustomerId></CustomerIdList><E>1</E><E>2</E><E>3</E></R>',
				),
			),
		).toEqual({ CustomerList: [], CustomerIdList: ['a'], E: ['1', '2', '3'] });
	});

	test('errors, entities, CDATA and broken documents', () => {
		const error = toJson(
			child(parseXml(read('RequestThrottled.recorded-orders-section.xml')), 'Error')!,
		);
		expect(error).toEqual({
			Type: 'Sender',
			Code: 'RequestThrottled',
			Message: 'Request is throttled',
		});
		expect(
			toJson(
				parseXml('<a:R xmlns:a="x"><a:M>Tom &amp; Jerry &#233;<![CDATA[ <raw> ]]></a:M></a:R>'),
			),
		).toEqual({ M: 'Tom & Jerry é <raw>' });
		expect(() => parseXml('<a><b></a>')).toThrow(/does not match/);
		expect(() => parseXml('<a>')).toThrow(/never closed/);
	});

	describe('every answer mwsRequest can receive becomes output items', () => {
		const answer = (file: string, status = 200) =>
			vendor
				.get()
				.inject(
					{ kind: 'status', status, headers: { 'content-type': 'text/xml' }, body: read(file) },
					{ operation: 'CustomerInformation' },
				);
		const sent = () => vendor.get().requests.map((r) => new URLSearchParams(r.body).get('Action'));

		test.each([
			['official-client-mocks/ListCustomersResponse.xml', mockCustomer],
			['ListCustomersResponse.synthetic.xml', syntheticCustomer],
		])('%s: Get Many', async (file, customer) => {
			answer(file);
			const result = await run({
				resource: 'customer',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([customer]);
			expect(sent()).toEqual(['ListCustomers']);
		});

		test('official-client-mocks/ListCustomersByNextTokenResponse.xml: Get Next Page', async () => {
			answer('official-client-mocks/ListCustomersByNextTokenResponse.xml');
			const result = await run({
				resource: 'customer',
				operation: 'getNextPage',
				pageToken: 'abc',
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([
				{ ...mockCustomer, NextToken: 'String', MoreResultsAvailable: true },
			]);
		});

		test.each([
			'official-client-mocks/GetCustomersForCustomerIdResponse.xml',
			'official-client-mocks/GetCustomersByCustomerIdResponse.xml',
		])('%s: Get by IDs', async (file) => {
			answer(file);
			const result = await run({
				resource: 'customer',
				operation: 'getByIds',
				customerIds: 'String',
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([mockCustomer]);
			expect(sent()).toEqual(['GetCustomersForCustomerId']);
		});

		test.each([
			[
				'official-client-mocks/GetServiceStatusResponse.xml',
				{ Status: 'String', Timestamp: '1969-07-21T02:56:03.000Z' },
			],
			[
				'GetServiceStatusResponse.recorded.xml',
				{ Status: 'GREEN', Timestamp: '2015-03-28T18:10:37.790Z' },
			],
		])('%s: Get Status', async (file, json) => {
			answer(file);
			const result = await run({ resource: 'service', operation: 'getStatus' });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([json]);
		});

		test('each cassette answer: Get Status', async () => {
			for (const r of recorded) {
				vendor
					.get()
					.inject(
						{ kind: 'status', status: 200, headers: { 'content-type': 'text/xml' }, body: r.xml },
						{ operation: 'CustomerInformation' },
					);
				const result = await run({ resource: 'service', operation: 'getStatus' });
				expect(result.items.map((i) => i.json)).toEqual([
					{ Status: 'GREEN', Timestamp: new Date(r.timestamp!).toISOString() },
				]);
			}
		});

		test.each([
			['official-client-mocks/ErrorResponse.xml', 400, 'string', 'string'],
			[
				'InvalidAddress.recorded-404.xml',
				404,
				'InvalidAddress',
				'Resource /Sellers/ is not found on this server. API Version is missing',
			],
			[
				'InvalidParameterValue.recorded-400.xml',
				400,
				'InvalidParameterValue',
				'CreatedAfter or LastUpdatedAfter must be specified',
			],
		])('%s: an error with its code and message', async (file, status, code, message) => {
			// a request the vendor refuses on purpose: to the emulator outside the contract log
			unlogged
				.get()
				.inject(
					{ kind: 'status', status, headers: { 'content-type': 'text/xml' }, body: read(file) },
					{ operation: 'CustomerInformation' },
				);
			const result = await run(
				{ resource: 'customer', operation: 'getByIds', customerIds: 'A' },
				{ credential: { customEndpoint: unlogged.get().baseUrl } },
			);
			expect(result.error?.message).toBe(`Amazon MWS: ${message}`);
			expect(result.error?.description).toContain(`Code: ${code}.`);
			expect((result.error as unknown as { httpCode: string }).httpCode).toBe(String(status));
		});
	});
});

describe('operations', () => {
	test('Get Many: a signed ListCustomers, then ListCustomersByNextToken until the end; one item per customer', async () => {
		const result = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(25);
		expect(result.items[0].json).toMatchObject({
			CustomerId: 'CUST00001',
			PrimaryContactInfo: { Email: 'buyer1@example.com' },
			ShippingAddressList: [{ IsDefaultAddress: true }],
			AssociatedMarketplaces: [{ Origin: true }],
		});
		const actions = vendor.get().requests.map((r) => new URLSearchParams(r.body).get('Action'));
		expect(actions).toEqual([
			'ListCustomers',
			'ListCustomersByNextToken',
			'ListCustomersByNextToken',
		]);
		const first = form(0);
		expect(first).toMatchObject({
			AWSAccessKeyId: MWS_ACCESS_KEY_ID,
			SellerId: MWS_SELLER_ID,
			MWSAuthToken: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE',
			SignatureMethod: 'HmacSHA256',
			SignatureVersion: '2',
			Version: '2014-03-01',
		});
		expect(vendor.get().requests[0].headers['content-type']).toBe(
			'application/x-www-form-urlencoded; charset=utf-8',
		);
		const { Signature, ...signedParams } = first;
		expect(Signature).toBe(
			signV2(
				MWS_SECRET_KEY,
				'POST',
				vendor.get().requests[0].headers.host!,
				'/CustomerInformation/2014-03-01',
				signedParams,
			),
		);
		expect(form(1).NextToken).toMatch(/\+\/=$/);
	});

	test('Get Many: booleans written 1/0 come out typed, and MoreResultsAvailable 1 is followed', async () => {
		vendor.get().digitBooleans = true;
		const result = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(25);
		expect(result.items[24].json).toMatchObject({
			CustomerId: 'CUST00025',
			ShippingAddressList: [{ IsDefaultAddress: true }],
			AssociatedMarketplaces: [{ Origin: true }],
		});
		expect(vendor.get().requests.map((r) => new URLSearchParams(r.body).get('Action'))).toEqual([
			'ListCustomers',
			'ListCustomersByNextToken',
			'ListCustomersByNextToken',
		]);
		expect(vendor.get().requests[2].status).toBe(200);
	});

	test('Get Many: marketplace and date range; Limit stops early', async () => {
		const result = await run({
			resource: 'customer',
			operation: 'getAll',
			marketplaceId: 'ATVPDKIKX0DER',
			dateRangeType: 'LastUpdatedDate',
			dateRangeStart: '2014-07-01T00:00:00Z',
			dateRangeEnd: '2014-07-31T00:00:00Z',
			returnAll: false,
			limit: 4,
		});
		expect(result.items).toHaveLength(4);
		expect(form(0)).toMatchObject({
			Action: 'ListCustomers',
			MarketplaceId: 'ATVPDKIKX0DER',
			DateRangeType: 'LastUpdatedDate',
			DateRangeStart: '2014-07-01T00:00:00Z',
			DateRangeEnd: '2014-07-31T00:00:00Z',
		});
		expect(vendor.get().requests).toHaveLength(1);
		const bad = await run({
			resource: 'customer',
			operation: 'getAll',
			dateRangeType: 'AssociatedDate',
			returnAll: true,
		});
		expect(bad.error?.message).toBe(
			'Parameter "From" and "To" are both empty: give at least one date, or choose Any Time',
		);
	});

	test('Get Next Page continues from a token and carries the next one', async () => {
		const invalid = await run(
			{ resource: 'customer', operation: 'getNextPage', pageToken: 'invalid' },
			{ credential: { customEndpoint: unlogged.get().baseUrl } },
		);
		expect(invalid.error?.message).toBe('Amazon MWS: Invalid NextToken');
		vendor.get().reset();
		await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		const secondPageToken = new URLSearchParams(vendor.get().requests[1].body).get('NextToken')!;
		vendor.get().reset();
		const next = await run({
			resource: 'customer',
			operation: 'getNextPage',
			pageToken: secondPageToken,
		});
		expect(next.items).toHaveLength(10);
		expect(next.items[0].json).toMatchObject({
			CustomerId: 'CUST00011',
			MoreResultsAvailable: true,
			NextToken: expect.stringMatching(/\+\/=$/),
		});
		expect(form(0)).toMatchObject({
			Action: 'ListCustomersByNextToken',
			NextToken: secondPageToken,
		});
	});

	test('Get by IDs sends CustomerIdList.CustomerId.N in order', async () => {
		const ids = Array.from({ length: 12 }, (_, i) => `CUST${String(i + 1).padStart(5, '0')}`);
		const result = await run({
			resource: 'customer',
			operation: 'getByIds',
			customerIds: ids.join(', '),
			marketplaceId: 'ATVPDKIKX0DER',
		});
		expect(result.items.map((i) => i.json.CustomerId)).toEqual(ids);
		const sent = form(0);
		expect(sent['CustomerIdList.CustomerId.1']).toBe('CUST00001');
		expect(sent['CustomerIdList.CustomerId.12']).toBe('CUST00012');
		expect(sent.MarketplaceId).toBe('ATVPDKIKX0DER');
	});

	test('Get Status', async () => {
		const result = await run({ resource: 'service', operation: 'getStatus' });
		expect(result.items[0].json).toEqual({
			Status: 'GREEN',
			Timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
		});
	});
});

describe('errors and throttling', () => {
	test('a wrong secret: SignatureDoesNotMatch with code and message, and no secret in the error', async () => {
		const result = await run(
			{ resource: 'service', operation: 'getStatus' },
			{ credential: { secretKey: 'not-the-secret-key', customEndpoint: unlogged.get().baseUrl } },
		);
		expect(result.error?.message).toBe(
			'Amazon MWS: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
		);
		expect(result.error?.description).toMatch(/Code: SignatureDoesNotMatch\./);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('403');
		const strings = everyString(result.error).join(' ');
		expect(strings).not.toContain('not-the-secret-key');
		expect(strings).not.toContain('amzn.mws.4ea38b7b');
	});

	test('a timestamp outside the 15-minute window is refused', async () => {
		vendor.get().clockSkewMs = 20 * 60 * 1000;
		const result = await run({ resource: 'service', operation: 'getStatus' });
		vendor.get().clockSkewMs = 0;
		expect(result.error?.description).toMatch(/Code: RequestExpired/);
	});

	test('RequestThrottled: the node waits for the documented restore rate, then carries on', async () => {
		// another app of the same seller has spent the ListCustomersByNextToken quota, restored in real time
		const buckets = vendor.get().buckets;
		const fastBucket = buckets.ListCustomersByNextToken;
		buckets.ListCustomersByNextToken = new EmulatedBucket(50, 1 / 3, new VendorClock(1));
		buckets.ListCustomersByNextToken.empty();
		const result = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
		}).finally(() => (buckets.ListCustomersByNextToken = fastBucket));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(25);
		const requests = vendor.get().requests;
		expect(requests.map((r) => r.status)).toEqual([200, 503, 200, 200]);
		// restore rate: one ListCustomersByNextToken every 3 s
		expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(3000);
		expect(vendor.get().sideEffects('ListCustomersByNextToken')).toBe(2);
	});

	test('any other 503 is retried too: all four operations are reads', async () => {
		vendor.get().inject(
			{
				kind: 'status',
				status: 503,
				headers: { 'content-type': 'text/xml' },
				body: '<?xml version="1.0"?><ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service temporarily unavailable</Message></Error></ErrorResponse>',
			},
			{ operation: 'CustomerInformation' },
		);
		const result = await run({ resource: 'service', operation: 'getStatus' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.Status).toBe('GREEN');
		expect(vendor.get().requests.map((r) => r.status)).toEqual([503, 200]);
	});

	test('the Test button: GetServiceStatus passes with the right keys, fails with wrong ones', async () => {
		const good = credential();
		expect(await testCredential(good.helper, new AmazonMwsApi(), good.id)).toMatchObject({
			ok: true,
		});
		const bad = credential({
			secretKey: 'wrong-secret-key-1',
			customEndpoint: unlogged.get().baseUrl,
		});
		const outcome = await testCredential(bad.helper, new AmazonMwsApi(), bad.id);
		expect(outcome).toMatchObject({
			ok: false,
			statusCode: 403,
			message: expect.stringMatching(/^Amazon MWS refused the signature: check the Secret Key/),
		});
		expect(outcome.message).not.toContain('wrong-secret-key-1');
	});
});
