// Amazon Selling Partner, Send Warranty: the coverage dates in every form a user gives them, through n8n's real engine.
// coverageStartDate/EndDate are `date-time` (RFC 3339) and Amazon's own sandbox case uses -08:00: offsets are sent as given.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import axios from 'axios';
import type { INodeParameters } from 'n8n-workflow';

import {
	AmazonSellingPartnerEmulator,
	DEMO_ORDER,
	SANDBOX_ORDER_OK,
	SP_CLIENT_ID,
	SP_CLIENT_SECRET,
	SP_REFRESH_TOKEN,
} from '../emulators/amazon-selling-partner';
import { useEmulator } from '../emulators/kit';
import { DATE_TIME_CASES, NOT_DATES, notADateTime } from '../harness/date-cases';
import type { SourceItem } from '../harness/harness';
import { pdf, sellingPartnerRunner, setupVendor, US } from './setup';

const vendor = setupVendor();
const v = () => vendor.get();

beforeEach(() => v().seedDemoData());

const runner = sellingPartnerRunner(v);

async function run(
	parameters: INodeParameters,
	timezone: string,
	input: SourceItem[] = [{ json: {}, binary: { data: pdf('warranty.pdf') } }],
) {
	return await runner.run(
		{
			operation: 'sendWarranty',
			amazonOrderId: SANDBOX_ORDER_OK,
			binaryPropertyNames: 'data',
			...parameters,
		},
		{ input, timezone },
	);
}

const sentBody = () => {
	const [call] = v().calls('CreateWarranty');
	expect(call).toBeDefined();
	return call;
};

describe.each([
	['Coverage Start Date', 'coverageStartDate'],
	['Coverage End Date', 'coverageEndDate'],
])('%s', (label, parameter) => {
	test.each(DATE_TIME_CASES)('$name', async ({ value, timezone, sent }) => {
		const result = await run({ [parameter]: value }, timezone);
		expect(result.error).toBeUndefined();
		const call = sentBody();
		expect(call.status).toBe(201);
		expect((JSON.parse(call.body) as Record<string, unknown>)[parameter]).toBe(sent);
	});

	test.each(NOT_DATES)('"%s" fails naming the parameter, before any request', async (value) => {
		const result = await run({ [parameter]: value }, 'Asia/Kolkata');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(notADateTime(label, value));
		expect(v().requests).toHaveLength(0);
		expect(v().s3.requests).toHaveLength(0);
		expect(v().lwa.requests).toHaveLength(0);
	});
});

test("Amazon's sandbox case: the coverage dates go out byte for byte, and the body is the case's exactly", async () => {
	const cases = JSON.parse(
		readFileSync(
			join(__dirname, '../../../shared/reference/specs/sp-api-messaging-sandbox-cases.json'),
			'utf8',
		),
	) as {
		cases: Array<{
			operationId: string;
			status: number;
			request: {
				parameters: {
					body?: {
						value: { attachments: Array<{ uploadDestinationId: string; fileName: string }> };
					};
				};
			};
		}>;
	};
	const expected = cases.cases.find((c) => c.operationId === 'CreateWarranty' && c.status === 201)!
		.request.parameters.body!.value;
	// the case names its attachment: the upload destination gets that id, the file that name
	v().nextUploadDestinationIds.push(expected.attachments[0].uploadDestinationId);
	const file = {
		data: Buffer.from('Warranty: two years.'),
		fileName: 'warranty.txt',
		mimeType: 'text/plain',
	};
	const result = await run(
		{
			coverageStartDate: '2004-12-13T21:39:45.618-08:00',
			coverageEndDate: '2005-12-13T21:39:45.618-08:00',
		},
		'Europe/Berlin',
		[{ json: {}, binary: { data: file } }],
	);
	expect(result.error).toBeUndefined();
	const call = sentBody();
	expect(call.body).toContain('"coverageStartDate":"2004-12-13T21:39:45.618-08:00"');
	expect(call.body).toContain('"coverageEndDate":"2005-12-13T21:39:45.618-08:00"');
	expect(JSON.parse(call.body)).toEqual(expected);
	expect(call.status).toBe(201);
	expect(result.items[0].json).toMatchObject({ success: true, messageType: 'warranty' });
});

test('both dates without offset are read in the workflow time zone, each with its own daylight-saving offset', async () => {
	const result = await run(
		{ coverageStartDate: '2024-01-15T09:30:00', coverageEndDate: '2026-07-15' },
		'Europe/Berlin',
	);
	expect(result.error).toBeUndefined();
	expect(JSON.parse(sentBody().body)).toMatchObject({
		coverageStartDate: '2024-01-15T09:30:00+01:00',
		coverageEndDate: '2026-07-15T00:00:00+02:00',
	});
});

test('an end that sorts before the start as text but is later in time is sent', async () => {
	// 10:00+05:00 is 05:00Z; 08:00+02:00 is 06:00Z
	const result = await run(
		{
			coverageStartDate: '2027-01-01T10:00:00+05:00',
			coverageEndDate: '2027-01-01T08:00:00+02:00',
		},
		'UTC',
	);
	expect(result.error).toBeUndefined();
	expect(JSON.parse(sentBody().body)).toMatchObject({
		coverageStartDate: '2027-01-01T10:00:00+05:00',
		coverageEndDate: '2027-01-01T08:00:00+02:00',
	});
});

describe('the emulator takes RFC 3339 date-times, offsets included, and refuses others as Amazon does', () => {
	// raw requests, some refused on purpose: outside the contract log the checker judges
	const raw = useEmulator(() => new AmazonSellingPartnerEmulator().withoutContractLog());
	const e = () => raw.get();
	const http = axios.create({ validateStatus: () => true });
	beforeEach(() => e().seedDemoData());

	async function sendWarranty(coverage: Record<string, string>) {
		const form = new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: SP_REFRESH_TOKEN,
			client_id: SP_CLIENT_ID,
			client_secret: SP_CLIENT_SECRET,
		});
		const token = await http.post(`${e().lwa.baseUrl}/auth/o2/token`, form.toString(), {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		const headers = { 'x-amz-access-token': token.data.access_token as string };
		const file = Buffer.from('%PDF-1.4 warranty');
		const contentMD5 = createHash('md5').update(file).digest('base64');
		const resource = `messaging/v1/orders/${DEMO_ORDER}/messages/warranty`;
		const destination = await http.post(
			`${e().baseUrl}/uploads/2020-11-01/uploadDestinations/${resource}?marketplaceIds=${US}&contentMD5=${encodeURIComponent(contentMD5)}`,
			undefined,
			{ headers },
		);
		const {
			uploadDestinationId,
			url,
			headers: uploadHeaders,
		} = destination.data.payload as {
			uploadDestinationId: string;
			url: string;
			headers: Record<string, string>;
		};
		expect((await http.put(url, file, { headers: uploadHeaders })).status).toBe(200);
		return await http.post(
			`${e().baseUrl}/${resource}?marketplaceIds=${US}`,
			{ attachments: [{ uploadDestinationId, fileName: 'warranty.pdf' }], ...coverage },
			{ headers },
		);
	}

	test.each([
		['an offset', '2024-03-01T10:00:00+05:30', 201],
		['Z', '2024-03-01T10:00:00.123Z', 201],
		['no offset', '2024-03-01T10:00:00', 400],
		['a date alone', '2024-03-01', 400],
	])('%s: %s gives %s', async (_name, coverageStartDate, status) => {
		const response = await sendWarranty({ coverageStartDate });
		expect(response.status).toBe(status);
		if (status === 400)
			expect(response.data.errors[0]).toMatchObject({
				code: 'InvalidInput',
				message: 'coverageStartDate: not a date-time.',
			});
	});
});
