// Raw checks of the emulator itself (not of the node): it must refuse what Amazon refuses. Not contract-logged.
import { createHash } from 'node:crypto';

import axios from 'axios';

import {
	AmazonSellingPartnerEmulator,
	DEMO_ORDER,
	SANDBOX_ORDER_OK,
	SP_CLIENT_ID,
	SP_CLIENT_SECRET,
	SP_REFRESH_TOKEN,
} from '../emulators/amazon-selling-partner';

const emu = new AmazonSellingPartnerEmulator().withoutContractLog();
const http = axios.create({ validateStatus: () => true });
const body = Buffer.from('%PDF-1.4 test attachment');
const md5 = createHash('md5').update(body);
const base64Md5 = createHash('md5').update(body).digest('base64');

beforeAll(async () => {
	await emu.start();
});
afterAll(async () => {
	await emu.stop();
});
beforeEach(() => {
	emu.reset();
	emu.seedDemoData();
});

async function token(refresh = SP_REFRESH_TOKEN) {
	const form = new URLSearchParams({
		grant_type: 'refresh_token',
		refresh_token: refresh,
		client_id: SP_CLIENT_ID,
		client_secret: SP_CLIENT_SECRET,
	});
	return await http.post(`${emu.lwa.baseUrl}/auth/o2/token`, form.toString(), {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
	});
}

async function destination(accessToken: string, contentMD5: string) {
	const response = await http.post(
		`${emu.baseUrl}/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/${SANDBOX_ORDER_OK}/messages/invoice?marketplaceIds=ATVPDKIKX0DER&contentMD5=${encodeURIComponent(contentMD5)}`,
		undefined,
		{ headers: { 'x-amz-access-token': accessToken } },
	);
	expect(response.status).toBe(201);
	return response.data.payload as {
		uploadDestinationId: string;
		url: string;
		headers: Record<string, string>;
	};
}

test('LWA: tokens that expire in an hour; 400 invalid_grant for a bad refresh token', async () => {
	const ok = await token();
	expect(ok.status).toBe(200);
	expect(ok.data).toMatchObject({
		token_type: 'bearer',
		expires_in: 3600,
		refresh_token: SP_REFRESH_TOKEN,
	});
	expect(ok.data.access_token).toMatch(/^Atza\|/);
	expect(ok.headers['cache-control']).toBe('no-store');
	const bad = await token('Atzr|wrong');
	expect(bad.status).toBe(400);
	expect(bad.data).toMatchObject({ error: 'invalid_grant' });
});

test('Messaging: 403 Unauthorized for a missing or expired token, x-amzn-RateLimit-Limit on success, 429 QuotaExceeded past the burst', async () => {
	const url = `${emu.baseUrl}/messaging/v1/orders/${SANDBOX_ORDER_OK}/attributes?marketplaceIds=ATVPDKIKX0DER`;
	const none = await http.get(url);
	expect(none.status).toBe(403);
	expect(none.data).toEqual({
		errors: [
			{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' },
		],
	});
	const access = (await token()).data.access_token as string;
	const statuses: number[] = [];
	for (let i = 0; i < 6; i++) {
		const r = await http.get(url, { headers: { 'x-amz-access-token': access } });
		statuses.push(r.status);
		if (i === 0) {
			expect(r.headers['x-amzn-ratelimit-limit']).toBe('1');
			expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
		}
		if (r.status === 429) {
			expect(r.data).toEqual({
				errors: [
					{
						code: 'QuotaExceeded',
						message: 'You exceeded your quota for the requested resource.',
						details: '',
					},
				],
			});
			expect(r.headers['x-amzn-ratelimit-limit']).toBeUndefined();
		}
	}
	expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
	emu.lwa.expireAll();
	const expired = await http.get(url, { headers: { 'x-amz-access-token': access } });
	expect(expired.status).toBe(403);
	expect(expired.data.errors[0].details).toBe('The access token you provided has expired.');
});

test('S3: a hex Content-MD5 is InvalidDigest, a wrong one does not match the signature, a wrong body is BadDigest, POST is not allowed', async () => {
	const access = (await token()).data.access_token as string;
	const hex = md5.digest('hex');
	const hexDestination = await destination(access, hex);
	const hexPut = await http.put(hexDestination.url, body, { headers: hexDestination.headers });
	expect(hexPut.status).toBe(400);
	expect(hexPut.data).toContain('<Code>InvalidDigest</Code>');

	const good = await destination(access, base64Md5);
	const otherMd5 = createHash('md5').update('other').digest('base64');
	const wrongHeader = await http.put(good.url, body, {
		headers: { ...good.headers, 'Content-MD5': otherMd5 },
	});
	expect(wrongHeader.status).toBe(403);
	expect(wrongHeader.data).toContain('<Code>SignatureDoesNotMatch</Code>');
	const wrongBody = await http.put(good.url, Buffer.from('tampered'), { headers: good.headers });
	expect(wrongBody.status).toBe(400);
	expect(wrongBody.data).toContain('<Code>BadDigest</Code>');
	const post = await http.post(good.url, body, { headers: good.headers });
	expect(post.status).toBe(405);
	const put = await http.put(good.url, body, { headers: good.headers });
	expect(put.status).toBe(200);
	expect(emu.s3.destinations.get(good.uploadDestinationId)?.uploaded?.equals(body)).toBe(true);
});

test('Messaging: an attachment that was never uploaded does not exist (outside the sandbox cases)', async () => {
	const access = (await token()).data.access_token as string;
	const d = await destination(access, base64Md5);
	const r = await http.post(
		`${emu.baseUrl}/messaging/v1/orders/${DEMO_ORDER}/messages/invoice?marketplaceIds=ATVPDKIKX0DER`,
		{ attachments: [{ uploadDestinationId: d.uploadDestinationId, fileName: 'invoice.pdf' }] },
		{ headers: { 'x-amz-access-token': access } },
	);
	expect(r.status).toBe(400);
	expect(r.data.errors[0]).toEqual({
		code: 'InvalidInput',
		message: `Attachment with ID ${d.uploadDestinationId} does not exist`,
		details: '',
	});
	expect(emu.sideEffects('message')).toBe(0);
});

test('Messaging: the static sandbox cases are answered exactly, and the bad order fails whatever the body', async () => {
	const access = (await token()).data.access_token as string;
	const headers = { 'x-amz-access-token': access };
	const warranty = await http.post(
		`${emu.baseUrl}/messaging/v1/orders/${SANDBOX_ORDER_OK}/messages/warranty`,
		{
			attachments: [
				{ uploadDestinationId: '8634452c-4d4f-4703-8cea-2ecc9dcb3279', fileName: 'warranty.txt' },
			],
			coverageStartDate: '2004-12-13T21:39:45.618-08:00',
			coverageEndDate: '2005-12-13T21:39:45.618-08:00',
		},
		{ headers },
	);
	expect(warranty.status).toBe(201);
	expect(warranty.data).toEqual({});
	const invoice = await http.post(
		`${emu.baseUrl}/messaging/v1/orders/badOrderId/messages/invoice`,
		{},
		{ headers },
	);
	expect(invoice.status).toBe(400);
	expect(invoice.data).toEqual({
		errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: '' }],
	});
	const bad = await http.post(
		`${emu.baseUrl}/messaging/v1/orders/123-1234567-0000000/messages/confirmOrderDetails?marketplaceIds=ATVPDKIKX0DER`,
		{ text: 'anything' },
		{ headers },
	);
	expect(bad.status).toBe(400);
	expect(bad.data).toEqual({
		errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: '' }],
	});
});
