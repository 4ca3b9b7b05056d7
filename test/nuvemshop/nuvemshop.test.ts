// Nuvemshop / Tiendanube through n8n's real engine against the emulator.
import { NuvemshopApi } from '../../credentials/NuvemshopApi.credentials';
import { NuvemshopTrigger } from '../../nodes/Nuvemshop/NuvemshopTrigger.node';
import { EmulatedBucket, useEmulator } from '../emulators/kit';
import { NUVEMSHOP_STORE_ID, NUVEMSHOP_TOKEN, NuvemshopEmulator } from '../emulators/nuvemshop';
import { nuvemshopTransport } from '../../nodes/Nuvemshop/transport';
import { everyString, pollingTrigger, testCredential } from '../harness/harness';
import { nuvemshopRunner } from './setup';

const vendor = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));
// Requests sent with a wrong token on purpose go here, outside the contract log the checker judges.
const unlogged = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }).withoutContractLog());
// these tests read the vendor's full object: Simplify (on by default from version 1.1) is tested in simplify.test.ts
const { credential, run } = nuvemshopRunner(() => vendor.get(), {
	resource: 'customer',
	simplify: false,
});

const base = `/2025-03/${NUVEMSHOP_STORE_ID}`;

beforeEach(() => vendor.get().seed(5));

describe('customer', () => {
	test('create sends the documented body with the vendor headers and outputs the new customer', async () => {
		const result = await run({
			operation: 'create',
			name: 'Carla Dias',
			email: 'carla@example.com',
			additionalFields: {
				phone: '+55 11 98888-7777',
				identification: '111.222.333-44',
				send_email_invite: true,
				password: 's3cret-pass',
				billing_city: 'Curitiba',
			},
			addresses: {
				address: [
					{
						address: 'Rua A',
						number: '10',
						city: 'Curitiba',
						province: 'PR',
						zipcode: '80000-000',
						country: 'BR',
					},
				],
			},
			extra: { field: [{ key: 'source', value: 'n8n' }] },
		});
		expect(result.error).toBeUndefined();
		const [sent] = vendor.get().calls('createCustomer');
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe(`${base}/customers`);
		expect(sent.headers.authentication).toBe(`bearer ${NUVEMSHOP_TOKEN}`);
		expect(sent.headers['user-agent']).toBe('Shop Sync (ops@example.com)');
		expect(JSON.parse(sent.body)).toEqual({
			name: 'Carla Dias',
			email: 'carla@example.com',
			phone: '+55 11 98888-7777',
			identification: '111.222.333-44',
			send_email_invite: true,
			password: 's3cret-pass',
			billing_city: 'Curitiba',
			addresses: [
				{
					address: 'Rua A',
					number: '10',
					city: 'Curitiba',
					province: 'PR',
					zipcode: '80000-000',
					country: 'BR',
				},
			],
			extra: { source: 'n8n' },
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			name: 'Carla Dias',
			email: 'carla@example.com',
			extra: { source: 'n8n' },
			billing_city: 'Curitiba',
		});
		expect(result.items[0].json.addresses).toHaveLength(1);
		expect(vendor.get().sideEffects('invite')).toBe(1);
	});

	test("create surfaces the vendor's validation message", async () => {
		const result = await run({
			operation: 'create',
			name: 'Dup',
			email: 'cliente1@example.com.br',
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Nuvemshop: email has already been taken');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('422');
	});

	test('create is not sent twice when the connection breaks after Nuvemshop created the customer', async () => {
		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'createCustomer' });
		const result = await run({ operation: 'create', name: 'Once', email: 'once@example.com' });
		expect(result.status).toBe('error');
		expect(vendor.get().sideEffects('create')).toBe(1);
		expect(vendor.get().calls('createCustomer')).toHaveLength(1);
		expect(result.error?.description).toMatch(/not repeated/);
	});

	test('get returns one customer, with only the requested fields', async () => {
		const result = await run({
			operation: 'get',
			customerId: '1002',
			options: { fields: 'id,name' },
		});
		expect(result.items.map((i) => i.json)).toEqual([{ id: 1002, name: 'Cliente 2' }]);
		expect(vendor.get().calls('getCustomer')[0].query).toBe('fields=id%2Cname');
	});

	test('get of an unknown id says so', async () => {
		const result = await run({ operation: 'get', customerId: '999' });
		expect(result.error?.message).toBe('Nuvemshop: Customer with such id does not exist');
	});

	test('a non-numeric customer id fails before any request', async () => {
		const result = await run({ operation: 'get', customerId: 'abc/1' });
		expect(result.error?.message).toBe(
			'Parameter "Customer ID" must be a positive whole number, not "abc/1"',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('update sends only the changed fields with PUT', async () => {
		const result = await run({
			operation: 'update',
			customerId: '1001',
			updateFields: { note: 'VIP', email: 'new@example.com' },
			jsonFields: '{"billing_phone": "+55 11 1234-5678"}',
		});
		expect(result.error).toBeUndefined();
		const [sent] = vendor.get().calls('updateCustomer');
		expect(sent.path).toBe(`${base}/customers/1001`);
		expect(JSON.parse(sent.body)).toEqual({
			note: 'VIP',
			email: 'new@example.com',
			billing_phone: '+55 11 1234-5678',
		});
		expect(result.items[0].json).toMatchObject({
			id: 1001,
			note: 'VIP',
			email: 'new@example.com',
			billing_phone: '+55 11 1234-5678',
		});
	});

	test('update with nothing to change fails before any request', async () => {
		const result = await run({ operation: 'update', customerId: '1001' });
		expect(result.error?.message).toBe(
			'Parameter "Update Fields" is empty: add at least one field to change',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('invalid JSON Fields name the parameter', async () => {
		const result = await run({ operation: 'update', customerId: '1001', jsonFields: '{"note": ' });
		expect(result.error?.message).toMatch(/^Parameter "JSON Fields" is not valid JSON/);
	});

	test('delete removes the customer', async () => {
		const result = await run({ operation: 'delete', customerId: '1003' });
		expect(result.items.map((i) => i.json)).toEqual([{ id: 1003, deleted: true }]);
		expect(vendor.get().customers.has(1003)).toBe(false);
		expect(vendor.get().calls('deleteCustomer')[0].method).toBe('DELETE');
	});

	test('delete of a customer with orders comes back as a clear error', async () => {
		vendor.get().withOrders.add(1004);
		const result = await run({ operation: 'delete', customerId: '1004' });
		expect(result.error?.message).toBe('Nuvemshop: Cannot delete a customer with orders');
		expect(result.error?.description).toMatch(/HTTP 422/);
	});

	test('continueOnFail turns one failing delete into one error item', async () => {
		vendor.get().withOrders.add(1002);
		const input = ['1001', '1002', '1003'].map((id) => ({ json: { id } }));
		const result = await run(
			{ operation: 'delete', customerId: '={{ $json.id }}' },
			{ input, continueOnFail: true },
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.deleted ?? i.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, 'Nuvemshop: Cannot delete a customer with orders'],
			[{ item: 2 }, true],
		]);
	});
});

describe('get many', () => {
	test('Return All follows the Link header with 200 per page', async () => {
		vendor.get().seed(450);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(450);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(450);
		const pages = vendor
			.get()
			.calls('listCustomers')
			.map((r) => new URLSearchParams(r.query));
		expect(pages.map((q) => [q.get('page'), q.get('per_page')])).toEqual([
			['1', '200'],
			['2', '200'],
			['3', '200'],
		]);
	});

	test('Limit asks for no more than needed', async () => {
		const result = await run({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(result.items.map((i) => i.json.id)).toEqual([1001, 1002, 1003]);
		expect(vendor.get().calls('listCustomers')).toHaveLength(1);
		expect(vendor.get().calls('listCustomers')[0].query).toBe('page=1&per_page=3');
	});

	test('every filter is sent as documented', async () => {
		await run({
			operation: 'getAll',
			returnAll: true,
			filters: {
				q: 'cliente',
				since_id: 1001,
				created_at_min: '2026-01-01T00:00:00Z',
				created_at_max: '2026-12-31T00:00:00Z',
				updated_at_min: '2026-01-01T00:00:00Z',
				updated_at_max: '2026-12-31T00:00:00Z',
			},
			options: { fields: 'id,email' },
		});
		const query = Object.fromEntries(
			new URLSearchParams(vendor.get().calls('listCustomers')[0].query),
		);
		expect(query).toEqual({
			q: 'cliente',
			since_id: '1001',
			created_at_min: '2026-01-01T00:00:00Z',
			created_at_max: '2026-12-31T00:00:00Z',
			updated_at_min: '2026-01-01T00:00:00Z',
			updated_at_max: '2026-12-31T00:00:00Z',
			fields: 'id,email',
			page: '1',
			per_page: '200',
		});
	});

	test('an empty result ("Last page is 0" 404) is an empty list, not an error', async () => {
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { q: 'nobody-matches-this' },
		});
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(0);
		expect(vendor.get().calls('listCustomers')[0].status).toBe(404);
	});

	test('an invalid date filter names the filter', async () => {
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { updated_at_min: 'yesterday-ish' },
		});
		expect(result.error?.message).toBe(
			'Parameter "Updated After" is not a date: "yesterday-ish" — use a date like 2024-03-01T10:00:00+02:00',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});
});

describe('rate limits and credentials', () => {
	test('many updates run through the leaky bucket without errors', async () => {
		vendor.get().seed(60);
		const input = Array.from({ length: 60 }, (_, i) => ({ json: { id: 1001 + i } }));
		const result = await run(
			{ operation: 'update', customerId: '={{ $json.id }}', updateFields: { note: 'synced' } },
			{ input },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(60);
		expect(vendor.get().sideEffects('update')).toBe(60);
	});

	test('a 429 is retried after one leak of the bucket, read from x-rate-limit-reset in milliseconds', async () => {
		// reset 40 000 ms for a bucket of 40: one request leaks out after 1 000 ms (read as seconds it would be 1 000 s)
		vendor.get().inject(
			{
				kind: 'status',
				status: 429,
				headers: {
					'x-rate-limit-limit': '40',
					'x-rate-limit-remaining': '0',
					'x-rate-limit-reset': '40000',
				},
				body: { code: 429, message: 'Too Many Requests', description: 'Rate limit exceeded' },
			},
			{ operation: 'getCustomer' },
		);
		const result = await run({ operation: 'get', customerId: '1001' });
		expect(result.error).toBeUndefined();
		const [refused, accepted] = vendor.get().calls('getCustomer');
		expect([refused.status, accepted.status]).toEqual([429, 200]);
		expect(accepted.at - refused.at).toBeGreaterThanOrEqual(1000);
		expect(accepted.at - refused.at).toBeLessThan(10_000);
	});

	test('a store on a bigger plan (bucket of 400) is paced at its own drain rate, 20 a second', () => {
		const observation = nuvemshopTransport.config.readRateLimitHeaders!({
			'x-rate-limit-limit': '400',
			'x-rate-limit-remaining': '399',
			'x-rate-limit-reset': '50',
		});
		expect(observation).toEqual({ limit: 400, remaining: 399, ratePerSecond: 20 });
		expect(
			nuvemshopTransport.config.readRateLimitHeaders!({
				'x-rate-limit-limit': '40',
				'x-rate-limit-remaining': '39',
			}),
		).toEqual({ limit: 40, remaining: 39, ratePerSecond: 2 });
	});

	test('a delete whose answer was lost is repeated, and the 404 that finds the customer gone counts as deleted', async () => {
		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'deleteCustomer' });
		const result = await run({ operation: 'delete', customerId: '1002' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: 1002, deleted: true });
		expect(
			vendor
				.get()
				.calls('deleteCustomer')
				.map((c) => c.status),
		).toEqual([200, 404]);
		expect(vendor.get().customers.has(1002)).toBe(false);
		// without a lost answer, deleting a customer that does not exist is still an error
		const missing = await run({ operation: 'delete', customerId: '1002' });
		expect(missing.error?.message).toBe('Nuvemshop: Customer with such id does not exist');
	});

	test('a wrong token is reported without revealing it', async () => {
		const result = await run(
			{ operation: 'get', customerId: '1001' },
			{ credential: { accessToken: 'wrong-token-123456', customBaseUrl: unlogged.get().baseUrl } },
		);
		expect(result.error?.message).toBe('Nuvemshop: Invalid access token');
		expect(everyString(result.error).join(' ')).not.toContain('wrong-token-123456');
	});

	test('an App Contact that is no email or URL is explained before any request', async () => {
		const result = await run(
			{ operation: 'get', customerId: '1001' },
			{ credential: { appContact: 'nobody' } },
		);
		expect(result.error?.message).toMatch(/App Contact "nobody" is not an email address or URL/);
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('the v1 API version builds the documented URL', async () => {
		await run({ operation: 'get', customerId: '1001' }, { credential: { apiVersion: 'v1' } });
		expect(vendor.get().calls('getCustomer')[0].path).toBe(
			`/v1/${NUVEMSHOP_STORE_ID}/customers/1001`,
		);
	});

	test('an invalid API version in the credential is explained', async () => {
		const result = await run(
			{ operation: 'get', customerId: '1001' },
			{ credential: { apiVersion: '2025/03' } },
		);
		expect(result.error?.message).toMatch(/API Version "2025\/03" is not valid/);
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('the Test button passes with the right token and fails with a wrong one', async () => {
		const good = credential();
		expect(await testCredential(good.helper, new NuvemshopApi(), good.id)).toMatchObject({
			ok: true,
		});
		const bad = credential({
			accessToken: 'nope-nope-nope',
			customBaseUrl: unlogged.get().baseUrl,
		});
		const outcome = await testCredential(bad.helper, new NuvemshopApi(), bad.id);
		expect(outcome).toMatchObject({
			ok: false,
			statusCode: 401,
			message: expect.stringMatching(/^Nuvemshop refused the access token/),
		});
		expect(outcome.message).not.toContain('nope-nope-nope');
		expect(vendor.get().calls('getStore')[0].query).toBe('fields=id%2Cname');
	});

	test('the Test button passes for a new shop without customers', async () => {
		vendor.get().seed(0);
		const fresh = credential();
		expect(await testCredential(fresh.helper, new NuvemshopApi(), fresh.id)).toMatchObject({
			ok: true,
		});
	});

	test('OAuth2: the token and the store id (user_id) from the app install are used', async () => {
		const oAuth2 = credential(
			{
				clientId: '4321',
				clientSecret: 'nuvem-client-secret-55',
				appName: 'Shop Sync',
				appContact: 'ops@example.com',
				apiVersion: '2025-03',
				customBaseUrl: vendor.get().baseUrl,
				oauthTokenData: {
					access_token: NUVEMSHOP_TOKEN,
					token_type: 'bearer',
					scope: 'read_customers,write_customers',
					user_id: Number(NUVEMSHOP_STORE_ID),
				},
			},
			'nuvemshopOAuth2Api',
		);
		const result = await run(
			{ authentication: 'nuvemshopOAuth2Api', operation: 'get', customerId: '1001' },
			{ using: oAuth2 },
		);
		expect(result.error).toBeUndefined();
		const [sent] = vendor.get().calls('getCustomer');
		expect(sent.path).toBe(`${base}/customers/1001`);
		expect(sent.headers.authentication).toBe(`bearer ${NUVEMSHOP_TOKEN}`);
		expect(sent.headers['user-agent']).toBe('Shop Sync (ops@example.com)');
		expect(result.items[0].json.id).toBe(1001);
	});
});

describe('emulator', () => {
	const raw = useEmulator(() => new NuvemshopEmulator().withoutContractLog());

	test('answers 400 without a User-Agent, 401 with a wrong token and 415 without a JSON content type, as the vendor does', async () => {
		raw.get().seed(5);
		const url = `${raw.get().baseUrl}${base}/customers`;
		const auth = { Authentication: `bearer ${NUVEMSHOP_TOKEN}` };
		const noUserAgent = await fetch(url, { headers: { ...auth, 'User-Agent': '' } });
		expect(noUserAgent.status).toBe(400);
		const wrongToken = await fetch(url, {
			headers: { Authentication: 'bearer nope', 'User-Agent': 'A (a@b.c)' },
		});
		expect(wrongToken.status).toBe(401);
		const noType = await fetch(url, {
			method: 'POST',
			headers: { ...auth, 'User-Agent': 'A (a@b.c)' },
			body: 'name=x',
		});
		expect(noType.status).toBe(415);
		const ok = await fetch(url, { headers: { ...auth, 'User-Agent': 'A (a@b.c)' } });
		expect(ok.status).toBe(200);
		expect(ok.headers.get('x-rate-limit-limit')).toBe('40');
		expect(Number(ok.headers.get('x-rate-limit-remaining'))).toBeLessThan(40);
		expect(ok.headers.get('x-total-count')).toBe('5');
		expect(ok.headers.get('link')).toMatch(/rel="last"/);
	});

	test('the leaky bucket refuses the 41st request in a burst with 429', async () => {
		raw.get().seed(5);
		raw.get().bucket = new EmulatedBucket(40, 2, raw.get().clock);
		const url = `${raw.get().baseUrl}${base}/customers?per_page=1`;
		const headers = { Authentication: `bearer ${NUVEMSHOP_TOKEN}`, 'User-Agent': 'A (a@b.c)' };
		const statuses = await Promise.all(
			Array.from({ length: 41 }, () => fetch(url, { headers }).then((r) => r.status)),
		);
		expect(statuses.filter((s) => s === 429)).toHaveLength(1);
	});
});

describe('trigger', () => {
	function trigger(
		event: 'customerCreated' | 'customerCreatedOrUpdated',
		mode: 'trigger' | 'manual' = 'trigger',
	) {
		const { id, helper } = credential();
		return pollingTrigger({
			nodeType: new NuvemshopTrigger(),
			parameters: { authentication: 'nuvemshopApi', event },
			credentials: { nuvemshopApi: id },
			credentialsHelper: helper,
			mode,
		});
	}

	test('New Customer: the first poll only remembers; the next emits each customer created since, once', async () => {
		const poller = await trigger('customerCreated');
		expect(await poller.poll()).toBeNull();
		await run({ operation: 'create', name: 'Dora Nova', email: 'dora@example.com.br' });
		await run({
			operation: 'update',
			customerId: '1002',
			updateFields: { phone: '+55 21 90000-0000' },
		});
		const items = await poller.poll();
		expect(items?.map((i) => i.json.email)).toEqual(['dora@example.com.br']);
		expect(await poller.poll()).toBeNull();
		const [, asked] = vendor.get().calls('listCustomers');
		expect(new URLSearchParams(asked.query).get('created_at_min')).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/,
		);
	});

	test('New or Updated Customer emits changed customers too, oldest change first', async () => {
		const poller = await trigger('customerCreatedOrUpdated');
		expect(await poller.poll()).toBeNull();
		await run({
			operation: 'update',
			customerId: '1002',
			updateFields: { phone: '+55 21 90000-0000' },
		});
		await run({ operation: 'create', name: 'Eva Nova', email: 'eva@example.com.br' });
		const items = await poller.poll();
		expect(items?.map((i) => i.json.id)).toEqual([1002, expect.any(Number)]);
		expect(items?.[1].json.email).toBe('eva@example.com.br');
		expect(
			vendor
				.get()
				.calls('listCustomers')
				.every((r) => new URLSearchParams(r.query).has('updated_at_min')),
		).toBe(true);
	});

	test('a manual test run shows one customer at once', async () => {
		const poller = await trigger('customerCreated', 'manual');
		const items = await poller.poll();
		expect(items).toHaveLength(1);
		expect(new URLSearchParams(vendor.get().calls('listCustomers')[0].query).get('per_page')).toBe(
			'1',
		);
	});
});

describe('emails', () => {
	test('Create and Update refuse an email that is not one, naming the parameter, before any request', async () => {
		const created = await run({ operation: 'create', name: 'Carla Dias', email: 'not-an-email' });
		expect(created.error?.message).toBe(
			'Parameter "Email" is not an email address: "not-an-email"',
		);
		const updated = await run({
			operation: 'update',
			customerId: '1002',
			updateFields: { email: 'no-at-sign' },
		});
		expect(updated.error?.message).toBe('Parameter "Email" is not an email address: "no-at-sign"');
		expect(vendor.get().requests).toHaveLength(0);
	});
});
