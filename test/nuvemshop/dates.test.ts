// Nuvemshop / Tiendanube: every date filter, in every form a user gives it, through n8n's real engine against the emulator.
// The filters are ISO 8601 and Nuvemshop's own dates carry offsets (2013-01-03T09:11:51-03:00): offsets are sent.
import type { INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { NuvemshopEmulator } from '../emulators/nuvemshop';
import { DATE_TIME_CASES, NOT_DATES, notADateTime } from '../harness/date-cases';
import { nuvemshopRunner } from './setup';

const vendor = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));
const nuvemshop = nuvemshopRunner(() => vendor.get(), {
	resource: 'customer',
	operation: 'getAll',
	returnAll: false,
	limit: 1,
});
const run = async (parameters: INodeParameters, timezone: string) =>
	await nuvemshop.run(parameters, { timezone });

const query = () =>
	Object.fromEntries(new URLSearchParams(vendor.get().calls('listCustomers')[0].query));

beforeEach(() => vendor.get().seed(3));

describe('Get Many, Updated After', () => {
	test.each(DATE_TIME_CASES)('$name', async ({ value, timezone, sent }) => {
		const result = await run({ filters: { updated_at_min: value } }, timezone);
		expect(result.error).toBeUndefined();
		expect(query().updated_at_min).toBe(sent);
	});

	test.each(NOT_DATES)('"%s" fails naming the parameter, before any request', async (value) => {
		const result = await run({ filters: { updated_at_min: value } }, 'America/Sao_Paulo');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(notADateTime('Updated After', value));
		expect(vendor.get().requests).toHaveLength(0);
	});
});

test('Get Many reads all four date filters in the workflow time zone', async () => {
	const filters = {
		created_at_min: '2024-03-01',
		created_at_max: '2024-03-01T23:59:59',
		updated_at_min: '2024-03-01T10:00:00Z',
		updated_at_max: '2024-03-01T10:00:00+01:00',
	};
	const result = await run({ filters }, 'America/Sao_Paulo');
	expect(result.error).toBeUndefined();
	expect(query()).toMatchObject({
		created_at_min: '2024-03-01T00:00:00-03:00',
		created_at_max: '2024-03-01T23:59:59-03:00',
		updated_at_min: '2024-03-01T10:00:00Z',
		updated_at_max: '2024-03-01T10:00:00+01:00',
	});
});
