// UltraCart Create or Update through n8n's real engine against the emulator: found by email (by_email; 404 = new),
// created, updated by oid (lists merged into the customer's own) or left unchanged with nothing sent.
import { useEmulator } from '../emulators/kit';
import { UltraCartEmulator } from '../emulators/ultracart';
import { ultraCartRunner } from './setup';

const vendor = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }));
const { run } = ultraCartRunner(() => vendor.get(), { resource: 'customer', operation: 'upsert' });

beforeEach(() => vendor.get().seed(5));

const writes = () => vendor.get().requests.filter((r) => r.method !== 'GET');
const body = (operation: string, index = 0) =>
	JSON.parse(vendor.get().calls(operation)[index].body) as Record<string, unknown>;
const query = (operation: string, index = 0) =>
	Object.fromEntries(new URLSearchParams(vendor.get().calls(operation)[index].query));

describe('Create or Update says what it did', () => {
	test('created: the by-email lookup answers 404, then one insert with every field', async () => {
		const result = await run({
			email: 'nina.park@example.com',
			additionalFields: { billing: { first_name: 'Nina', city: 'Reno' }, tags: 'vip' },
			properties: { property: [{ name: 'source', value: 'nuvemshop' }] },
		});
		expect(result.error).toBeUndefined();
		const [lookup] = vendor.get().calls('get_customer_by_email');
		expect(lookup.path).toBe('/rest/v2/customer/customers/by_email/nina.park%40example.com');
		expect(lookup.status).toBe(404);
		// the lookup asks for the parts it compares
		expect(query('get_customer_by_email')._expand.split(',').sort()).toEqual([
			'billing',
			'properties',
			'tags',
		]);
		expect(body('insert_customer')).toEqual({
			email: 'nina.park@example.com',
			billing: [{ first_name: 'Nina', city: 'Reno', default_billing: true }],
			tags: [{ tag_value: 'vip' }],
			properties: [{ name: 'source', value: 'nuvemshop' }],
		});
		expect(result.items[0].json).toMatchObject({
			action: 'created',
			email: 'nina.park@example.com',
			customer_profile_oid: 1006,
		});
		expect(vendor.get().sideEffects('insert')).toBe(1);
	});

	test('unchanged: every field set is what UltraCart holds (email case, tag order), nothing is sent', async () => {
		vendor.get().customers.get(1001)!.tags = [{ tag_value: 'wholesale' }, { tag_value: 'vip' }];
		const result = await run({
			email: 'BUYER1@example.com',
			additionalFields: {
				billing: { first_name: 'Buyer', city: 'Denver' },
				tags: 'vip, wholesale',
			},
		});
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([]);
		expect(result.items[0].json).toMatchObject({
			action: 'unchanged',
			customer_profile_oid: 1001,
			email: 'buyer1@example.com',
		});
		// only the parts Include asks for, as Get would give them
		expect(result.items[0].json.billing).toBeUndefined();
		const withBilling = await run({
			email: 'buyer1@example.com',
			additionalFields: { billing: { city: 'Denver' } },
			expand: ['billing'],
		});
		expect(withBilling.items[0].json).toMatchObject({
			action: 'unchanged',
			billing: [expect.objectContaining({ city: 'Denver', last_name: '1' })],
		});
		expect(withBilling.items[0].json.tags).toBeUndefined();
		expect(writes()).toEqual([]);
	});

	test('updated: a field that differs goes to the customer by its oid, merged into its default address', async () => {
		const result = await run({
			email: 'buyer2@example.com',
			additionalFields: { billing: { city: 'Houston' }, tags: 'retail' },
			expand: ['billing'],
		});
		expect(result.error).toBeUndefined();
		const [put] = vendor.get().calls('update_customer');
		expect(put.path).toBe('/rest/v2/customer/customers/1002');
		expect(query('update_customer')).toEqual({ _expand: 'billing' });
		expect(body('update_customer')).toEqual({
			email: 'buyer2@example.com',
			billing: [
				expect.objectContaining({
					first_name: 'Buyer',
					last_name: '2',
					city: 'Houston',
					state_region: 'TX',
					customer_billing_oid: expect.any(Number),
				}),
			],
			tags: [{ tag_value: 'retail' }],
			customer_profile_oid: 1002,
		});
		expect(result.items[0].json).toMatchObject({
			action: 'updated',
			customer_profile_oid: 1002,
			billing: [expect.objectContaining({ city: 'Houston', last_name: '2' })],
		});
		expect(vendor.get().calls('insert_customer')).toHaveLength(0);
		expect(vendor.get().sideEffects('update')).toBe(1);
	});

	test('a password cannot be read back: it is set when the customer is created, and alone changes nothing', async () => {
		const result = await run({
			email: 'buyer3@example.com',
			additionalFields: { password: 'n3w-pass' },
		});
		expect(result.items[0].json).toMatchObject({ action: 'unchanged' });
		expect(writes()).toEqual([]);
		const created = await run({
			email: 'fresh@example.com',
			additionalFields: { password: 'n3w-pass' },
		});
		expect(created.items[0].json).toMatchObject({ action: 'created' });
		expect(body('insert_customer')).toEqual({ email: 'fresh@example.com', password: 'n3w-pass' });
	});

	test('a property expiration compares as a date: the same instant in another offset is unchanged', async () => {
		const expiring = (expiration_dts: string) => ({
			email: 'buyer4@example.com',
			properties: { property: [{ name: 'trial', value: 'yes', expiration_dts }] },
		});
		const first = await run(expiring('2030-01-01T00:00:00Z'));
		expect(first.items[0].json).toMatchObject({ action: 'updated' });
		const second = await run(expiring('2030-01-01T01:00:00+01:00'));
		expect(second.items[0].json).toMatchObject({ action: 'unchanged' });
		const third = await run(expiring('2030-01-02T00:00:00Z'));
		expect(third.items[0].json).toMatchObject({ action: 'updated' });
		expect(vendor.get().calls('update_customer')).toHaveLength(2);
	});

	test('the same workflow run twice creates each customer once; the second run reports every item unchanged', async () => {
		const input = [
			{ json: { email: 'one@example.com', first: 'One' } },
			{ json: { email: 'buyer5@example.com', first: 'Five' } },
			{ json: { email: 'two@example.com', first: 'Two' } },
		];
		const parameters = {
			email: '={{ $json.email }}',
			additionalFields: { billing: { first_name: '={{ $json.first }}' } },
		};
		const first = await run(parameters, { input });
		expect(first.items.map((i) => i.json.action)).toEqual(['created', 'updated', 'created']);
		const second = await run(parameters, { input });
		expect(second.items.map((i) => [i.pairedItem, i.json.action])).toEqual([
			[{ item: 0 }, 'unchanged'],
			[{ item: 1 }, 'unchanged'],
			[{ item: 2 }, 'unchanged'],
		]);
		expect(vendor.get().sideEffects('insert')).toBe(2);
		const emails = [...vendor.get().customers.values()].map((c) => c.email);
		expect(emails).toHaveLength(new Set(emails).size);
		expect(emails).toHaveLength(7);
	});

	test('an email that is not an address is refused before any request', async () => {
		const result = await run({ email: 'not-an-email' });
		expect(result.error?.message).toBe('Parameter "Email" is not an email address: "not-an-email"');
		expect(vendor.get().requests).toHaveLength(0);
	});
});
