// Voucherify customer metadata from the project's metadata schema (GET /v1/metadata-schemas): the keys offered in the
// editor, values typed and checked by the schema before sending, unknown keys refused unless allowed, and readable in Get.
import { Voucherify } from '../../nodes/Voucherify/Voucherify.node';
import { useEmulator } from '../emulators/kit';
import { VOUCHERIFY_APP_ID, VOUCHERIFY_SECRET, VoucherifyEmulator } from '../emulators/voucherify';
import { loadOptions } from '../harness/harness';
import { voucherifyRunner } from './setup';

const vendor = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }));
// A request with a wrong metadata type sent on purpose, to see the emulator refuse it as Voucherify does.
const unlogged = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }).withoutContractLog());
const { credential, run } = voucherifyRunner(() => vendor.get(), {
	resource: 'customer',
	operation: 'upsert',
});

beforeEach(() => vendor.get().seed(3));

const entries = (pairs: Record<string, string>) => ({
	entry: Object.entries(pairs).map(([key, value]) => ({ key, value })),
});
const customerSchema = () =>
	vendor.get().metadataSchemas.find((s) => s.related_object === 'customer') as {
		properties: Record<string, Record<string, unknown>>;
		allow_defined_only: boolean;
	};

async function metadataKeys() {
	const c = credential();
	return await loadOptions({
		nodeType: new Voucherify(),
		method: 'getCustomerMetadataKeys',
		parameters: { resource: 'customer', operation: 'upsert' },
		credentials: { voucherifyApi: c.id },
		credentialsHelper: c.helper,
	});
}

describe('the Metadata key dropdown', () => {
	test("lists the project's customer metadata keys with their types, without deleted keys or other objects' keys", async () => {
		const options = await metadataKeys();
		expect(vendor.get().calls('list-metadata-schemas')).toHaveLength(1);
		expect(options.map((o) => o.value)).toEqual([
			'acquisition_channel',
			'avatar_url',
			'birthday',
			'customer_location',
			'favorite_brands',
			'last_order_at',
			'newsletter',
			'opt_in',
			'orders',
			'preferences',
			'redeemables',
			'score',
			'segment',
			'tier',
			'vip',
		]);
		const described = Object.fromEntries(options.map((o) => [o.value, o.description]));
		expect(described).toMatchObject({
			orders: 'a number',
			newsletter: 'true or false',
			birthday: 'a date (YYYY-MM-DD)',
			last_order_at: 'a date-time (ISO 8601)',
			preferences: 'an object',
			favorite_brands: 'a list of text',
			acquisition_channel: 'text: one of "Facebook", "Twitter", "Website"',
		});
	});

	test('follows the schema as the project changes it', async () => {
		customerSchema().properties.loyalty_level = { type: 'number', array: false, optional: true };
		customerSchema().properties.vip.deleted = true;
		const keys = (await metadataKeys()).map((o) => o.value);
		expect(keys).toContain('loyalty_level');
		expect(keys).not.toContain('vip');
	});
});

describe('values are typed and checked by the schema before sending', () => {
	test("each entry is sent in its key's type: numbers, booleans, lists, dates, date-times, objects; text stays text", async () => {
		const result = await run(
			{
				sourceId: 'typed-1',
				metadata: entries({
					orders: '12',
					newsletter: 'TRUE',
					tier: '12',
					favorite_brands: 'Nike, Reebok',
					birthday: '1990-05-17T00:00:00',
					last_order_at: '2024-03-01 10:00',
					preferences: '{"size": "M"}',
					acquisition_channel: 'Website',
					vip: 'null',
				}),
			},
			{ timezone: 'Europe/Warsaw' },
		);
		expect(result.error).toBeUndefined();
		expect(JSON.parse(vendor.get().calls('create-customer')[0].body).metadata).toEqual({
			orders: 12,
			newsletter: true,
			tier: '12',
			favorite_brands: ['Nike', 'Reebok'],
			birthday: '1990-05-17',
			last_order_at: '2024-03-01T10:00:00+01:00',
			preferences: { size: 'M' },
			acquisition_channel: 'Website',
			vip: null,
		});
		expect(result.items[0].json).toMatchObject({ action: 'created' });
	});

	test.each([
		[
			'a number that is not one',
			{ orders: 'many' },
			'Parameter "Metadata" has "orders" = "many", but the project\'s metadata schema says "orders" must be a number',
		],
		[
			'a boolean that is not one',
			{ newsletter: 'yes' },
			'Parameter "Metadata" has "newsletter" = "yes", but the project\'s metadata schema says "newsletter" must be true or false',
		],
		[
			'a date that does not exist',
			{ birthday: '2024-02-30' },
			'Parameter "Metadata" has "birthday" = "2024-02-30", but the project\'s metadata schema says "birthday" must be a date (YYYY-MM-DD)',
		],
		[
			'a value outside the allowed ones',
			{ acquisition_channel: 'TikTok' },
			'Parameter "Metadata" has "acquisition_channel" = "TikTok", but the project\'s metadata schema says "acquisition_channel" must be one of "Facebook", "Twitter", "Website"',
		],
		[
			'an object that is not one',
			{ preferences: 'size M' },
			'Parameter "Metadata" has "preferences" = "size M", but the project\'s metadata schema says "preferences" must be an object',
		],
	])('%s is refused before anything is sent', async (_name, pairs, message) => {
		const result = await run({ sourceId: 'typed-2', metadata: entries(pairs) });
		expect(result.error?.message).toBe(message);
		expect(vendor.get().calls('get-customer')).toHaveLength(0);
		expect(vendor.get().calls('create-customer')).toHaveLength(0);
	});

	test('metadata in JSON Fields is checked as it is written (a string is not a boolean)', async () => {
		const result = await run({ sourceId: 'typed-3', jsonFields: '{"metadata": {"vip": "yes"}}' });
		expect(result.error?.message).toBe(
			'Parameter "Metadata" has "vip" = "yes", but the project\'s metadata schema says "vip" must be true or false',
		);
		expect(vendor.get().calls('create-customer')).toHaveLength(0);
	});

	test('Update checks the same way; a right type goes through', async () => {
		const wrong = await run({
			operation: 'update',
			customerId: 'src-1',
			metadata: entries({ score: 'high' }),
		});
		expect(wrong.error?.message).toMatch(/^Parameter "Metadata" has "score" = "high"/);
		expect(vendor.get().calls('update-customer')).toHaveLength(0);
		const right = await run({
			operation: 'update',
			customerId: 'src-1',
			metadata: entries({ score: '7.5' }),
		});
		expect(right.error).toBeUndefined();
		expect(JSON.parse(vendor.get().calls('update-customer')[0].body)).toEqual({
			metadata: { score: 7.5 },
		});
	});

	test('the schema is read once per execution, for all items', async () => {
		const input = [1, 2, 3].map((n) => ({ json: { n } }));
		const result = await run(
			{ sourceId: '=item-{{ $json.n }}', metadata: entries({ orders: '={{ $json.n }}' }) },
			{ input },
		);
		expect(result.items.map((i) => i.json.metadata)).toEqual([
			{ orders: 1 },
			{ orders: 2 },
			{ orders: 3 },
		]);
		expect(vendor.get().calls('list-metadata-schemas')).toHaveLength(1);
	});

	test('the emulator itself refuses a wrong type on a customer write, as Voucherify does', async () => {
		const answer = await fetch(`${unlogged.get().baseUrl}/v1/customers`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-app-id': VOUCHERIFY_APP_ID,
				'x-app-token': VOUCHERIFY_SECRET,
			},
			body: JSON.stringify({ source_id: 'raw', metadata: { orders: 'many' } }),
		});
		expect(answer.status).toBe(400);
		expect(await answer.json()).toMatchObject({
			key: 'invalid_customer',
			details: 'metadata.orders must be number',
		});
	});
});

describe('keys the schema does not define', () => {
	test('are refused before sending, naming them', async () => {
		const result = await run({
			sourceId: 'unknown-1',
			metadata: entries({ tier: 'gold', shoe_size: '42', pet: 'cat' }),
		});
		expect(result.error?.message).toMatch(
			/^Parameter "Metadata" has keys the project's customer metadata schema does not define: "shoe_size", "pet" \(keys it defines: acquisition_channel, .*\); pick a key from the list, or turn on "Allow Keys Not in Schema" to send them anyway$/,
		);
		expect(vendor.get().calls('get-customer')).toHaveLength(0);
		expect(vendor.get().calls('create-customer')).toHaveLength(0);
	});

	test('are sent when the user allows them (typed as written); defined keys are still checked', async () => {
		const allowed = await run({
			sourceId: 'unknown-2',
			metadata: entries({ tier: 'gold', shoe_size: '42' }),
			allowUnknownMetadata: true,
		});
		expect(allowed.error).toBeUndefined();
		expect(JSON.parse(vendor.get().calls('create-customer')[0].body).metadata).toEqual({
			tier: 'gold',
			shoe_size: 42,
		});
		expect(vendor.get().find('unknown-2')?.metadata).toEqual({ tier: 'gold', shoe_size: 42 });
		const wrongType = await run({
			sourceId: 'unknown-3',
			metadata: entries({ orders: 'x', shoe_size: '42' }),
			allowUnknownMetadata: true,
		});
		expect(wrongType.error?.message).toMatch(/^Parameter "Metadata" has "orders" = "x"/);
	});

	test('are refused even when allowed if the schema allows only its own keys', async () => {
		customerSchema().allow_defined_only = true;
		const result = await run({
			sourceId: 'unknown-4',
			metadata: entries({ shoe_size: '42' }),
			allowUnknownMetadata: true,
		});
		expect(result.error?.message).toMatch(
			/^Parameter "Metadata" has a key the project's customer metadata schema does not define: "shoe_size", and the schema allows only its own keys, so Voucherify would refuse it/,
		);
		expect(vendor.get().calls('create-customer')).toHaveLength(0);
	});

	test('a project without a customer metadata schema gets no check: values typed as written', async () => {
		vendor.get().metadataSchemas = vendor
			.get()
			.metadataSchemas.filter((s) => s.related_object !== 'customer');
		const result = await run({ sourceId: 'free-1', metadata: entries({ anything: 'true' }) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ metadata: { anything: true } });
	});
});

test('Get outputs the metadata Voucherify holds', async () => {
	vendor.get().find('src-1')!.metadata = { tier: 'silver', orders: 3 };
	const result = await run({ operation: 'get', customerId: 'src-1', simplify: false });
	expect(result.items[0].json).toMatchObject({ metadata: { tier: 'silver', orders: 3 } });
});
