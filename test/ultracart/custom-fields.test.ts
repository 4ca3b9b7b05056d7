// UltraCart customer properties (CustomerProperty: name, value, expiration) as name/value pairs on Create, Update and
// Create or Update; Update keeps the customer's other properties; Get with Include → Properties outputs them.
import { useEmulator } from '../emulators/kit';
import { UltraCartEmulator } from '../emulators/ultracart';
import { ultraCartRunner } from './setup';

const vendor = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }));
const { run } = ultraCartRunner(() => vendor.get(), { resource: 'customer' });

beforeEach(() => vendor.get().seed(3));

const body = (operation: string, index = 0) =>
	JSON.parse(vendor.get().calls(operation)[index].body) as Record<string, unknown>;
const properties = (...pairs: Array<[string, string, string?]>) => ({
	property: pairs.map(([name, value, expiration_dts]) => ({
		name,
		value,
		...(expiration_dts ? { expiration_dts } : {}),
	})),
});

test('Create sends the properties as CustomerProperty objects, the expiration in the workflow time zone', async () => {
	const result = await run(
		{
			operation: 'create',
			email: 'props@example.com',
			properties: properties(['source', 'nuvemshop'], ['trial', 'yes', '2030-01-01 09:00']),
			expand: ['properties'],
		},
		{ timezone: 'America/Sao_Paulo' },
	);
	expect(result.error).toBeUndefined();
	expect(body('insert_customer')).toEqual({
		email: 'props@example.com',
		properties: [
			{ name: 'source', value: 'nuvemshop' },
			{ name: 'trial', value: 'yes', expiration_dts: '2030-01-01T09:00:00-03:00' },
		],
	});
	expect(result.items[0].json.properties).toEqual([
		expect.objectContaining({ name: 'source', value: 'nuvemshop' }),
		expect.objectContaining({ name: 'trial', value: 'yes' }),
	]);
});

test("Update changes the properties it names and keeps the customer's others (UltraCart replaces the list it is sent)", async () => {
	const customer = vendor.get().customers.get(1001)!;
	customer.properties = [
		{ customer_profile_property_oid: 71, name: 'source', value: 'shop' },
		{ customer_profile_property_oid: 72, name: 'tier', value: 'silver' },
	];
	const result = await run({
		operation: 'update',
		customerProfileOid: '1001',
		properties: properties(['tier', 'gold'], ['referrer', 'ana']),
	});
	expect(result.error).toBeUndefined();
	expect(new URLSearchParams(vendor.get().calls('get_customer')[0].query).get('_expand')).toBe(
		'properties',
	);
	expect(body('update_customer')).toEqual({
		properties: [
			{ customer_profile_property_oid: 71, name: 'source', value: 'shop' },
			{ customer_profile_property_oid: 72, name: 'tier', value: 'gold' },
			{ name: 'referrer', value: 'ana' },
		],
		customer_profile_oid: 1001,
	});
	expect(customer.properties).toEqual([
		{ customer_profile_property_oid: 71, name: 'source', value: 'shop' },
		{ customer_profile_property_oid: 72, name: 'tier', value: 'gold' },
		expect.objectContaining({ name: 'referrer', value: 'ana' }),
	]);
});

test('Create or Update compares properties by name: the same value is unchanged, another is updated and merged', async () => {
	vendor.get().customers.get(1002)!.properties = [
		{ customer_profile_property_oid: 81, name: 'source', value: 'shop' },
		{ customer_profile_property_oid: 82, name: 'tier', value: 'silver' },
	];
	const same = await run({
		operation: 'upsert',
		email: 'buyer2@example.com',
		properties: properties(['tier', 'silver']),
	});
	expect(same.items[0].json).toMatchObject({ action: 'unchanged' });
	expect(vendor.get().calls('update_customer')).toHaveLength(0);
	const other = await run({
		operation: 'upsert',
		email: 'buyer2@example.com',
		properties: properties(['tier', 'gold']),
	});
	expect(other.items[0].json).toMatchObject({ action: 'updated' });
	expect(body('update_customer').properties).toEqual([
		{ customer_profile_property_oid: 81, name: 'source', value: 'shop' },
		{ customer_profile_property_oid: 82, name: 'tier', value: 'gold' },
	]);
});

test('Get with Include → Properties outputs them', async () => {
	vendor.get().customers.get(1003)!.properties = [
		{ customer_profile_property_oid: 91, name: 'source', value: 'shop' },
	];
	const result = await run({
		operation: 'get',
		customerProfileOid: '1003',
		expand: ['properties'],
		simplify: false,
	});
	expect(result.items[0].json.properties).toEqual([
		{ customer_profile_property_oid: 91, name: 'source', value: 'shop' },
	]);
});

test.each([
	[
		'a name longer than UltraCart keeps',
		properties(['n'.repeat(101), 'x']),
		'Parameter "Properties" has a name of 101 characters ("nnnnnnnnnnnnnnnnnnnn…"); UltraCart accepts at most 100',
	],
	[
		'a value longer than UltraCart keeps',
		properties(['note', 'v'.repeat(1501)]),
		'Parameter "Properties" has a value of 1501 characters for "note"; UltraCart accepts at most 1500',
	],
	[
		'a property without a name',
		properties([' ', 'x']),
		'Parameter "Properties" has a property without a name',
	],
	[
		'an expiration that is not a date',
		properties(['trial', 'yes', 'next week']),
		'Parameter "Expiration" is not a date: "next week" — use a date like 2024-03-01T10:00:00+02:00',
	],
])('%s is refused before any request', async (_name, given, message) => {
	const result = await run({ operation: 'create', email: 'limits@example.com', properties: given });
	expect(result.error?.message).toBe(message);
	expect(vendor.get().requests).toHaveLength(0);
});
