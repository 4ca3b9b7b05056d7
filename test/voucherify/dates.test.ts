// Voucherify: every date parameter, in every form a user gives it, through n8n's real engine against the emulator.
// Its list filters are `date-time` (RFC 3339), so offsets are sent; birthdate is a `date` (YYYY-MM-DD).
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { VoucherifyEmulator } from '../emulators/voucherify';
import {
	DATE_CASES,
	DATE_TIME_CASES,
	NOT_CALENDAR_DATES,
	NOT_DATES,
	notADate,
	notADateTime,
} from '../harness/date-cases';
import { voucherifyRunner } from './setup';

const vendor = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }));
const voucherify = voucherifyRunner(() => vendor.get(), { resource: 'customer' });
const run = async (parameters: INodeParameters, timezone: string) =>
	await voucherify.run(parameters, { timezone });

const query = (operation: string) =>
	Object.fromEntries(new URLSearchParams(vendor.get().calls(operation)[0].query));
const body = (operation: string) =>
	JSON.parse(vendor.get().calls(operation)[0].body) as Record<string, unknown>;

beforeEach(() => vendor.get().seed(3));

describe('date-time filters', () => {
	const operations: Array<[string, string, (value: string) => INodeParameters, () => unknown]> = [
		[
			'getAll',
			'Created After',
			(value) => ({
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				filters: { 'created_at[after]': value },
			}),
			() => query('list-customers')['created_at[after]'],
		],
		[
			'getActivity',
			'Start Date',
			(value) => ({
				operation: 'getActivity',
				customerId: 'src-1',
				returnAll: false,
				limit: 1,
				filters: { start_date: value },
			}),
			() => query('list-customer-activity').start_date,
		],
		[
			'getActivities',
			'End Date',
			(value) => ({
				operation: 'getActivities',
				customerId: 'src-1',
				returnAll: false,
				limit: 1,
				filters: { end_date: value },
			}),
			() => query('list-customer-activities').end_date,
		],
	];

	describe.each(operations)('%s, %s', (_operation, label, parameters, received) => {
		test.each(DATE_TIME_CASES)('$name', async ({ value, timezone, sent }) => {
			const result = await run(parameters(value), timezone);
			expect(result.error).toBeUndefined();
			expect(received()).toBe(sent);
		});

		test.each(NOT_DATES)('"%s" fails naming the parameter, before any request', async (value) => {
			const result = await run(parameters(value), 'Asia/Kolkata');
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(notADateTime(label, value));
			expect(vendor.get().requests).toHaveLength(0);
		});
	});

	test('Get Many reads all four date filters', async () => {
		const filters = {
			'created_at[after]': '2024-03-01',
			'created_at[before]': '2024-03-01T10:00:00',
			'updated_at[after]': '2024-03-01T10:00:00Z',
			'updated_at[before]': '2024-03-01T10:00:00-03:00',
		};
		const result = await run(
			{ operation: 'getAll', returnAll: false, limit: 1, filters },
			'Asia/Kolkata',
		);
		expect(result.error).toBeUndefined();
		expect(query('list-customers')).toMatchObject({
			'created_at[after]': '2024-03-01T00:00:00+05:30',
			'created_at[before]': '2024-03-01T10:00:00+05:30',
			'updated_at[after]': '2024-03-01T10:00:00Z',
			'updated_at[before]': '2024-03-01T10:00:00-03:00',
		});
	});

	test.each([
		['getActivity', 'list-customer-activity'],
		['getActivities', 'list-customer-activities'],
	])('%s reads Start Date and End Date', async (operation, vendorOperation) => {
		const result = await run(
			{
				operation,
				customerId: 'src-1',
				returnAll: false,
				limit: 1,
				filters: { start_date: '2024-01-15T09:30:00', end_date: '2024-07-15T09:30:00' },
			},
			'Europe/Berlin',
		);
		expect(result.error).toBeUndefined();
		expect(query(vendorOperation)).toMatchObject({
			start_date: '2024-01-15T09:30:00+01:00',
			end_date: '2024-07-15T09:30:00+02:00',
		});
	});
});

describe('Birthdate (a date, YYYY-MM-DD)', () => {
	const operations: Array<[string, (value: string) => INodeParameters, () => unknown]> = [
		[
			'upsert',
			(value) => ({
				operation: 'upsert',
				sourceId: 'shop-1',
				customerFields: { name: 'Ada', birthdate: value },
			}),
			() => body('create-customer').birthdate,
		],
		[
			'update',
			(value) => ({ operation: 'update', customerId: 'src-1', updateFields: { birthdate: value } }),
			() => body('update-customer').birthdate,
		],
		[
			'updateMany',
			(value) => ({
				operation: 'updateMany',
				sourceId: 'src-1',
				updateFields: { birthdate: value },
				waitForCompletion: false,
			}),
			() =>
				(
					JSON.parse(vendor.get().calls('update-customers-in-bulk')[0].body) as Array<
						Record<string, unknown>
					>
				)[0].birthdate,
		],
	];

	describe.each(operations)('%s', (operation, parameters, received) => {
		test.each(DATE_CASES)('$name', async ({ value, timezone, sent }) => {
			const result = await run(parameters(value), timezone);
			expect(result.error).toBeUndefined();
			expect(received()).toBe(sent);
		});

		test.each(NOT_CALENDAR_DATES)(
			'"%s" fails naming the parameter, before any request',
			async (value) => {
				const result = await run(parameters(value), 'Asia/Kolkata');
				// Update Many reports a bad row on its own item, so the other rows still go
				const message =
					operation === 'updateMany' ? result.items[0]?.json.error : result.error?.message;
				expect(message).toBe(notADate('Birthdate', value));
				expect(vendor.get().requests).toHaveLength(0);
			},
		);
	});
});
