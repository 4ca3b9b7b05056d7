// Nuvemshop custom fields: the customer's `extra` object as key/value pairs on Update and Create or Update (Create is
// in nuvemshop.test.ts), and readable in the Get and Get Many output.
import { useEmulator } from '../emulators/kit';
import { NuvemshopEmulator } from '../emulators/nuvemshop';
import { nuvemshopRunner } from './setup';

const vendor = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));
const { run } = nuvemshopRunner(() => vendor.get(), { resource: 'customer' });

beforeEach(() => vendor.get().seed(3));

const extra = (pairs: Record<string, string>) => ({
	field: Object.entries(pairs).map(([key, value]) => ({ key, value })),
});

test('Update sends only the extra keys given; the store keeps its others', async () => {
	vendor.get().customers.get(1001)!.extra = { gender: 'female', number_of_children: '2' };
	const result = await run({
		operation: 'update',
		customerId: '1001',
		extra: extra({ number_of_children: '3', newsletter: 'yes' }),
	});
	expect(result.error).toBeUndefined();
	expect(JSON.parse(vendor.get().calls('updateCustomer')[0].body)).toEqual({
		extra: { number_of_children: '3', newsletter: 'yes' },
	});
	expect(result.items[0].json.extra).toEqual({
		gender: 'female',
		number_of_children: '3',
		newsletter: 'yes',
	});
});

test('Create or Update compares only the extra keys given', async () => {
	vendor.get().customers.get(1002)!.extra = { gender: 'male', number_of_children: '2' };
	const same = await run({
		operation: 'upsert',
		name: 'Cliente 2',
		email: 'cliente2@example.com.br',
		extra: extra({ number_of_children: '2' }),
	});
	expect(same.items[0].json).toMatchObject({ action: 'unchanged' });
	const other = await run({
		operation: 'upsert',
		name: 'Cliente 2',
		email: 'cliente2@example.com.br',
		extra: extra({ number_of_children: '4' }),
	});
	expect(other.items[0].json).toMatchObject({
		action: 'updated',
		extra: { gender: 'male', number_of_children: '4' },
	});
	expect(vendor.get().calls('updateCustomer')).toHaveLength(1);
});

test('a value without a key is refused before any request; a blank row is ignored', async () => {
	const result = await run({
		operation: 'update',
		customerId: '1001',
		extra: { field: [{ key: ' ', value: 'lost' }] },
	});
	expect(result.error?.message).toBe(
		'Parameter "Custom Fields (Extra)" has a value without a key ("lost"): enter the key to store it under',
	);
	expect(vendor.get().requests).toHaveLength(0);
	const blank = await run({
		operation: 'update',
		customerId: '1001',
		updateFields: { note: 'hello' },
		extra: { field: [{ key: '', value: '' }] },
	});
	expect(JSON.parse(vendor.get().calls('updateCustomer')[0].body)).toEqual({ note: 'hello' });
	expect(blank.error).toBeUndefined();
});

test('Get and Get Many output the extra object', async () => {
	vendor.get().customers.get(1003)!.extra = { gender: 'female' };
	const one = await run({ operation: 'get', customerId: '1003', simplify: false });
	expect(one.items[0].json.extra).toEqual({ gender: 'female' });
	const many = await run({ operation: 'getAll', returnAll: true, simplify: false });
	expect(many.items.find((i) => i.json.id === 1003)?.json.extra).toEqual({ gender: 'female' });
});
