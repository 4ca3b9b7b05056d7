// Voucherify Create or Update through n8n's real engine against the emulator: it reads the customer by source ID
// first and says what it did (created, updated, unchanged); unchanged sends no write; a workflow run twice creates once.
import { useEmulator } from '../emulators/kit';
import { VoucherifyEmulator } from '../emulators/voucherify';
import { voucherifyRunner } from './setup';

const vendor = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }));
const { run } = voucherifyRunner(() => vendor.get(), { resource: 'customer', operation: 'upsert' });

beforeEach(() => vendor.get().seed(3));

/** The write requests the emulator received (reads are free to happen). */
const writes = () => vendor.get().requests.filter((r) => r.method !== 'GET');

const ada = {
	sourceId: 'shop-ada',
	customerFields: {
		name: 'Ada Lovelace',
		email: 'Ada@Example.com',
		birthdate: '1815-12-10',
		address: { city: 'London', country: 'GB' },
	},
	metadata: {
		entry: [
			{ key: 'tier', value: 'gold' },
			{ key: 'orders', value: '12' },
			{ key: 'last_order_at', value: '2024-03-01T10:00:00+02:00' },
		],
	},
};

describe('Create or Update says what it did', () => {
	test('created: the lookup by source ID finds nobody (404), then one POST creates', async () => {
		const result = await run(ada);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			action: 'created',
			source_id: 'shop-ada',
			name: 'Ada Lovelace',
			metadata: { tier: 'gold', orders: 12 },
		});
		const [lookup] = vendor.get().calls('get-customer');
		expect(lookup.path).toBe('/v1/customers/shop-ada');
		expect(lookup.status).toBe(404);
		expect(vendor.get().calls('create-customer')).toHaveLength(1);
		expect(vendor.get().sideEffects('create')).toBe(1);
	});

	test('unchanged: nothing the user set differs (email case, a date-time in another offset), so nothing is sent', async () => {
		await run(ada);
		vendor.get().reset();
		const again = await run({
			...ada,
			customerFields: { ...ada.customerFields, email: ' ada@example.COM' },
			metadata: {
				entry: [
					{ key: 'tier', value: 'gold' },
					{ key: 'orders', value: '12' },
					// the same instant as 10:00 at +02:00
					{ key: 'last_order_at', value: '2024-03-01T08:00:00Z' },
				],
			},
		});
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({
			action: 'unchanged',
			source_id: 'shop-ada',
			name: 'Ada Lovelace',
			email: 'Ada@Example.com',
		});
		expect(writes()).toEqual([]);
		expect(vendor.get().calls('get-customer')).toHaveLength(1);
		expect(vendor.get().sideEffects('update')).toBe(0);
		expect(vendor.get().find('shop-ada')?.updated_at).toBeNull();
	});

	test('updated: only a field that differs makes it send; fields not set are not compared', async () => {
		await run(ada);
		vendor.get().reset();
		const changed = await run({
			sourceId: 'shop-ada',
			customerFields: { name: 'Ada King', address: { city: 'London' } },
		});
		expect(changed.items[0].json).toMatchObject({
			action: 'updated',
			name: 'Ada King',
			email: 'Ada@Example.com',
		});
		const [sent] = vendor.get().calls('create-customer');
		expect(JSON.parse(sent.body)).toEqual({
			name: 'Ada King',
			address: { city: 'London' },
			source_id: 'shop-ada',
		});
		expect(vendor.get().sideEffects('update')).toBe(1);
		expect(vendor.get().sideEffects('create')).toBe(0);

		vendor.get().reset();
		// a metadata value that differs is a change too
		const metadata = await run({
			sourceId: 'shop-ada',
			metadata: { entry: [{ key: 'orders', value: '13' }] },
		});
		expect(metadata.items[0].json).toMatchObject({
			action: 'updated',
			metadata: { tier: 'gold', orders: 13 },
		});
		expect(vendor.get().calls('create-customer')).toHaveLength(1);
	});

	test('a customer seeded by another system (source ID src-2) is updated, not created again', async () => {
		const result = await run({ sourceId: 'src-2', customerFields: { phone: '+48 600 000 002' } });
		expect(result.items[0].json).toMatchObject({
			action: 'updated',
			source_id: 'src-2',
			name: 'Customer 2',
			phone: '+48 600 000 002',
		});
		expect(vendor.get().customers.size).toBe(3);
	});

	test('without a source ID there is nothing to look up: every run creates', async () => {
		const result = await run({ customerFields: { name: 'No Key' } });
		expect(result.items[0].json).toMatchObject({ action: 'created', name: 'No Key' });
		expect(vendor.get().calls('get-customer')).toHaveLength(0);
		expect(vendor.get().calls('create-customer')).toHaveLength(1);
	});

	test('a source ID that cannot name a customer in a URL is refused before any request', async () => {
		const result = await run({ sourceId: '..', customerFields: { name: 'Dots' } });
		expect(result.error?.message).toBe(
			'Parameter "Source ID" cannot be "..": URL parsing turns it into another path, so it cannot name a record',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('the same workflow run twice creates each customer once; the second run reports every item unchanged', async () => {
		const input = ['a', 'b', 'c'].map((n) => ({
			json: { id: `shop-${n}`, email: `${n}@example.com`, name: `Customer ${n.toUpperCase()}` },
		}));
		const parameters = {
			sourceId: '={{ $json.id }}',
			customerFields: { name: '={{ $json.name }}', email: '={{ $json.email }}' },
		};
		const first = await run(parameters, { input });
		expect(first.items.map((i) => i.json.action)).toEqual(['created', 'created', 'created']);
		const second = await run(parameters, { input });
		expect(second.items.map((i) => [i.pairedItem, i.json.action, i.json.source_id])).toEqual([
			[{ item: 0 }, 'unchanged', 'shop-a'],
			[{ item: 1 }, 'unchanged', 'shop-b'],
			[{ item: 2 }, 'unchanged', 'shop-c'],
		]);
		expect(vendor.get().sideEffects('create')).toBe(3);
		expect(vendor.get().calls('create-customer')).toHaveLength(3);
		const sourceIds = [...vendor.get().customers.values()].map((c) => c.source_id);
		expect(sourceIds.filter((id) => id?.startsWith('shop-')).sort()).toEqual([
			'shop-a',
			'shop-b',
			'shop-c',
		]);
	});
});
