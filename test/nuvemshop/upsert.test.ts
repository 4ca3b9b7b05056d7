// Nuvemshop Create or Update through n8n's real engine against the emulator: the customer is found through the
// search (q) by an exact email match; created, updated by ID, or left unchanged with nothing sent; two customers with
// the same email are refused rather than guessed between.
import { useEmulator } from '../emulators/kit';
import { NUVEMSHOP_STORE_ID, NuvemshopEmulator } from '../emulators/nuvemshop';
import { nuvemshopRunner } from './setup';

const vendor = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));
const { run } = nuvemshopRunner(() => vendor.get(), { resource: 'customer', operation: 'upsert' });

const base = `/2025-03/${NUVEMSHOP_STORE_ID}`;
beforeEach(() => vendor.get().seed(5));

const writes = () => vendor.get().requests.filter((r) => r.method !== 'GET');
const searches = () =>
	vendor
		.get()
		.calls('listCustomers')
		.map((r) => new URLSearchParams(r.query).get('q'));

describe('Create or Update says what it did', () => {
	test('created: the search finds no customer with the email, then one create', async () => {
		const result = await run({
			name: 'Carla Dias',
			email: 'carla@example.com',
			additionalFields: { phone: '+55 11 98888-7777', send_email_invite: true },
			extra: { field: [{ key: 'origin', value: 'fair' }] },
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toEqual(['carla@example.com']);
		expect(JSON.parse(vendor.get().calls('createCustomer')[0].body)).toEqual({
			name: 'Carla Dias',
			email: 'carla@example.com',
			phone: '+55 11 98888-7777',
			send_email_invite: true,
			extra: { origin: 'fair' },
		});
		expect(result.items[0].json).toMatchObject({
			action: 'created',
			id: 1006,
			email: 'carla@example.com',
			extra: { origin: 'fair' },
		});
		expect(vendor.get().sideEffects('create')).toBe(1);
	});

	test('unchanged: the customer already holds every field set (email in another case), nothing is sent', async () => {
		vendor.get().customers.get(1001)!.extra = { origin: 'fair', size: 'M' };
		const result = await run({
			name: 'Cliente 1',
			email: 'CLIENTE1@Example.com.br',
			additionalFields: { phone: '+55 11 9000-0001', password: 'only-on-create' },
			extra: { field: [{ key: 'origin', value: 'fair' }] },
		});
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([]);
		expect(result.items[0].json).toMatchObject({
			action: 'unchanged',
			id: 1001,
			email: 'cliente1@example.com.br',
			extra: { origin: 'fair', size: 'M' },
		});
	});

	test('updated: a field that differs goes to the customer by its ID; password and invite are not sent', async () => {
		const result = await run({
			name: 'Cliente 2',
			email: 'cliente2@example.com.br',
			additionalFields: {
				billing_city: 'Recife',
				password: 'only-on-create',
				send_email_invite: true,
			},
			extra: { field: [{ key: 'origin', value: 'fair' }] },
		});
		expect(result.error).toBeUndefined();
		const [put] = vendor.get().calls('updateCustomer');
		expect(put.path).toBe(`${base}/customers/1002`);
		expect(JSON.parse(put.body)).toEqual({
			name: 'Cliente 2',
			email: 'cliente2@example.com.br',
			billing_city: 'Recife',
			extra: { origin: 'fair' },
		});
		expect(result.items[0].json).toMatchObject({
			action: 'updated',
			id: 1002,
			billing_city: 'Recife',
			extra: { origin: 'fair' },
		});
		expect(vendor.get().calls('createCustomer')).toHaveLength(0);
		expect(vendor.get().sideEffects('invite')).toBe(0);
	});

	test('only an exact email match counts: the search also finds a longer address, which is left alone', async () => {
		vendor.get().customers.get(1004)!.email = 'old.cliente1@example.com.br';
		const result = await run({
			name: 'Cliente Um',
			email: 'cliente1@example.com.br',
		});
		expect(result.items[0].json).toMatchObject({ action: 'updated', id: 1001, name: 'Cliente Um' });
		expect(vendor.get().customers.get(1004)!.name).toBe('Cliente 4');
	});

	test('two customers with the email: refused, naming them, and nothing is written', async () => {
		// a store can hold the same address twice, in another case (imported before Nuvemshop checked it)
		vendor.get().customers.get(1003)!.email = 'Cliente1@Example.com.br';
		const result = await run({ name: 'Cliente 1', email: 'cliente1@example.com.br' });
		expect(result.error?.message).toBe(
			'Parameter "Email" matches 2 customers of the store (IDs 1001, 1003): Create or Update does not guess which one to change. Merge them in Nuvemshop, or change one with Update and its Customer ID.',
		);
		expect(writes()).toEqual([]);
	});

	test('the search reads every page of matches before deciding', async () => {
		const emulator = vendor.get();
		// 250 customers whose name holds the searched text, and the one with the address on the second page
		for (let i = 0; i < 250; i++) {
			const c = {
				...emulator.customers.get(1005)!,
				id: 3000 + i,
				name: `cliente1@example.com.br fan ${i}`,
				email: `fan${i}@example.com`,
			};
			emulator.customers.set(c.id, c);
		}
		emulator.customers.get(1001)!.id = 9999;
		emulator.customers.set(9999, emulator.customers.get(1001)!);
		emulator.customers.delete(1001);
		const result = await run({ name: 'Cliente 1', email: 'cliente1@example.com.br' });
		expect(result.items[0].json).toMatchObject({ action: 'unchanged', id: 9999 });
		expect(emulator.calls('listCustomers')).toHaveLength(2);
	});

	test('the same workflow run twice creates each customer once; the second run reports every item unchanged', async () => {
		const input = [
			{ json: { name: 'Dora', email: 'dora@example.com' } },
			{ json: { name: 'Cliente 3', email: 'cliente3@example.com.br' } },
			{ json: { name: 'Enzo', email: 'enzo@example.com' } },
		];
		const parameters = { name: '={{ $json.name }}', email: '={{ $json.email }}' };
		const first = await run(parameters, { input });
		expect(first.items.map((i) => i.json.action)).toEqual(['created', 'unchanged', 'created']);
		const second = await run(parameters, { input });
		expect(second.items.map((i) => [i.pairedItem, i.json.action])).toEqual([
			[{ item: 0 }, 'unchanged'],
			[{ item: 1 }, 'unchanged'],
			[{ item: 2 }, 'unchanged'],
		]);
		expect(vendor.get().sideEffects('create')).toBe(2);
		expect(vendor.get().customers.size).toBe(7);
	});

	test('a missing name or a wrong email is refused before any request', async () => {
		const noName = await run({ name: '={{ "" }}', email: 'x@example.com' });
		expect(noName.error?.message).toBe(
			'Parameter "Name" is empty: enter a value or map one from the input',
		);
		const badEmail = await run({ name: 'X', email: 'x.example.com' });
		expect(badEmail.error?.message).toBe(
			'Parameter "Email" is not an email address: "x.example.com"',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});
});
