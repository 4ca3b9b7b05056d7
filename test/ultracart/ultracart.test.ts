// UltraCart through n8n's real engine against the emulator: all 25 customer operations.
import type { INodeParameters } from 'n8n-workflow';

import { UltraCartApi } from '../../credentials/UltraCartApi.credentials';
import { UltraCart } from '../../nodes/UltraCart/UltraCart.node';
import { UltraCartTrigger } from '../../nodes/UltraCart/UltraCartTrigger.node';
import { useEmulator } from '../emulators/kit';
import { ULTRACART_SIMPLE_KEY, UltraCartEmulator } from '../emulators/ultracart';
import { everyString, loadOptions, pollingTrigger, testCredential } from '../harness/harness';
import { type ProviderRunOptions } from '../harness/provider-runner';
import { oauthCredentialData, ultraCartRunner } from './setup';

const vendor = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }));
// Requests sent with a wrong key on purpose go here, outside the contract log the checker judges.
const unlogged = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }).withoutContractLog());
// these tests read the vendor's full object: Simplify (on by default from version 1.1) is tested in simplify.test.ts
const ultraCart = ultraCartRunner(() => vendor.get(), { simplify: false });
const { credential } = ultraCart;
const run = async (
	resource: string,
	operation: string,
	parameters: INodeParameters = {},
	options: ProviderRunOptions = {},
) => await ultraCart.run({ resource, operation, ...parameters }, options);
/** A simple key sent to the emulator outside the contract log. */
const unloggedKey = (apiKey: string) => ({
	apiKey,
	customBaseUrl: `${unlogged.get().baseUrl}/rest/v2`,
});

const body = (operation: string, index = 0) =>
	JSON.parse(vendor.get().calls(operation)[index].body) as Record<string, unknown>;
const query = (operation: string, index = 0) =>
	Object.fromEntries(new URLSearchParams(vendor.get().calls(operation)[index].query));

beforeEach(() => vendor.get().seed(5));

describe('customer', () => {
	test('create maps the fields onto the Customer object and sends the version header', async () => {
		const result = await run('customer', 'create', {
			email: 'new@example.com',
			additionalFields: {
				billing: {
					first_name: 'Nina',
					last_name: 'Park',
					city: 'Reno',
					state_region: 'NV',
					country_code: 'US',
				},
				tags: 'vip, newsletter',
				pricing_tiers: 'Wholesale',
				business_notes: 'met at fair',
				do_not_send_mail: true,
			},
			customerJson: '{"referral_source": "fair"}',
			expand: ['billing', 'tags'],
		});
		expect(result.error).toBeUndefined();
		const [sent] = vendor.get().calls('insert_customer');
		expect(sent.headers['x-ultracart-api-version']).toBe('2017-03-01');
		expect(sent.headers['x-ultracart-simple-key']).toBe(ULTRACART_SIMPLE_KEY);
		expect(sent.headers['content-type']).toBe('application/json; charset=UTF-8');
		expect(sent.query).toBe('_expand=billing%2Ctags');
		expect(body('insert_customer')).toEqual({
			email: 'new@example.com',
			business_notes: 'met at fair',
			do_not_send_mail: true,
			billing: [
				{
					first_name: 'Nina',
					last_name: 'Park',
					city: 'Reno',
					state_region: 'NV',
					country_code: 'US',
					default_billing: true,
				},
			],
			tags: [{ tag_value: 'vip' }, { tag_value: 'newsletter' }],
			pricing_tiers: [{ name: 'Wholesale' }],
			referral_source: 'fair',
		});
		expect(result.items[0].json).toMatchObject({
			customer_profile_oid: 1006,
			email: 'new@example.com',
			tags: [{ tag_value: 'vip' }, { tag_value: 'newsletter' }],
		});
		expect(result.items[0].json.pricing_tiers).toBeUndefined();
	});

	test("create with a taken email surfaces UltraCart's message; a bad email fails before sending", async () => {
		const taken = await run('customer', 'create', { email: 'buyer1@example.com' });
		expect(taken.error?.message).toBe(
			'UltraCart: A customer with email buyer1@example.com already exists.',
		);
		const bad = await run('customer', 'create', { email: 'nope' });
		expect(bad.error?.message).toBe('Parameter "Email" is not an email address: "nope"');
		expect(vendor.get().calls('insert_customer')).toHaveLength(1);
	});

	test('get, get by email (encoded), update and delete', async () => {
		const got = await run('customer', 'get', { customerProfileOid: '1002', expand: ['billing'] });
		expect(got.items[0].json).toMatchObject({
			customer_profile_oid: 1002,
			email: 'buyer2@example.com',
			billing: [{ city: 'Austin' }],
		});
		vendor.get().customers.get(1003)!.email = 'a+b/c@example.com';
		const byEmail = await run('customer', 'getByEmail', { email: 'a+b/c@example.com' });
		expect(vendor.get().calls('get_customer_by_email')[0].path).toBe(
			'/rest/v2/customer/customers/by_email/a%2Bb%2Fc%40example.com',
		);
		expect(byEmail.items[0].json.customer_profile_oid).toBe(1003);
		const updated = await run('customer', 'update', {
			customerProfileOid: '1002',
			updateFields: { website_url: 'https://b2.example.com', tax_exempt: true },
		});
		expect(body('update_customer')).toEqual({
			website_url: 'https://b2.example.com',
			tax_exempt: true,
			customer_profile_oid: 1002,
		});
		expect(updated.items[0].json).toMatchObject({
			website_url: 'https://b2.example.com',
			tax_exempt: true,
		});
		const deleted = await run('customer', 'delete', { customerProfileOid: '1002' });
		expect(deleted.items[0].json).toEqual({ customer_profile_oid: 1002, deleted: true });
		expect(vendor.get().customers.has(1002)).toBe(false);
		const gone = await run('customer', 'get', { customerProfileOid: '1002' });
		expect(gone.error?.message).toBe('UltraCart: Customer 1002 not found.');
	});

	test('Update of one billing field changes the default address in place and keeps the others', async () => {
		const customer = vendor.get().customers.get(1002)!;
		const home: Record<string, unknown> = {
			...(customer.billing as Array<Record<string, unknown>>)[0],
			default_billing: true,
		};
		const office = {
			first_name: 'Office',
			last_name: 'Two',
			city: 'Dallas',
			default_billing: false,
			customer_billing_oid: 9999,
			customer_profile_oid: 1002,
		};
		customer.billing = [office, home];
		expect(home.customer_billing_oid).toEqual(expect.any(Number));
		const updated = await run('customer', 'update', {
			customerProfileOid: '1002',
			updateFields: { billing: { city: 'Houston' } },
			expand: ['billing'],
		});
		expect(query('get_customer')._expand).toBe('billing');
		expect(body('update_customer')).toEqual({
			customer_profile_oid: 1002,
			billing: [office, { ...home, city: 'Houston' }],
		});
		expect(updated.items[0].json.billing).toEqual([office, { ...home, city: 'Houston' }]);
	});

	test('Update of an address on a customer without one adds it as the default', async () => {
		vendor.get().customers.get(1003)!.shipping = [];
		await run('customer', 'update', {
			customerProfileOid: '1003',
			updateFields: { shipping: { city: 'Reno', address1: '1 Main St' } },
		});
		expect(body('update_customer')).toEqual({
			customer_profile_oid: 1003,
			shipping: [{ city: 'Reno', address1: '1 Main St', default_shipping: true }],
		});
		expect(vendor.get().customers.get(1003)!.shipping).toEqual([
			expect.objectContaining({ city: 'Reno', customer_shipping_oid: expect.any(Number) }),
		]);
	});

	test('Get Many: every filter, _since, _sort, _expand; Return All pages by 200 with _offset', async () => {
		vendor.get().seed(450);
		const all = await run('customer', 'getAll', {
			returnAll: true,
			expand: ['billing'],
			listingOptions: { sort: 'email' },
		});
		expect(all.items).toHaveLength(450);
		expect(
			vendor
				.get()
				.calls('get_customers')
				.map((r) => [
					query('get_customers', vendor.get().calls('get_customers').indexOf(r))._offset,
					query('get_customers', vendor.get().calls('get_customers').indexOf(r))._limit,
				]),
		).toEqual([
			['0', '200'],
			['200', '200'],
			['400', '200'],
		]);
		vendor.get().reset();
		const filtered = await run('customer', 'getAll', {
			returnAll: false,
			limit: 5,
			filters: {
				billing_city: 'Austin',
				billing_state: 'TX',
				email: 'buyer2@example.com',
				last_modified_dts_start: '2020-01-01T00:00:00Z',
				signup_dts_end: '2100-01-01T00:00:00Z',
				pricing_tier_name: 'none',
				qb_class: 'retail',
			},
			listingOptions: { since: '2020-01-01T00:00:00Z', sort: '-email' },
		});
		expect(filtered.error).toBeUndefined();
		expect(query('get_customers')).toEqual({
			billing_city: 'Austin',
			billing_state: 'TX',
			email: 'buyer2@example.com',
			last_modified_dts_start: '2020-01-01T00:00:00Z',
			signup_dts_end: '2100-01-01T00:00:00Z',
			pricing_tier_name: 'none',
			qb_class: 'retail',
			_since: '2020-01-01T00:00:00Z',
			_sort: '-email',
			_limit: '5',
			_offset: '0',
		});
	});

	test('Query posts a CustomerQuery with tag and email lists, paging by query string', async () => {
		const result = await run('customer', 'query', {
			query: {
				any_tags: 'wholesale',
				emails: 'buyer1@example.com, buyer4@example.com',
				query_target: 'cache',
			},
			returnAll: true,
		});
		expect(result.items.map((i) => i.json.email)).toEqual([
			'buyer1@example.com',
			'buyer4@example.com',
		]);
		expect(body('get_customers_by_query')).toEqual({
			any_tags: ['wholesale'],
			emails: ['buyer1@example.com', 'buyer4@example.com'],
			query_target: 'cache',
		});
		expect(vendor.get().calls('get_customers_by_query')[0].headers['content-type']).toBe(
			'application/json',
		);
		expect(query('get_customers_by_query')).toEqual({ _limit: '200', _offset: '0' });
	});

	test('Query takes every CustomerQuery condition, billing and shipping addresses included', async () => {
		const result = await run('customer', 'query', {
			query: {
				billing_last_name: '2',
				billing_city: 'Austin',
				shipping_city: '',
				pricing_tier_oid: 0,
			},
			returnAll: true,
		});
		expect(result.items.map((i) => i.json.email)).toEqual(['buyer2@example.com']);
		expect(body('get_customers_by_query')).toEqual({
			billing_last_name: '2',
			billing_city: 'Austin',
		});
	});

	test('Search by text and sign-up dates', async () => {
		const result = await run('customer', 'search', {
			searchString: 'buyer3',
			filters: { signup_dts_start: '2020-01-01T00:00:00Z' },
			returnAll: true,
		});
		expect(result.items.map((i) => i.json.email)).toEqual(['buyer3@example.com']);
		expect(query('search_customers')).toMatchObject({
			search_string: 'buyer3',
			signup_dts_start: '2020-01-01T00:00:00Z',
		});
	});

	test('Merge another customer (by email or id) into this one; it is never sent twice', async () => {
		const merged = await run('customer', 'merge', {
			customerProfileOid: '1001',
			mergeFrom: 'email',
			sourceEmail: 'buyer2@example.com',
		});
		expect(merged.items[0].json).toEqual({
			customer_profile_oid: 1001,
			merged: true,
			merged_from: 'buyer2@example.com',
		});
		expect(body('merge_customer')).toEqual({ email: 'buyer2@example.com' });
		expect(vendor.get().customers.has(1002)).toBe(false);
		vendor
			.get()
			.inject(
				{ kind: 'status', status: 503, body: { error: { user_message: 'Service unavailable' } } },
				{ operation: 'merge_customer' },
			);
		const failed = await run('customer', 'merge', {
			customerProfileOid: '1001',
			mergeFrom: 'oid',
			sourceOid: '1003',
		});
		expect(failed.error?.description).toMatch(/not repeated/);
		expect(vendor.get().calls('merge_customer')).toHaveLength(2);
		const self = await run('customer', 'merge', {
			customerProfileOid: '1001',
			mergeFrom: 'oid',
			sourceOid: '1001',
		});
		expect(self.error?.message).toBe('Parameter "ID of Customer to Merge" is the customer itself');
	});

	test('Get Magic Link, Get Data Tables, Get Editor Values, Search Profile Values', async () => {
		const link = await run('customer', 'getMagicLink', {
			customerProfileOid: '1001',
			storefrontHostName: 'shop.example.com',
		});
		expect(link.items[0].json).toEqual({
			customer_profile_oid: 1001,
			url: 'https://shop.example.com/login/magic?token=ml-1001',
		});
		expect(vendor.get().calls('get_magic_link')[0].method).toBe('PUT');
		const tables = await run('customer', 'getDataTables', { expand: ['tags'] });
		expect(tables.items).toHaveLength(5);
		expect(query('get_customers_for_data_tables')).toEqual({ _expand: 'tags' });
		const editor = await run('customer', 'getEditorValues');
		expect(editor.items[0].json).toMatchObject({
			countries: expect.arrayContaining([{ iso_2_code: 'US', name: 'United States' }]),
		});
		const values = await run('customer', 'searchProfileValues', {
			category: 'tags',
			matches: 'whole',
			options: { max_hits: 5 },
		});
		expect(values.items.map((i) => i.json)).toEqual([{ key: 'wholesale', value: 'wholesale' }]);
		expect(body('search_customer_profile_values')).toEqual({
			category: 'tags',
			matches: 'whole',
			max_hits: 5,
		});
	});
});

describe('money', () => {
	test('store credit: add, then read the balance; the add is not repeated after a reset', async () => {
		const added = await run('storeCredit', 'add', {
			customerProfileOid: '1001',
			amount: 25.5,
			description: 'Refund for order 77',
		});
		expect(added.items[0].json).toMatchObject({
			customer_profile_oid: 1001,
			amount: 25.5,
			success: true,
		});
		expect(body('add_customer_store_credit')).toEqual({
			amount: 25.5,
			description: 'Refund for order 77',
			expiration_days: 0,
			vesting_days: 0,
		});
		const balance = await run('storeCredit', 'get', { customerProfileOid: '1001' });
		expect(balance.items[0].json).toMatchObject({
			customer_profile_oid: 1001,
			available: 25.5,
			total: 25.5,
		});

		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'add_customer_store_credit' });
		const broken = await run('storeCredit', 'add', { customerProfileOid: '1001', amount: 10 });
		expect(broken.status).toBe('error');
		expect(vendor.get().sideEffects('storeCredit')).toBe(2);
		expect(vendor.get().calls('add_customer_store_credit')).toHaveLength(2);
	});

	test('store credit refused with 429 is sent again and added once', async () => {
		vendor.get().inject(
			{
				kind: 'status',
				status: 429,
				headers: { 'UC-REST-ERROR': 'Concurrent requests are not allowed.' },
				body: { error: { user_message: 'Concurrent requests are not allowed.' } },
			},
			{ operation: 'add_customer_store_credit' },
		);
		const result = await run('storeCredit', 'add', { customerProfileOid: '1001', amount: 5 });
		expect(result.error).toBeUndefined();
		expect(vendor.get().sideEffects('storeCredit')).toBe(1);
	});

	test('a zero amount is refused before sending', async () => {
		const result = await run('storeCredit', 'add', { customerProfileOid: '1001', amount: 0 });
		expect(result.error?.message).toBe('Parameter "Amount" must be a positive amount, not 0');
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('cashback: adjust returns the new balance; a long description fails first', async () => {
		const first = await run('cashback', 'adjust', {
			customerProfileOid: '1001',
			adjustment_amount: 12.5,
			description: 'Promo',
			additionalFields: { order_id: 'DEMO-1', entry_dts: '2026-11-01T00:00:00Z' },
		});
		expect(first.items[0].json).toEqual({
			customer_profile_oid: 1001,
			adjustment_amount: 12.5,
			balance_amount: 12.5,
			success: true,
		});
		expect(body('adjust_internal_certificate')).toEqual({
			adjustment_amount: 12.5,
			description: 'Promo',
			order_id: 'DEMO-1',
			entry_dts: '2026-11-01T00:00:00Z',
		});
		const second = await run('cashback', 'adjust', {
			customerProfileOid: '1001',
			adjustment_amount: -2.5,
		});
		expect(second.items[0].json.balance_amount).toBe(10);
		const long = await run('cashback', 'adjust', {
			customerProfileOid: '1001',
			adjustment_amount: 1,
			description: 'x'.repeat(51),
		});
		expect(long.error?.message).toBe(
			'Parameter "Description" is 51 characters long; the vendor accepts at most 50',
		);
	});
});

describe('email lists, verification, wishlists', () => {
	test('email lists: list them, load the dropdown, subscribe and unsubscribe', async () => {
		const lists = await run('emailList', 'getAll');
		expect(lists.items.map((i) => i.json.name)).toEqual(['Newsletter', 'VIP Offers', 'Old List']);
		const dropdown = credential();
		const options = await loadOptions({
			nodeType: new UltraCart(),
			method: 'getEmailLists',
			parameters: { resource: 'emailList', operation: 'updateSubscriptions' },
			credentials: { ultraCartApi: dropdown.id },
			credentialsHelper: dropdown.helper,
		});
		// deleted lists are left out; sorted by name
		expect(options.map((o) => o.name)).toEqual(['Newsletter', 'VIP Offers']);
		expect(options[0]).toMatchObject({ value: vendor.get().emailLists[0].email_list_uuid });
		const wrongKey = credential(unloggedKey('wrong-key'));
		await expect(
			loadOptions({
				nodeType: new UltraCart(),
				method: 'getEmailLists',
				parameters: {},
				credentials: { ultraCartApi: wrongKey.id },
				credentialsHelper: wrongKey.helper,
			}),
		).rejects.toThrow(/^UltraCart: /);
		const [newsletter, vip] = vendor.get().emailLists;
		const result = await run('emailList', 'updateSubscriptions', {
			customerProfileOid: '1001',
			addToLists: [newsletter.email_list_uuid, vip.email_list_uuid],
			removeFromLists: [],
		});
		expect(result.items[0].json).toMatchObject({
			customer_profile_oid: 1001,
			add_to_lists: [newsletter.email_list_uuid, vip.email_list_uuid],
		});
		expect([...vendor.get().subscriptions.get(1001)!]).toEqual([
			newsletter.email_list_uuid,
			vip.email_list_uuid,
		]);
		await run('emailList', 'updateSubscriptions', {
			customerProfileOid: '1001',
			removeFromLists: [vip.email_list_uuid],
		});
		expect([...vendor.get().subscriptions.get(1001)!]).toEqual([newsletter.email_list_uuid]);
		const empty = await run('emailList', 'updateSubscriptions', { customerProfileOid: '1001' });
		expect(empty.error?.message).toMatch(/Subscribe To" and "Unsubscribe From" are both empty/);
	});

	test('email verification: create a token, validate it once', async () => {
		const created = await run('emailVerification', 'createToken', {
			email: 'buyer1@example.com',
			password: 'hunter22',
		});
		const token = created.items[0].json.token as string;
		expect(token).toMatch(/^verify-/);
		expect(body('get_email_verification_token')).toEqual({
			email: 'buyer1@example.com',
			password: 'hunter22',
		});
		expect((await run('emailVerification', 'validateToken', { token })).items[0].json).toEqual({
			valid: true,
		});
		expect((await run('emailVerification', 'validateToken', { token })).items[0].json).toEqual({
			valid: false,
			reason: 'The verification token is not valid.',
		});
	});

	test('wishlist: create, get many, get, update, delete', async () => {
		const created = await run('wishlistItem', 'create', {
			customerProfileOid: '1001',
			merchantItemOid: '9001',
			additionalFields: { comments: 'for May', priority: 4 },
		});
		const item = created.items[0].json;
		expect(item).toMatchObject({
			merchant_item_oid: 9001,
			comments: 'for May',
			customer_profile_oid: 1001,
		});
		expect(body('insert_wish_list_item')).toEqual({
			merchant_item_oid: 9001,
			comments: 'for May',
			priority: 4,
		});
		const itemOid = String(item.customer_wishlist_item_oid);
		expect(
			(await run('wishlistItem', 'getAll', { customerProfileOid: '1001' })).items.map(
				(i) => i.json.merchant_item_oid,
			),
		).toEqual([9001]);
		expect(
			(await run('wishlistItem', 'get', { customerProfileOid: '1001', wishlistItemOid: itemOid }))
				.items[0].json,
		).toMatchObject({ comments: 'for May' });
		expect(
			(
				await run('wishlistItem', 'update', {
					customerProfileOid: '1001',
					wishlistItemOid: itemOid,
					updateFields: { comments: 'for June' },
				})
			).items[0].json,
		).toMatchObject({ comments: 'for June' });
		expect(
			(
				await run('wishlistItem', 'delete', {
					customerProfileOid: '1001',
					wishlistItemOid: itemOid,
				})
			).items[0].json,
		).toEqual({
			customer_profile_oid: 1001,
			customer_wishlist_item_oid: Number(itemOid),
			deleted: true,
		});
		expect(vendor.get().wishlists.get(1001)).toEqual([]);
	});
});

describe('auth, errors, limits', () => {
	test("a wrong key: UltraCart's message, no secret in the error; the Test button tells right from wrong", async () => {
		const result = await run(
			'customer',
			'get',
			{ customerProfileOid: '1001' },
			{ credential: unloggedKey('not-the-key-12345') },
		);
		expect(result.error?.message).toBe('UltraCart: Status Code 401: invalid credentials supplied');
		expect(everyString(result.error).join(' ')).not.toContain('not-the-key-12345');
		const good = credential();
		expect(await testCredential(good.helper, new UltraCartApi(), good.id)).toMatchObject({
			ok: true,
		});
		const bad = credential(unloggedKey('not-the-key-12345'));
		expect(await testCredential(bad.helper, new UltraCartApi(), bad.id)).toMatchObject({
			ok: false,
			statusCode: 401,
			message: expect.stringMatching(/^UltraCart refused the simple key/),
		});
	});

	test('OAuth2: the bearer token is sent, refreshed after a 401 and stored', async () => {
		const oauth = credential(oauthCredentialData(vendor.get().baseUrl), 'ultraCartOAuth2Api');
		const result = await run(
			'customer',
			'get',
			{ authentication: 'ultraCartOAuth2Api', customerProfileOid: '1001' },
			{ using: oauth },
		);
		expect(result.error).toBeUndefined();
		const [refused, accepted] = vendor.get().calls('get_customer');
		expect(refused.headers.authorization).toBe('Bearer expired-token');
		expect(accepted.headers.authorization).toMatch(/^Bearer uc-access-\d+$/);
		expect(accepted.headers['x-ultracart-api-version']).toBe('2017-03-01');
		expect(vendor.get().sideEffects('oauthToken')).toBe(1);
		expect(
			(oauth.helper.store.get(oauth.id)!.data.oauthTokenData as { access_token: string })
				.access_token,
		).toMatch(/^uc-access-/);
	});

	test('the hourly bucket: a burst beyond it is refused with 429 and waited out', async () => {
		const small = new UltraCartEmulator({ timeScale: 3600, requestsPerHour: 3 });
		await small.start();
		try {
			small.seed(1);
			const input = Array.from({ length: 8 }, () => ({ json: {} }));
			const result = await run(
				'customer',
				'get',
				{ customerProfileOid: '1001' },
				{ credential: { customBaseUrl: `${small.baseUrl}/rest/v2` }, input },
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(8);
			expect(small.calls('get_customer').filter((r) => r.status === 200)).toHaveLength(8);
			expect(small.calls('get_customer').some((r) => r.status === 429)).toBe(true);
		} finally {
			await small.stop();
		}
	});

	test('continueOnFail and invalid ids', async () => {
		const input = ['1001', 'abc', '9999'].map((oid) => ({ json: { oid } }));
		const result = await run(
			'customer',
			'get',
			{ customerProfileOid: '={{ $json.oid }}' },
			{ input, continueOnFail: true },
		);
		expect(result.items.map((i) => i.json.customer_profile_oid ?? i.json.error)).toEqual([
			1001,
			'Parameter "Customer ID" must be a positive whole number, not "abc"',
			'UltraCart: Customer 9999 not found.',
		]);
		expect(vendor.get().calls('get_customer')).toHaveLength(2);
	});
});

describe('emulator', () => {
	const raw = useEmulator(() => new UltraCartEmulator({ latencyMs: 30 }).withoutContractLog());

	test('400 without the version header, 401 with a wrong key, 429 for concurrent requests, result_set paging', async () => {
		raw.get().seed(3);
		const url = `${raw.get().baseUrl}/rest/v2/customer/customers?_limit=2`;
		const noVersion = await fetch(url, {
			headers: { 'x-ultracart-simple-key': ULTRACART_SIMPLE_KEY },
		});
		expect(noVersion.status).toBe(400);
		expect(noVersion.headers.get('uc-rest-error')).toMatch(/X-UltraCart-Api-Version/);
		const headers = {
			'x-ultracart-simple-key': ULTRACART_SIMPLE_KEY,
			'X-UltraCart-Api-Version': '2017-03-01',
		};
		expect(
			(await fetch(url, { headers: { ...headers, 'x-ultracart-simple-key': 'wrong' } })).status,
		).toBe(401);
		const page = (await (await fetch(url, { headers })).json()) as {
			metadata: { result_set: unknown };
		};
		expect(page.metadata.result_set).toEqual({
			count: 2,
			limit: 2,
			more: true,
			next_offset: 2,
			offset: 0,
			total_records: 3,
		});
		const statuses = await Promise.all(
			Array.from({ length: 4 }, () => fetch(url, { headers }).then((r) => r.status)),
		);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
	});
});

describe('trigger', () => {
	function trigger(
		event: 'customerCreated' | 'customerCreatedOrUpdated',
		mode: 'trigger' | 'manual' = 'trigger',
		expand: string[] = [],
	) {
		const { id, helper } = credential();
		return pollingTrigger({
			nodeType: new UltraCartTrigger(),
			parameters: { authentication: 'ultraCartApi', event, expand },
			credentials: { ultraCartApi: id },
			credentialsHelper: helper,
			mode,
		});
	}

	// the seeded customers signed up and changed long before the trigger was activated
	beforeEach(() => {
		for (const customer of vendor.get().customers.values())
			customer.signup_dts = customer.last_modified_dts = '2020-01-01T00:00:00.000Z';
	});

	test('New Customer: the first poll only remembers; the next emits each new sign-up once, with the chosen parts', async () => {
		const poller = await trigger('customerCreated', 'trigger', ['billing']);
		expect(await poller.poll()).toBeNull();
		await run('customer', 'create', {
			email: 'fresh@example.com',
			additionalFields: { billing: { first_name: 'Fresh' } },
		});
		await run('customer', 'update', {
			customerProfileOid: '1002',
			customerJson: '{"merchant_notes":"changed"}',
		});
		const items = await poller.poll();
		expect(items?.map((i) => i.json.email)).toEqual(['fresh@example.com']);
		expect(items?.[0].json.billing).toEqual([expect.objectContaining({ first_name: 'Fresh' })]);
		expect(await poller.poll()).toBeNull();
		const asked = query('get_customers', 1);
		expect(asked).toMatchObject({ _expand: 'billing', _limit: '200', _offset: '0' });
		expect(asked.signup_dts_start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
	});

	test('New or Updated Customer emits changed customers too', async () => {
		const poller = await trigger('customerCreatedOrUpdated');
		expect(await poller.poll()).toBeNull();
		await run('customer', 'update', {
			customerProfileOid: '1002',
			customerJson: '{"merchant_notes":"changed"}',
		});
		const items = await poller.poll();
		expect(items?.map((i) => i.json.customer_profile_oid)).toEqual([1002]);
		expect(query('get_customers').last_modified_dts_start).toEqual(expect.any(String));
	});

	test('a manual test run shows the newest customer at once', async () => {
		const poller = await trigger('customerCreated', 'manual');
		expect(await poller.poll()).toHaveLength(1);
		expect(query('get_customers')).toMatchObject({ _sort: '-signup_dts', _limit: '1' });
	});
});

describe('emails and path ids', () => {
	test('Get by Email refuses "." and "..", which URL parsing would turn into another path, before any request', async () => {
		for (const email of ['.', '..']) {
			const result = await run('customer', 'getByEmail', { email });
			expect(result.error?.message).toBe(`Parameter "Email" is not an email address: "${email}"`);
		}
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('every email parameter is checked the same way before any request', async () => {
		const token = await run('emailVerification', 'createToken', { email: 'no-at-sign' });
		expect(token.error?.message).toBe('Parameter "Email" is not an email address: "no-at-sign"');
		const merge = await run('customer', 'merge', {
			customerProfileOid: '1002',
			mergeFrom: 'email',
			sourceEmail: 'old@',
		});
		expect(merge.error?.message).toBe(
			'Parameter "Email of Customer to Merge" is not an email address: "old@"',
		);
		const update = await run('customer', 'update', {
			customerProfileOid: '1002',
			updateFields: { email: 'a..b@example.com' },
		});
		expect(update.error?.message).toBe(
			'Parameter "Email" is not an email address: "a..b@example.com"',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});
});
