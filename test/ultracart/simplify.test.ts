// Simplify on UltraCart's customer reads, through n8n's real engine: the flat fields people map (on by default from
// node version 1.1), the customer as UltraCart sends it when off, and version 1 workflows keeping the full object.
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { UltraCartEmulator, type UltraCartCustomer } from '../emulators/ultracart';
import { type ProviderRunOptions } from '../harness/provider-runner';
import { ultraCartRunner } from './setup';

const vendor = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }));
const ultraCart = ultraCartRunner(() => vendor.get(), { resource: 'customer' });
const run = async (
	operation: string,
	parameters: INodeParameters = {},
	options: ProviderRunOptions = {},
) => await ultraCart.run({ operation, ...parameters }, options);
/** A workflow saved with version 1 of the node. */
const VERSION_1: ProviderRunOptions = { nodeSettings: { typeVersion: 1 } };
const SIMPLIFIED_EXPAND = '_expand=billing%2Cshipping%2Ctags%2Cproperties';

let nina: UltraCartCustomer;
beforeEach(() => {
	vendor.get().seed(2);
	nina = vendor.get().add({
		email: 'nina@example.com',
		billing: [
			{ first_name: 'Old', last_name: 'Name', city: 'Elko', default_billing: false },
			{
				first_name: 'Nina',
				last_name: 'Park',
				company: 'Park & Co',
				evening_phone: '+1 775 555 0199',
				address1: '1 Lake St',
				address2: 'Suite 2',
				city: 'Reno',
				state_region: 'NV',
				postal_code: '89501',
				country_code: 'US',
				default_billing: true,
			},
		],
		shipping: [
			{
				first_name: 'Nina',
				last_name: 'Park',
				address1: '9 Dock Rd',
				city: 'Tahoe City',
				state_region: 'CA',
				postal_code: '96145',
				country_code: 'US',
				default_shipping: true,
			},
		],
		tags: [{ tag_value: 'vip' }, { tag_value: 'newsletter' }],
		properties: [
			{ name: 'shoe_size', value: '38' },
			{ name: 'referrer', value: 'fair' },
		],
		pricing_tiers: [{ name: 'Wholesale' }],
	});
});

const ninaSimplified = () => ({
	id: 1003,
	email: 'nina@example.com',
	firstName: 'Nina',
	lastName: 'Park',
	company: 'Park & Co',
	phone: '+1 775 555 0199',
	billingAddress1: '1 Lake St',
	billingAddress2: 'Suite 2',
	billingCity: 'Reno',
	billingState: 'NV',
	billingPostalCode: '89501',
	billingCountry: 'US',
	shippingAddress1: '9 Dock Rd',
	shippingAddress2: null,
	shippingCity: 'Tahoe City',
	shippingState: 'CA',
	shippingPostalCode: '96145',
	shippingCountry: 'US',
	tags: ['vip', 'newsletter'],
	createdAt: nina.signup_dts,
	updatedAt: nina.last_modified_dts,
	customFields: { shoe_size: '38', referrer: 'fair' },
});

/** A seeded customer: one billing address, no shipping address, no properties. */
const buyerSimplified = (oid: number) => {
	const buyer = vendor.get().customers.get(oid)!;
	const n = oid - 1000;
	return {
		id: oid,
		email: `buyer${n}@example.com`,
		firstName: 'Buyer',
		lastName: String(n),
		company: null,
		phone: null,
		billingAddress1: null,
		billingAddress2: null,
		billingCity: n % 2 ? 'Denver' : 'Austin',
		billingState: n % 2 ? 'CO' : 'TX',
		billingPostalCode: null,
		billingCountry: 'US',
		shippingAddress1: null,
		shippingAddress2: null,
		shippingCity: null,
		shippingState: null,
		shippingPostalCode: null,
		shippingCountry: null,
		tags: n === 1 ? ['wholesale'] : [],
		createdAt: buyer.signup_dts,
		updatedAt: buyer.last_modified_dts,
		customFields: {},
	};
};

describe('Simplify on (the default of a node added now)', () => {
	test('Get outputs the flat fields, from the parts it asks UltraCart for itself', async () => {
		const result = await run('get', { customerProfileOid: '1003' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([ninaSimplified()]);
		expect(vendor.get().calls('get_customer')[0].query).toBe(SIMPLIFIED_EXPAND);
	});

	test('Get by Email, Get Many, Query and Search simplify every customer the same way', async () => {
		const byEmail = await run('getByEmail', { email: 'nina@example.com' });
		expect(byEmail.items.map((i) => i.json)).toEqual([ninaSimplified()]);

		const all = await run('getAll', { returnAll: true });
		expect(all.items.map((i) => i.json)).toEqual([
			buyerSimplified(1001),
			buyerSimplified(1002),
			ninaSimplified(),
		]);

		const queried = await run('query', { query: { emails: 'nina@example.com' }, returnAll: true });
		expect(queried.items.map((i) => i.json)).toEqual([ninaSimplified()]);

		const found = await run('search', { searchString: 'Tahoe', returnAll: true });
		expect(found.items.map((i) => i.json)).toEqual([ninaSimplified()]);

		for (const operation of [
			'get_customer_by_email',
			'get_customers',
			'get_customers_by_query',
			'search_customers',
		])
			expect(vendor.get().calls(operation)[0].query).toContain(SIMPLIFIED_EXPAND);
	});

	test('Include is not part of a simplified read: a value stored under it is not sent', async () => {
		await run('get', { customerProfileOid: '1003', expand: ['loyalty', 'cards'] });
		expect(vendor.get().calls('get_customer')[0].query).toBe(SIMPLIFIED_EXPAND);
	});

	test('a limited listing is simplified after paging: Limit still counts customers', async () => {
		const result = await run('getAll', { returnAll: false, limit: 2 });
		expect(result.items.map((i) => i.json)).toEqual([buyerSimplified(1001), buyerSimplified(1002)]);
	});
});

describe('Simplify off', () => {
	test('Get outputs the customer as UltraCart sent it, with the parts Include asks for', async () => {
		const result = await run('get', {
			customerProfileOid: '1003',
			simplify: false,
			expand: ['billing', 'properties'],
		});
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('get_customer')[0].query).toBe('_expand=billing%2Cproperties');
		expect(result.items.map((i) => i.json)).toEqual([
			{
				customer_profile_oid: 1003,
				merchant_id: 'DEMO',
				email: 'nina@example.com',
				signup_dts: nina.signup_dts,
				last_modified_dts: nina.last_modified_dts,
				billing: nina.billing,
				properties: nina.properties,
			},
		]);
		expect((result.items[0].json.billing as unknown[]).length).toBe(2);
	});

	test('Get Many, Query and Search output the customers as UltraCart sent them', async () => {
		const base = (oid: number) => {
			const c = vendor.get().customers.get(oid)!;
			return {
				customer_profile_oid: oid,
				merchant_id: 'DEMO',
				email: c.email,
				signup_dts: c.signup_dts,
				last_modified_dts: c.last_modified_dts,
			};
		};
		const all = await run('getAll', { returnAll: true, simplify: false });
		expect(all.items.map((i) => i.json)).toEqual([base(1001), base(1002), base(1003)]);
		const queried = await run('query', {
			query: { emails: 'nina@example.com' },
			returnAll: true,
			simplify: false,
			expand: ['tags'],
		});
		expect(queried.items.map((i) => i.json)).toEqual([{ ...base(1003), tags: nina.tags }]);
		const found = await run('search', { searchString: 'Tahoe', returnAll: true, simplify: false });
		expect(found.items.map((i) => i.json)).toEqual([base(1003)]);
		const byEmail = await run('getByEmail', { email: 'nina@example.com', simplify: false });
		expect(byEmail.items.map((i) => i.json)).toEqual([base(1003)]);
	});
});

describe('version 1 (workflows saved before Simplify)', () => {
	test('Simplify defaults to off: the full customer, as before', async () => {
		const got = await run('get', { customerProfileOid: '1003', expand: ['shipping'] }, VERSION_1);
		expect(got.error).toBeUndefined();
		expect(vendor.get().calls('get_customer')[0].query).toBe('_expand=shipping');
		expect(got.items[0].json).toEqual({
			customer_profile_oid: 1003,
			merchant_id: 'DEMO',
			email: 'nina@example.com',
			signup_dts: nina.signup_dts,
			last_modified_dts: nina.last_modified_dts,
			shipping: nina.shipping,
		});
		const all = await run('getAll', { returnAll: true }, VERSION_1);
		expect(all.items.map((i) => i.json.customer_profile_oid)).toEqual([1001, 1002, 1003]);
		expect(all.items[2].json.firstName).toBeUndefined();
	});

	test('the switch is there to turn on', async () => {
		const got = await run('get', { customerProfileOid: '1003', simplify: true }, VERSION_1);
		expect(got.items.map((i) => i.json)).toEqual([ninaSimplified()]);
	});
});
