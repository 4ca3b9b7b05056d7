// Simplify on Nuvemshop's customer reads, through n8n's real engine: the flat fields people map (on by default from
// node version 1.1), the customer as Nuvemshop sends it when off, and version 1 workflows keeping the full object.
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { NuvemshopEmulator, type NuvemshopCustomer } from '../emulators/nuvemshop';
import { type ProviderRunOptions } from '../harness/provider-runner';
import { nuvemshopRunner } from './setup';

const vendor = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));
const nuvemshop = nuvemshopRunner(() => vendor.get(), { resource: 'customer' });
const run = async (
	operation: string,
	parameters: INodeParameters = {},
	options: ProviderRunOptions = {},
) => await nuvemshop.run({ operation, ...parameters }, options);
const VERSION_1: ProviderRunOptions = { nodeSettings: { typeVersion: 1 } };
const asSent = (customer: NuvemshopCustomer) => JSON.parse(JSON.stringify(customer)) as object;

let carla: NuvemshopCustomer;
beforeEach(() => {
	const [, second] = vendor.get().seed(2);
	carla = Object.assign(second, {
		name: 'Carla Mendes',
		email: 'carla@example.com.br',
		phone: '+55 11 98765-4321',
		identification: '123.456.789-09',
		billing_address: 'Rua Augusta',
		billing_number: '1500',
		billing_floor: 'Apto 12',
		billing_locality: 'Consolação',
		billing_zipcode: '01304-001',
		billing_city: 'São Paulo',
		billing_province: 'SP',
		billing_country: 'BR',
		billing_phone: '+55 11 3333-4444',
		extra: { gender: 'female', number_of_children: '2' },
		accepts_marketing: true,
	});
	const office = {
		id: 77,
		address: 'Av. Paulista',
		number: '1000',
		floor: null,
		locality: 'Bela Vista',
		zipcode: '01310-100',
		city: 'São Paulo',
		province: 'SP',
		country: 'BR',
		phone: null,
		default: true,
		created_at: carla.created_at,
		updated_at: carla.created_at,
	};
	carla.addresses = [office];
	carla.default_address = office;
});

const carlaSimplified = () => ({
	id: 1002,
	name: 'Carla Mendes',
	email: 'carla@example.com.br',
	phone: '+55 11 98765-4321',
	identification: '123.456.789-09',
	billingStreet: 'Rua Augusta',
	billingNumber: '1500',
	billingFloor: 'Apto 12',
	billingLocality: 'Consolação',
	billingCity: 'São Paulo',
	billingState: 'SP',
	billingPostalCode: '01304-001',
	billingCountry: 'BR',
	billingPhone: '+55 11 3333-4444',
	shippingStreet: 'Av. Paulista',
	shippingNumber: '1000',
	shippingFloor: null,
	shippingLocality: 'Bela Vista',
	shippingCity: 'São Paulo',
	shippingState: 'SP',
	shippingPostalCode: '01310-100',
	shippingCountry: 'BR',
	shippingPhone: null,
	acceptsMarketing: true,
	createdAt: carla.created_at,
	updatedAt: carla.updated_at,
	customFields: { gender: 'female', number_of_children: '2' },
});

/** The first seeded customer: name, email and phone, no address, no custom fields. */
const firstSimplified = () => {
	const c = vendor.get().customers.get(1001)!;
	const fields = [
		'Street',
		'Number',
		'Floor',
		'Locality',
		'City',
		'State',
		'PostalCode',
		'Country',
		'Phone',
	];
	return {
		id: 1001,
		name: 'Cliente 1',
		email: 'cliente1@example.com.br',
		phone: '+55 11 9000-0001',
		identification: null,
		...Object.fromEntries(fields.map((f) => [`billing${f}`, null])),
		...Object.fromEntries(fields.map((f) => [`shipping${f}`, null])),
		acceptsMarketing: null,
		createdAt: c.created_at,
		updatedAt: c.updated_at,
		customFields: {},
	};
};

describe('Simplify on (the default of a node added now)', () => {
	test('Get outputs the flat fields: billing and default shipping address, extra as custom fields', async () => {
		const result = await run('get', { customerId: '1002' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([carlaSimplified()]);
	});

	test('Get Many simplifies every customer, with the same fields', async () => {
		const result = await run('getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([firstSimplified(), carlaSimplified()]);
	});

	test('Options → Fields belongs to the full object: a value stored under it is not sent', async () => {
		await run('get', { customerId: '1002', options: { fields: 'id,email' } });
		await run('getAll', { returnAll: true, options: { fields: 'id,email' } });
		expect(vendor.get().calls('getCustomer')[0].query).toBe('');
		expect(vendor.get().calls('listCustomers')[0].query).not.toContain('fields');
	});
});

describe('Simplify off', () => {
	test('Get and Get Many output the customers as Nuvemshop sent them, with the chosen fields', async () => {
		const got = await run('get', { customerId: '1002', simplify: false });
		expect(got.items.map((i) => i.json)).toEqual([asSent(carla)]);
		const all = await run('getAll', { returnAll: true, simplify: false });
		expect(all.items.map((i) => i.json)).toEqual([
			asSent(vendor.get().customers.get(1001)!),
			asSent(carla),
		]);
		const some = await run('get', {
			customerId: '1002',
			simplify: false,
			options: { fields: 'id,email' },
		});
		expect(vendor.get().calls('getCustomer')[1].query).toBe('fields=id%2Cemail');
		expect(some.items.map((i) => i.json)).toEqual([{ id: 1002, email: 'carla@example.com.br' }]);
	});
});

describe('version 1 (workflows saved before Simplify)', () => {
	test('Simplify defaults to off: the full customer, as before', async () => {
		const got = await run('get', { customerId: '1002' }, VERSION_1);
		expect(got.items.map((i) => i.json)).toEqual([asSent(carla)]);
		const all = await run('getAll', { returnAll: true }, VERSION_1);
		expect(all.items.map((i) => i.json.billing_city)).toEqual([null, 'São Paulo']);
	});

	test('the switch is there to turn on', async () => {
		const got = await run('get', { customerId: '1002', simplify: true }, VERSION_1);
		expect(got.items.map((i) => i.json)).toEqual([carlaSimplified()]);
	});
});
