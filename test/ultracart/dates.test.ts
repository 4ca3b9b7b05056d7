// UltraCart: every date parameter, in every form a user gives it, through n8n's real engine against the emulator.
// UltraCart's date parameters are plain strings and its own dates carry offsets (2021-05-18T12:10:19-04:00): offsets are sent.
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { UltraCartEmulator } from '../emulators/ultracart';
import { DATE_TIME_CASES, NOT_DATES, notADateTime } from '../harness/date-cases';
import { ultraCartRunner } from './setup';

const vendor = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }));
const ultraCart = ultraCartRunner(() => vendor.get());

const run = async (
	resource: string,
	operation: string,
	parameters: INodeParameters,
	timezone: string,
) => await ultraCart.run({ resource, operation, ...parameters }, { timezone });

const body = (operation: string) =>
	JSON.parse(vendor.get().calls(operation)[0].body) as Record<string, unknown>;
const query = (operation: string) =>
	Object.fromEntries(new URLSearchParams(vendor.get().calls(operation)[0].query));

beforeEach(() => vendor.get().seed(5));

const operations: Array<
	[string, string, string, (value: string) => INodeParameters, () => unknown]
> = [
	[
		'customer',
		'getAll',
		'Signed Up After',
		(value) => ({ returnAll: false, limit: 1, filters: { signup_dts_start: value } }),
		() => query('get_customers').signup_dts_start,
	],
	[
		'customer',
		'search',
		'Signed Up Before',
		(value) => ({
			searchString: 'buyer',
			returnAll: false,
			limit: 1,
			filters: { signup_dts_end: value },
		}),
		() => query('search_customers').signup_dts_end,
	],
	[
		'customer',
		'query',
		'Last Modified After',
		(value) => ({ returnAll: false, limit: 1, query: { last_modified_dts_start: value } }),
		() => body('get_customers_by_query').last_modified_dts_start,
	],
	[
		'customer',
		'getAll',
		'Changed Since',
		(value) => ({ returnAll: false, limit: 1, listingOptions: { since: value } }),
		() => query('get_customers')._since,
	],
	[
		'cashback',
		'adjust',
		'Entry Date',
		(value) => ({
			customerProfileOid: '1001',
			adjustment_amount: 5,
			additionalFields: { entry_dts: value },
		}),
		() => body('adjust_internal_certificate').entry_dts,
	],
];

describe.each(operations)('%s %s, %s', (resource, operation, label, parameters, received) => {
	test.each(DATE_TIME_CASES)('$name', async ({ value, timezone, sent }) => {
		const result = await run(resource, operation, parameters(value), timezone);
		expect(result.error).toBeUndefined();
		expect(received()).toBe(sent);
	});

	test.each(NOT_DATES)('"%s" fails naming the parameter, before any request', async (value) => {
		const result = await run(resource, operation, parameters(value), 'Asia/Kolkata');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(notADateTime(label, value));
		expect(vendor.get().requests).toHaveLength(0);
	});
});

describe('every date parameter of an operation', () => {
	test('Get Many: the four date filters and Changed Since (_since)', async () => {
		const filters = {
			last_modified_dts_start: '2024-03-01T10:00:00',
			last_modified_dts_end: '2024-03-02',
			signup_dts_start: '2024-03-01T10:00:00Z',
			signup_dts_end: '2024-03-03T08:00:00-05:00',
		};
		const result = await run(
			'customer',
			'getAll',
			{ returnAll: false, limit: 1, filters, listingOptions: { since: '2024-07-01 09:15' } },
			'Asia/Kolkata',
		);
		expect(result.error).toBeUndefined();
		expect(query('get_customers')).toMatchObject({
			last_modified_dts_start: '2024-03-01T10:00:00+05:30',
			last_modified_dts_end: '2024-03-02T00:00:00+05:30',
			signup_dts_start: '2024-03-01T10:00:00Z',
			signup_dts_end: '2024-03-03T08:00:00-05:00',
			_since: '2024-07-01T09:15:00+05:30',
		});
	});

	test('Search: both sign-up dates and Changed Since, winter and summer in Europe/Berlin', async () => {
		const result = await run(
			'customer',
			'search',
			{
				searchString: 'buyer',
				returnAll: false,
				limit: 1,
				filters: { signup_dts_start: '2024-03-01', signup_dts_end: '2024-03-31T12:00:00' },
				listingOptions: { since: '2024-07-15T09:30:00' },
			},
			'Europe/Berlin',
		);
		expect(result.error).toBeUndefined();
		expect(query('search_customers')).toMatchObject({
			signup_dts_start: '2024-03-01T00:00:00+01:00',
			signup_dts_end: '2024-03-31T12:00:00+02:00',
			_since: '2024-07-15T09:30:00+02:00',
		});
	});

	test('Query: every date of the body, and Changed Since in the query string', async () => {
		const dates = {
			last_modified_dts_start: '2024-01-15T09:30:00',
			last_modified_dts_end: '2024-07-15T09:30:00',
			signup_dts_start: '2024-03-01',
			signup_dts_end: '2024-03-01T10:00:00.5+01:00',
		};
		const result = await run(
			'customer',
			'query',
			{ returnAll: false, limit: 1, query: dates, listingOptions: { since: '2024-07-15' } },
			'Europe/Berlin',
		);
		expect(result.error).toBeUndefined();
		expect(body('get_customers_by_query')).toEqual({
			last_modified_dts_start: '2024-01-15T09:30:00+01:00',
			last_modified_dts_end: '2024-07-15T09:30:00+02:00',
			signup_dts_start: '2024-03-01T00:00:00+01:00',
			signup_dts_end: '2024-03-01T10:00:00.5+01:00',
		});
		expect(query('get_customers_by_query')._since).toBe('2024-07-15T00:00:00+02:00');
	});
});
