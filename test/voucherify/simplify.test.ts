// Simplify on Voucherify's customer reads, through n8n's real engine: the flat fields people map (on by default from
// node version 1.1), the customer as Voucherify sends it when off, and version 1 workflows keeping the full object.
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { VoucherifyEmulator, type VoucherifyCustomer } from '../emulators/voucherify';
import { type ProviderRunOptions } from '../harness/provider-runner';
import { voucherifyRunner } from './setup';

const vendor = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }));
const voucherify = voucherifyRunner(() => vendor.get(), { resource: 'customer' });
const run = async (
	operation: string,
	parameters: INodeParameters = {},
	options: ProviderRunOptions = {},
) => await voucherify.run({ operation, ...parameters }, options);
const VERSION_1: ProviderRunOptions = { nodeSettings: { typeVersion: 1 } };
/** The customer as Voucherify's JSON answer carries it. */
const asSent = (customer: VoucherifyCustomer) => JSON.parse(JSON.stringify(customer)) as object;

let ada: VoucherifyCustomer;
beforeEach(() => {
	vendor.get().seed(2);
	ada = vendor.get().applyUpsert({
		source_id: 'shop-7',
		name: 'Ada Lovelace',
		email: 'ada@example.com',
		phone: '+44 20 7946 0000',
		birthdate: '1990-12-10',
		address: {
			line_1: '12 St James Sq',
			line_2: 'Flat 3',
			city: 'London',
			state: 'Greater London',
			postal_code: 'SW1Y 4JH',
			country: 'GB',
		},
		metadata: { vip: true, shoe_size: 38, referrer: 'fair' },
	});
	// changed once, so it has an updated_at
	vendor.get().applyUpsert({ source_id: 'shop-7', description: 'Met at the fair' });
});

const adaSimplified = () => ({
	id: ada.id,
	sourceId: 'shop-7',
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	phone: '+44 20 7946 0000',
	birthdate: '1990-12-10',
	address1: '12 St James Sq',
	address2: 'Flat 3',
	city: 'London',
	state: 'Greater London',
	postalCode: 'SW1Y 4JH',
	country: 'GB',
	createdAt: ada.created_at,
	updatedAt: ada.updated_at,
	customFields: { vip: true, shoe_size: 38, referrer: 'fair' },
});

/** A seeded customer: a city and nothing else of an address, no metadata, never updated. */
const seededSimplified = (n: number) => {
	const c = vendor.get().find(`src-${n}`)!;
	return {
		id: c.id,
		sourceId: `src-${n}`,
		name: `Customer ${n}`,
		email: `customer${n}@example.com`,
		phone: null,
		birthdate: null,
		address1: null,
		address2: null,
		city: n % 2 ? 'Warsaw' : 'Berlin',
		state: null,
		postalCode: null,
		country: null,
		createdAt: c.created_at,
		updatedAt: null,
		customFields: {},
	};
};

describe('Simplify on (the default of a node added now)', () => {
	test('Get outputs the flat fields, metadata as custom fields', async () => {
		expect(ada.updated_at).toEqual(expect.any(String));
		const result = await run('get', { customerId: 'shop-7' });
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('get-customer')[0].path).toBe('/v1/customers/shop-7');
		expect(result.items.map((i) => i.json)).toEqual([adaSimplified()]);
	});

	test('Get Many simplifies every customer, with the same fields', async () => {
		const result = await run('getAll', { returnAll: true, order: 'created_at' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			seededSimplified(1),
			seededSimplified(2),
			adaSimplified(),
		]);
	});
});

describe('Simplify off', () => {
	test('Get and Get Many output the customers as Voucherify sent them', async () => {
		const got = await run('get', { customerId: 'shop-7', simplify: false });
		expect(got.items.map((i) => i.json)).toEqual([asSent(ada)]);
		expect(got.items[0].json).toHaveProperty('summary');
		const all = await run('getAll', { returnAll: true, order: 'created_at', simplify: false });
		expect(all.items.map((i) => i.json)).toEqual(
			['src-1', 'src-2', 'shop-7'].map((id) => asSent(vendor.get().find(id)!)),
		);
	});
});

describe('version 1 (workflows saved before Simplify)', () => {
	test('Simplify defaults to off: the full customer, as before', async () => {
		const got = await run('get', { customerId: 'shop-7' }, VERSION_1);
		expect(got.items.map((i) => i.json)).toEqual([asSent(ada)]);
		const all = await run('getAll', { returnAll: true, order: 'created_at' }, VERSION_1);
		expect(all.items.map((i) => i.json.source_id)).toEqual(['src-1', 'src-2', 'shop-7']);
		expect(all.items[2].json.metadata).toEqual({ vip: true, shoe_size: 38, referrer: 'fair' });
	});

	test('the switch is there to turn on', async () => {
		const got = await run('get', { customerId: 'shop-7', simplify: true }, VERSION_1);
		expect(got.items.map((i) => i.json)).toEqual([adaSimplified()]);
	});
});
