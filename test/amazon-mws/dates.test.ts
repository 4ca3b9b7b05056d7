// Amazon MWS (Legacy): the ListCustomers date range, in every form a user gives it, through n8n's real engine.
// DateRangeStart/End are ISO 8601 and Amazon's own clients sent offsets (Peddler's Time#iso8601): offsets are sent.
import type { INodeParameters } from 'n8n-workflow';

import { AmazonMwsEmulator } from '../emulators/amazon-mws';
import { useEmulator } from '../emulators/kit';
import { DATE_TIME_CASES, NOT_DATES, notADateTime } from '../harness/date-cases';
import { mwsRunner } from './setup';

const vendor = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000, pageSize: 10 }));
const runner = mwsRunner(
	() => vendor.get(),
	{},
	{
		resource: 'customer',
		operation: 'getAll',
		marketplaceId: 'ATVPDKIKX0DER',
		dateRangeType: 'LastUpdatedDate',
		returnAll: false,
		limit: 1,
	},
);

async function run(parameters: INodeParameters, timezone: string) {
	return await runner.run(parameters, { timezone });
}

const form = () => Object.fromEntries(new URLSearchParams(vendor.get().requests[0].body));

beforeEach(() => {
	vendor.get().seed(5);
	vendor.get().refillQuotas();
});

describe.each([
	['From', 'dateRangeStart', 'DateRangeStart'],
	['To', 'dateRangeEnd', 'DateRangeEnd'],
])('Get Many, %s', (label, parameter, sentAs) => {
	test.each(DATE_TIME_CASES)('$name', async ({ value, timezone, sent }) => {
		const result = await run({ [parameter]: value }, timezone);
		expect(result.error).toBeUndefined();
		expect(form()[sentAs]).toBe(sent);
	});

	test.each(NOT_DATES)('"%s" fails naming the parameter, before any request', async (value) => {
		const result = await run({ [parameter]: value }, 'Asia/Kolkata');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(notADateTime(label, value));
		expect(vendor.get().requests).toHaveLength(0);
	});
});

describe('From after To compares instants, not text', () => {
	test('10:00+05:00 is before 08:00+02:00: sent', async () => {
		const result = await run(
			{ dateRangeStart: '2014-07-01T10:00:00+05:00', dateRangeEnd: '2014-07-01T08:00:00+02:00' },
			'UTC',
		);
		expect(result.error).toBeUndefined();
		expect(form()).toMatchObject({
			DateRangeStart: '2014-07-01T10:00:00+05:00',
			DateRangeEnd: '2014-07-01T08:00:00+02:00',
		});
	});

	test('08:00-06:00 is after 10:00+02:00: fails before any request', async () => {
		const result = await run(
			{ dateRangeStart: '2014-07-01T08:00:00-06:00', dateRangeEnd: '2014-07-01T10:00:00+02:00' },
			'UTC',
		);
		expect(result.error?.message).toBe('Parameter "From" is after "To"');
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('a time without offset is compared in the workflow time zone', async () => {
		// 09:00 in Kolkata is 03:30Z, before 05:00Z
		const result = await run(
			{ dateRangeStart: '2014-07-01T09:00:00', dateRangeEnd: '2014-07-01T05:00:00Z' },
			'Asia/Kolkata',
		);
		expect(result.error).toBeUndefined();
		expect(form()).toMatchObject({
			DateRangeStart: '2014-07-01T09:00:00+05:30',
			DateRangeEnd: '2014-07-01T05:00:00Z',
		});
	});
});
