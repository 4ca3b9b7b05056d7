// Voucherify through n8n's real engine against the emulator.
import { VoucherifyApi } from '../../credentials/VoucherifyApi.credentials';
import { VoucherifyTrigger } from '../../nodes/Voucherify/VoucherifyTrigger.node';
import { chunkBySize } from '../../nodes/Voucherify/actions/customer/updateMany.operation';
import { voucherifyTransport } from '../../nodes/Voucherify/transport';
import { TokenBucket } from '../../nodes/shared/pacing';
import { useEmulator } from '../emulators/kit';
import { VOUCHERIFY_APP_ID, VOUCHERIFY_SECRET, VoucherifyEmulator } from '../emulators/voucherify';
import { everyString, pollingTrigger, testCredential, type SourceItem } from '../harness/harness';
import { voucherifyRunner } from './setup';

const vendor = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }));
// Requests sent with wrong keys on purpose go here, outside the contract log the checker judges.
const unlogged = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }).withoutContractLog());
// these tests read the vendor's full object: Simplify (on by default from version 1.1) is tested in simplify.test.ts
const { credential, run } = voucherifyRunner(() => vendor.get(), {
	resource: 'customer',
	simplify: false,
});

const fastWait = { waitForCompletion: true, pollIntervalSeconds: 0.1, maxWaitSeconds: 10 };

beforeEach(() => vendor.get().seed(5));

describe('customer', () => {
	test('Create or Update creates with every field, then updates the same source ID', async () => {
		const parameters = {
			operation: 'upsert',
			sourceId: 'shop-42',
			customerFields: {
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				phone: '+44 20 7946 0000',
				birthdate: '1815-12-10T00:00:00.000Z',
				description: 'first programmer',
				address: { line_1: '12 St James Sq', city: 'London', postal_code: 'SW1Y', country: 'GB' },
			},
			metadata: {
				entry: [
					{ key: 'tier', value: 'gold' },
					{ key: 'orders', value: '12' },
					{ key: 'newsletter', value: 'true' },
				],
			},
		};
		const created = await run(parameters);
		expect(created.error).toBeUndefined();
		const [sent] = vendor.get().calls('create-customer');
		expect(sent.headers['x-app-id']).toBe(VOUCHERIFY_APP_ID);
		expect(sent.headers['x-app-token']).toBe(VOUCHERIFY_SECRET);
		expect(sent.headers['x-voucherify-channel']).toBe('n8n-test');
		expect(JSON.parse(sent.body)).toEqual({
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			phone: '+44 20 7946 0000',
			birthdate: '1815-12-10',
			description: 'first programmer',
			address: { line_1: '12 St James Sq', city: 'London', postal_code: 'SW1Y', country: 'GB' },
			metadata: { tier: 'gold', orders: 12, newsletter: true },
			source_id: 'shop-42',
		});
		expect(created.items[0].json).toMatchObject({
			source_id: 'shop-42',
			name: 'Ada Lovelace',
			object: 'customer',
		});

		const updated = await run({
			...parameters,
			customerFields: { name: 'Ada King' },
			metadata: {},
		});
		expect(updated.items[0].json).toMatchObject({
			id: created.items[0].json.id,
			name: 'Ada King',
			email: 'ada@example.com',
		});
		expect(vendor.get().sideEffects('create')).toBe(1);
		expect(vendor.get().sideEffects('update')).toBe(1);
	});

	test('a keyless create that breaks after Voucherify acted is not repeated; a keyed upsert is', async () => {
		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'create-customer' });
		const keyless = await run({ operation: 'upsert', customerFields: { name: 'No Key' } });
		expect(keyless.status).toBe('error');
		expect(vendor.get().calls('create-customer')).toHaveLength(1);
		expect(vendor.get().sideEffects('create')).toBe(1);

		vendor.get().reset();
		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'create-customer' });
		const keyed = await run({
			operation: 'upsert',
			sourceId: 'keyed-1',
			customerFields: { name: 'Keyed' },
		});
		expect(keyed.error).toBeUndefined();
		expect(vendor.get().calls('create-customer')).toHaveLength(2);
		expect(vendor.get().sideEffects('create')).toBe(1);
	});

	test('an invalid email is refused before any request', async () => {
		const result = await run({
			operation: 'upsert',
			sourceId: 'x',
			customerFields: { email: 'not-an-email' },
		});
		expect(result.error?.message).toBe('Parameter "Email" is not an email address: "not-an-email"');
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('get by source ID; an unknown one gives the vendor message', async () => {
		const found = await run({ operation: 'get', customerId: 'src-3' });
		expect(found.items[0].json).toMatchObject({ source_id: 'src-3', name: 'Customer 3' });
		const missing = await run({ operation: 'get', customerId: 'nobody/../x' });
		expect(vendor.get().calls('get-customer')[1].path).toBe('/v1/customers/nobody%2F..%2Fx');
		expect(missing.error?.message).toBe('Voucherify: Cannot find customer with id nobody/../x');
		expect(missing.error?.description).toMatch(/Code: not_found/);
	});

	test('update sends only the changed fields; source_id cannot be changed', async () => {
		const result = await run({
			operation: 'update',
			customerId: 'src-1',
			updateFields: { city: undefined, phone: '+48 600 000 000' },
			jsonFields: '{"metadata": {"score": 5}}',
		});
		expect(result.error).toBeUndefined();
		expect(JSON.parse(vendor.get().calls('update-customer')[0].body)).toEqual({
			phone: '+48 600 000 000',
			metadata: { score: 5 },
		});
		expect(result.items[0].json).toMatchObject({
			phone: '+48 600 000 000',
			metadata: { score: 5 },
		});
		const refused = await run({
			operation: 'update',
			customerId: 'src-1',
			jsonFields: '{"source_id": "new"}',
		});
		expect(refused.error?.message).toBe(
			'Parameter "JSON Fields" cannot change id or source_id: Voucherify keeps them fixed',
		);
	});

	test('delete and delete permanently', async () => {
		const deleted = await run({ operation: 'delete', customerId: 'src-1' });
		expect(deleted.items[0].json).toEqual({ id: 'src-1', deleted: true });
		expect(vendor.get().calls('delete-customer')[0].status).toBe(204);
		const erased = await run({ operation: 'deletePermanently', customerId: 'src-2' });
		expect(erased.items[0].json).toMatchObject({
			related_object: 'customer',
			status: 'DONE',
			object: 'pernament_deletion',
		});
		expect(vendor.get().find('src-2')).toBeUndefined();
	});
});

describe('lists', () => {
	test('Get Many: Return All continues past page 99 with the starting_after cursor', async () => {
		vendor.get().seed(9950);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(9950);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(9950);
		const calls = vendor
			.get()
			.calls('list-customers')
			.map((r) => Object.fromEntries(new URLSearchParams(r.query)));
		expect(calls).toHaveLength(100);
		expect(calls[98]).toEqual({ limit: '100', page: '99' });
		expect(calls[99]).toMatchObject({
			limit: '100',
			page: '1',
			starting_after: result.items[9899].json.created_at,
		});
	}, 120_000);

	test('Get Many: every filter and the sort are sent, and Limit is respected', async () => {
		const result = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			order: 'created_at',
			filters: {
				city: 'Warsaw',
				email: 'customer1@example.com',
				name: 'Customer 1',
				segment_id: 'seg_x',
				'created_at[after]': '2025-01-01T00:00:00Z',
				'created_at[before]': '2027-01-01T00:00:00Z',
				'updated_at[after]': '2025-01-01T00:00:00Z',
				'updated_at[before]': '2027-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		const query = Object.fromEntries(
			new URLSearchParams(vendor.get().calls('list-customers')[0].query),
		);
		expect(query).toEqual({
			city: 'Warsaw',
			email: 'customer1@example.com',
			name: 'Customer 1',
			segment_id: 'seg_x',
			'created_at[after]': '2025-01-01T00:00:00Z',
			'created_at[before]': '2027-01-01T00:00:00Z',
			'updated_at[after]': '2025-01-01T00:00:00Z',
			'updated_at[before]': '2027-01-01T00:00:00Z',
			order: 'created_at',
			limit: '2',
			page: '1',
		});
		const limited = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			order: 'created_at',
		});
		expect(limited.items.map((i) => i.json.source_id)).toEqual(['src-1', 'src-2', 'src-3']);
	});

	test('Get Many with a Limit that is not a whole number of pages returns exactly that many, each once', async () => {
		vendor.get().seed(400);
		const result = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 250,
			order: 'created_at',
		});
		expect(result.items.map((i) => i.json.source_id)).toEqual(
			Array.from({ length: 250 }, (_, i) => `src-${i + 1}`),
		);
		const calls = vendor
			.get()
			.calls('list-customers')
			.map((r) => Object.fromEntries(new URLSearchParams(r.query)));
		expect(calls.map((q) => [q.page, q.limit])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	test('Get Activity pages with starting_after_id and applies the filters', async () => {
		for (let i = 0; i < 4; i++)
			await run({
				operation: 'update',
				customerId: 'src-1',
				updateFields: { description: `v${i}` },
			});
		vendor.get().reset();
		const result = await run({
			operation: 'getActivity',
			customerId: 'src-1',
			returnAll: true,
			order: 'created_at',
			filters: { category: 'ACTION', start_date: '2025-01-01T00:00:00Z' },
		});
		expect(result.items.map((i) => i.json.type)).toEqual([
			'customer.created',
			'customer.updated',
			'customer.updated',
			'customer.updated',
			'customer.updated',
		]);
		const limited = await run({
			operation: 'getActivity',
			customerId: 'src-1',
			returnAll: false,
			limit: 2,
			order: 'created_at',
		});
		expect(limited.items).toHaveLength(2);
		const queries = vendor
			.get()
			.calls('list-customer-activity')
			.map((r) => Object.fromEntries(new URLSearchParams(r.query)));
		expect(queries[0]).toEqual({
			category: 'ACTION',
			start_date: '2025-01-01T00:00:00Z',
			order: 'created_at',
			limit: '100',
		});
	});

	test('Get Activity past one page follows more_starting_after', async () => {
		const customer = vendor.get().customers.get([...vendor.get().customers.keys()][1])!;
		const events = vendor.get().activities.get(customer.id)!;
		for (let i = 1; i <= 149; i++)
			events.push({
				...events[0],
				id: `evcus_extra_${String(i).padStart(3, '0')}`,
				type: 'customer.updated',
				created_at: new Date(Date.parse(events[0].created_at) + i * 1000).toISOString(),
			});
		vendor.get().reset();
		const result = await run({
			operation: 'getActivity',
			customerId: customer.source_id,
			returnAll: true,
			order: 'created_at',
		});
		expect(result.items).toHaveLength(150);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(150);
		const queries = vendor
			.get()
			.calls('list-customer-activity')
			.map((r) => Object.fromEntries(new URLSearchParams(r.query)));
		expect(queries).toEqual([
			{ order: 'created_at', limit: '100' },
			{ order: 'created_at', limit: '100', starting_after_id: result.items[99].json.id },
		]);
		const limited = await run({
			operation: 'getActivity',
			customerId: customer.source_id,
			returnAll: false,
			limit: 120,
			order: 'created_at',
		});
		expect(limited.items.map((i) => i.json.id)).toEqual(
			result.items.slice(0, 120).map((i) => i.json.id),
		);
	});

	test('Get Activities (deprecated) lists the same events', async () => {
		const result = await run({
			operation: 'getActivities',
			customerId: 'src-3',
			returnAll: true,
			filters: { campaign_type: 'PROMOTION', product_id: 'prod_1' },
		});
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('list-customer-activities')[0].query).toBe(
			'campaign_type=PROMOTION&product_id=prod_1&order=-created_at&limit=100',
		);
	});

	test('Get Redeemables sends deepObject filters and follows the cursor', async () => {
		vendor.get().find('src-4')!.metadata.redeemables = 150;
		const result = await run({
			operation: 'getRedeemables',
			customerId: 'src-4',
			returnAll: true,
			filters: '{"redeemable_object": {"conditions": {"$is": "voucher"}}}',
		});
		expect(result.items).toHaveLength(150);
		const calls = vendor.get().calls('list-customer-redeemables');
		expect(calls).toHaveLength(2);
		expect(decodeURIComponent(calls[0].query)).toBe(
			'order=id&filters[redeemable_object][conditions][$is]=voucher&limit=100',
		);
		expect(new URLSearchParams(calls[1].query).get('starting_after_id')).toBe(
			result.items[99].json.id,
		);
	});

	test('Get Segments outputs one item per segment', async () => {
		vendor.get().find('src-5')!.metadata.vip = true;
		const result = await run({ operation: 'getSegments', customerId: 'src-5' });
		expect(result.items.map((i) => i.json)).toEqual([
			{ id: 'seg_vip', name: 'VIP customers', object: 'segment' },
		]);
	});
});

describe('bulk and async', () => {
	// At a tenth of real speed an async action stays ENQUEUED for 2 s and finishes after 6 s: a read at once finds it unfinished.
	const slow = useEmulator(() => new VoucherifyEmulator({ timeScale: 0.1 }));
	const onSlow = () => ({ credential: { customBaseUrl: slow.get().baseUrl } });
	// real time: the import is still running at the node's first status read, however loaded the machine is
	const realTime = useEmulator(() => new VoucherifyEmulator({ timeScale: 1 }));

	const csv =
		'Name,Source_id,Email,City,Country,Birthdate,favorite_brand\nJohn Smith,john-1,john@example.com,New York,US,1990-07-03,"Nike, Reebok"\n,,,,,,\nBad Date,bad-1,bad@example.com,,,03/07/1990,x\n';

	test('Import From CSV File uploads the binary as multipart and waits for the result, failures included', async () => {
		const result = await run(
			{ operation: 'importCsv', binaryPropertyName: 'data', ...fastWait },
			{
				input: [
					{
						json: {},
						binary: { data: { data: csv, fileName: 'customers.csv', mimeType: 'text/csv' } },
					},
				],
				credential: { customBaseUrl: realTime.get().baseUrl },
			},
		);
		expect(result.error).toBeUndefined();
		const [sent] = realTime.get().calls('import-customers-using-csv');
		expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(sent.body).toContain('name="file"; filename="customers.csv"');
		expect(sent.body).toContain(csv);
		expect(result.items[0].json).toMatchObject({
			status: 'DONE',
			type: 'CUSTOMERS.IMPORT_CSV',
			result: {
				message: '1 customer(s) imported successfully, 1 failed.',
				failed: [
					{
						source_id: 'bad-1',
						row: 2,
						reason: 'birthdate must be a date in the format YYYY-MM-DD',
					},
				],
			},
		});
		expect(realTime.get().find('john-1')).toMatchObject({
			name: 'John Smith',
			address: { city: 'New York', country: 'US' },
			metadata: { favorite_brand: 'Nike, Reebok' },
		});
		expect(realTime.get().calls('get-async-action').length).toBeGreaterThan(1);
	});

	test('Import without waiting outputs the async action id; a missing binary field is named', async () => {
		const result = await run(
			{ operation: 'importCsv', binaryPropertyName: 'data', waitForCompletion: false },
			{
				input: [
					{ json: {}, binary: { data: { data: csv, fileName: 'c.csv', mimeType: 'text/csv' } } },
				],
			},
		);
		expect(result.items[0].json).toEqual({ async_action_id: expect.stringMatching(/^aa_/) });
		const missing = await run({
			operation: 'importCsv',
			binaryPropertyName: 'file',
			waitForCompletion: false,
		});
		expect(missing.status).toBe('error');
		expect(missing.error?.message).toMatch(/file/);
		expect(vendor.get().calls('import-customers-using-csv')).toHaveLength(1);
	});

	test('Update Many sends ONE request for all items and reports each item', async () => {
		const input: SourceItem[] = Array.from({ length: 50 }, (_, i) => ({
			json: { id: `src-${i + 1}`, city: i === 3 ? '' : 'Paris' },
		}));
		const result = await run(
			{
				operation: 'updateMany',
				sourceId: '={{ $json.id }}',
				updateFields: { address: { city: '={{ $json.city }}' } },
				...fastWait,
			},
			{ input },
		);
		expect(result.error).toBeUndefined();
		const calls = vendor.get().calls('update-customers-in-bulk');
		expect(calls).toHaveLength(1);
		const rows = JSON.parse(calls[0].body) as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(50);
		expect(rows[0]).toEqual({ address: { city: 'Paris' }, source_id: 'src-1' });
		expect(rows[3]).toEqual({ source_id: 'src-4' });
		expect(result.items).toHaveLength(50);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		expect(result.items.every((i) => i.json.status === 'DONE')).toBe(true);
		expect(result.items[0].json).toMatchObject({
			source_id: 'src-1',
			status: 'DONE',
			async_action_id: expect.stringMatching(/^aa_/),
		});
		expect(vendor.get().find('src-50')?.address?.city).toBe('Paris');
	});

	test('Update Many leaves rows the contract refuses out of the request, FAILED at once with the reason; the rest go in one request', async () => {
		const input: SourceItem[] = Array.from({ length: 50 }, (_, i) => ({
			json: { id: `src-${i + 1}`, extra: {} },
		}));
		input[7].json.extra = { birthdate: 'not a date' };
		input[11].json.extra = { email: 'no-at-sign' };
		input[19].json.extra = { name: 42 };
		input[23].json.extra = { address: { city: ['Paris'] } };
		input[29].json.extra = { birthdate: '2024-02-30' };
		input[31].json.extra = { birthdate: '1990-05-17', metadata: { tier: 'gold' } };
		const result = await run(
			{
				operation: 'updateMany',
				sourceId: '={{ $json.id }}',
				updateFields: { name: 'Same' },
				jsonFields: '={{ JSON.stringify($json.extra) }}',
				...fastWait,
			},
			{ input },
		);
		expect(result.error).toBeUndefined();
		const calls = vendor.get().calls('update-customers-in-bulk');
		expect(calls).toHaveLength(1);
		const rows = JSON.parse(calls[0].body) as Array<Record<string, unknown>>;
		expect(rows.map((r) => r.source_id)).toEqual(
			input
				.map((i) => i.json.id)
				.filter((id) => !['src-8', 'src-12', 'src-20', 'src-24', 'src-30'].includes(id as string)),
		);
		expect(rows.find((r) => r.source_id === 'src-32')).toEqual({
			name: 'Same',
			birthdate: '1990-05-17',
			metadata: { tier: 'gold' },
			source_id: 'src-32',
		});
		expect(result.items).toHaveLength(50);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		const failed = (index: number) => result.items[index].json;
		expect(failed(7)).toEqual({
			source_id: 'src-8',
			status: 'FAILED',
			sent: false,
			error: 'birthdate must be a date in the format YYYY-MM-DD, not "not a date"',
		});
		expect(failed(11)).toEqual({
			source_id: 'src-12',
			status: 'FAILED',
			sent: false,
			error: 'email is not an email address: "no-at-sign"',
		});
		expect(failed(19)).toEqual({
			source_id: 'src-20',
			status: 'FAILED',
			sent: false,
			error: 'name must be text, not 42',
		});
		expect(failed(23)).toEqual({
			source_id: 'src-24',
			status: 'FAILED',
			sent: false,
			error: 'address.city must be text, not ["Paris"]',
		});
		expect(failed(29)).toMatchObject({
			source_id: 'src-30',
			status: 'FAILED',
			error: expect.stringContaining('"2024-02-30"'),
		});
		expect(result.items.filter((i) => i.json.status === 'DONE')).toHaveLength(45);
		expect(vendor.get().find('src-32')?.birthdate).toBe('1990-05-17');
		expect(vendor.get().find('src-8')?.name).not.toBe('Same');
	});

	test('Update Many reports the rows Voucherify itself refused with its reason', async () => {
		vendor.get().refuseBulkRows.set('src-2', 'Customer is locked by another async action');
		const input: SourceItem[] = [
			{ json: { id: 'src-1' } },
			{ json: { id: 'src-2' } },
			{ json: { id: 'src-3' } },
		];
		const result = await run(
			{
				operation: 'updateMany',
				sourceId: '={{ $json.id }}',
				updateFields: { name: 'X' },
				...fastWait,
			},
			{ input },
		);
		expect(vendor.get().calls('update-customers-in-bulk')).toHaveLength(1);
		expect(result.items.map((i) => [i.json.source_id, i.json.status, i.json.error])).toEqual([
			['src-1', 'DONE', undefined],
			['src-2', 'FAILED', 'Customer is locked by another async action'],
			['src-3', 'DONE', undefined],
		]);
	});

	test('Update Many whose whole async action FAILED gives every item the reason', async () => {
		vendor.get().failNextAsyncAction =
			'Processing was stopped: the project is over its bulk API limit';
		const input: SourceItem[] = [{ json: { id: 'src-1' } }, { json: { id: 'src-2' } }];
		const result = await run(
			{
				operation: 'updateMany',
				sourceId: '={{ $json.id }}',
				updateFields: { name: 'X' },
				...fastWait,
			},
			{ input },
		);
		expect(result.items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				source_id: 'src-1',
				status: 'FAILED',
				error: 'Processing was stopped: the project is over its bulk API limit',
			}),
			expect.objectContaining({
				source_id: 'src-2',
				status: 'FAILED',
				error: 'Processing was stopped: the project is over its bulk API limit',
			}),
		]);
	});

	test('Update Many splits only where the 10 MB limit requires', () => {
		const row = { source_id: 'x', description: 'y'.repeat(1024 * 1024) };
		expect(
			chunkBySize(
				Array.from({ length: 25 }, () => row),
				10 * 1024 * 1024,
			).map((c) => c.length),
		).toEqual([9, 9, 7]);
		expect(chunkBySize([{ source_id: 'a' }, { source_id: 'b' }], 10 * 1024 * 1024)).toHaveLength(1);
	});

	test('Update Metadata of Many sends source IDs and typed metadata, and waits', async () => {
		const result = await run({
			operation: 'updateManyMetadata',
			sourceIds: 'src-1, src-2,new-9',
			metadata: {
				entry: [
					{ key: 'segment', value: 'spring' },
					{ key: 'score', value: '7' },
				],
			},
			metadataJson: '{"opt_in": false}',
			...fastWait,
		});
		expect(result.error).toBeUndefined();
		expect(JSON.parse(vendor.get().calls('update-customers-metadata-in-bulk')[0].body)).toEqual({
			source_ids: ['src-1', 'src-2', 'new-9'],
			metadata: { segment: 'spring', score: 7, opt_in: false },
		});
		expect(result.items[0].json).toMatchObject({
			status: 'DONE',
			type: 'CUSTOMERS.METADATA_UPDATE',
		});
		expect(vendor.get().find('new-9')?.metadata).toEqual({
			segment: 'spring',
			score: 7,
			opt_in: false,
		});
	});

	test('Async Action: Get shows the lifecycle; waiting returns it done; an unknown id is an error', async () => {
		const queued = await run(
			{
				operation: 'updateManyMetadata',
				sourceIds: 'src-1',
				metadata: { entry: [{ key: 'a', value: 'b' }] },
				waitForCompletion: false,
			},
			onSlow(),
		);
		const now = await run(
			{
				resource: 'asyncAction',
				operation: 'get',
				asyncActionId: queued.items[0].json.async_action_id as string,
			},
			onSlow(),
		);
		expect(now.error).toBeUndefined();
		expect(['ENQUEUED', 'IN_PROGRESS']).toContain(now.items[0]?.json.status ?? 'ENQUEUED');
		const started = await run({
			operation: 'updateManyMetadata',
			sourceIds: 'src-1',
			metadata: { entry: [{ key: 'a', value: 'b' }] },
			waitForCompletion: false,
		});
		const id = started.items[0].json.async_action_id as string;
		const c = credential();
		const done = await run(
			{ resource: 'asyncAction', operation: 'get', asyncActionId: id, ...fastWait },
			{ using: c },
		);
		expect(done.items[0].json).toMatchObject({ id, status: 'DONE', progress: 100 });
		const unknown = await run(
			{ resource: 'asyncAction', operation: 'get', asyncActionId: 'aa_missing' },
			{ using: c },
		);
		expect(unknown.error?.message).toBe('Voucherify: Cannot find async_action with id aa_missing');
	});

	test('a bounded wait outputs the action as it stands, with the wait noted', async () => {
		slow.get().seed(1);
		const result = await run(
			{
				operation: 'updateManyMetadata',
				sourceIds: 'src-1',
				metadata: { entry: [{ key: 'a', value: 'b' }] },
				waitForCompletion: true,
				pollIntervalSeconds: 0.2,
				maxWaitSeconds: 1,
			},
			onSlow(),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'ENQUEUED',
			waitTimedOut: true,
			note: expect.stringMatching(/Async Action → Get/),
		});
	});
});

describe('rate limits and credentials', () => {
	test("a 429 waits for Retry-After / X-Rate-Limit-Retry and succeeds; the vendor's headers set the pace", async () => {
		vendor.get().inject(
			{
				kind: 'status',
				status: 429,
				headers: {
					'retry-after': '1',
					'x-rate-limit-retry': String(Math.ceil(Date.now() / 1000) + 1),
				},
				body: {
					code: 429,
					key: 'too_many_requests',
					message: 'Too many requests hit the API too quickly.',
				},
			},
			{ operation: 'get-customer' },
		);
		const result = await run({ operation: 'get', customerId: 'src-1' });
		expect(result.error).toBeUndefined();
		const [refused, accepted] = vendor.get().calls('get-customer');
		expect(accepted.at - refused.at).toBeGreaterThanOrEqual(1000);
	});

	test('a project over its plan limit is paced instead of refused', async () => {
		const limited = new VoucherifyEmulator({ requestsPerMinute: 600 });
		await limited.start();
		try {
			limited.seed(3);
			const input = Array.from({ length: 120 }, () => ({ json: {} }));
			const result = await run(
				{ operation: 'get', customerId: 'src-1' },
				{ input, credential: { customBaseUrl: limited.baseUrl } },
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(120);
			expect(limited.requests.filter((r) => r.status === 429)).toHaveLength(0);
		} finally {
			await limited.stop();
		}
	}, 60_000);

	test('when no request remains, pacing waits until X-Rate-Limit-Retry (the period may be an hour)', () => {
		const retryAt = Math.ceil(Date.now() / 1000) + 1800;
		const observation = voucherifyTransport.config.readRateLimitHeaders!({
			'x-rate-limit-limit': '100',
			'x-rate-limit-remaining': '0',
			'x-rate-limit-retry': String(retryAt),
		});
		expect(observation).toMatchObject({ limit: 100, remaining: 0 });
		expect(observation!.resetInMs).toBeGreaterThan(1_795_000);
		const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 100 / 60 });
		bucket.observe(observation!);
		expect(bucket.reserve()).toBeGreaterThan(1_795_000);
	});

	test('wrong keys: clear error, no secret in it; the Test button tells right from wrong', async () => {
		const result = await run(
			{ operation: 'get', customerId: 'src-1' },
			{ credential: { secretKey: 'wrong-secret-value', customBaseUrl: unlogged.get().baseUrl } },
		);
		expect(result.error?.message).toBe('Voucherify: Missing or invalid X-App-Id / X-App-Token');
		expect(everyString(result.error).join(' ')).not.toContain('wrong-secret-value');
		const good = credential();
		expect(await testCredential(good.helper, new VoucherifyApi(), good.id)).toMatchObject({
			ok: true,
		});
		const bad = credential({
			secretKey: 'wrong-secret-value',
			customBaseUrl: unlogged.get().baseUrl,
		});
		expect(await testCredential(bad.helper, new VoucherifyApi(), bad.id)).toMatchObject({
			ok: false,
			statusCode: 401,
			message: expect.stringMatching(
				/^Voucherify refused the keys: check the Application ID and Secret Key/,
			),
		});
	});

	test('continueOnFail: one failing item, the others go on', async () => {
		const input = ['src-1', 'missing', 'src-2'].map((id) => ({ json: { id } }));
		const result = await run(
			{ operation: 'get', customerId: '={{ $json.id }}' },
			{ input, continueOnFail: true },
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.source_id ?? i.json.error])).toEqual([
			[{ item: 0 }, 'src-1'],
			[{ item: 1 }, 'Voucherify: Cannot find customer with id missing'],
			[{ item: 2 }, 'src-2'],
		]);
	});
});

describe('trigger', () => {
	function trigger(
		event: 'customerCreated' | 'customerCreatedOrUpdated',
		mode: 'trigger' | 'manual' = 'trigger',
	) {
		const { id, helper } = credential();
		return pollingTrigger({
			nodeType: new VoucherifyTrigger(),
			parameters: { event },
			credentials: { voucherifyApi: id },
			credentialsHelper: helper,
			mode,
		});
	}
	const listQueries = () =>
		vendor
			.get()
			.calls('list-customers')
			.map((r) => Object.fromEntries(new URLSearchParams(r.query)));

	test('New Customer: the first poll only remembers; the next emits each customer created since, once', async () => {
		const poller = await trigger('customerCreated');
		expect(await poller.poll()).toBeNull();
		vendor.get().clockMs = Date.now(); // the seeded customers are from January; what follows happens now
		await run({ operation: 'upsert', sourceId: 'new-1', customerFields: { name: 'New One' } });
		await run({ operation: 'update', customerId: 'src-2', updateFields: { name: 'Changed Two' } });
		const items = await poller.poll();
		expect(items?.map((i) => i.json.source_id)).toEqual(['new-1']);
		expect(await poller.poll()).toBeNull();
		expect(listQueries()[0]).toMatchObject({
			order: 'created_at',
			'created_at[after]': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
		});
	});

	test('New or Updated Customer: new customers (no updated_at yet) and changed ones, oldest change first', async () => {
		const poller = await trigger('customerCreatedOrUpdated');
		expect(await poller.poll()).toBeNull();
		vendor.get().clockMs = Date.now();
		await run({ operation: 'update', customerId: 'src-2', updateFields: { name: 'Changed Two' } });
		await run({ operation: 'upsert', sourceId: 'new-2', customerFields: { name: 'New Two' } });
		const items = await poller.poll();
		expect(items?.map((i) => i.json.source_id)).toEqual(['src-2', 'new-2']);
		expect(listQueries().map((q) => Object.keys(q).find((k) => k.endsWith('[after]')))).toEqual([
			'created_at[after]',
			'updated_at[after]',
		]);
		expect(await poller.poll()).toBeNull();
	});

	test('a manual test run shows the newest customer at once', async () => {
		const poller = await trigger('customerCreated', 'manual');
		const items = await poller.poll();
		expect(items?.map((i) => i.json.source_id)).toEqual(['src-5']);
		expect(listQueries()[0]).toMatchObject({ order: '-created_at', limit: '1' });
	});
});
