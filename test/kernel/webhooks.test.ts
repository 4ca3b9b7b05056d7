// The webhook kernel (nodes/shared/webhooks.ts) inside n8n-core's WebhookContext: a signed trigger built only from
// the kernel's parts answers forgeries 401 without an execution, verifies over the raw bytes, and drops repeats.
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	acknowledgeDelivery,
	basicAuthorizationMatches,
	customerEventItem,
	emitAcknowledged,
	firstDelivery,
	headerOf,
	hmacSha256Hex,
	rawBodyOf,
	refuseDelivery,
	sameSecret,
} from '../../nodes/shared';
import { HarnessCredentialsHelper, webhookTrigger } from '../harness/harness';

const SECRET = 'kernel-test-secret';

class SignedTrigger implements INodeType {
	description = {
		displayName: 'Signed Trigger',
		name: 'signedTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test',
		defaults: { name: 'Signed Trigger' },
		inputs: [],
		outputs: ['main'],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [],
	} as unknown as INodeTypeDescription;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const raw = rawBodyOf(this);
		if (!raw) return refuseDelivery(this, 'no raw body', 400);
		if (!sameSecret(hmacSha256Hex(SECRET, raw), headerOf(this, 'x-signature')))
			return refuseDelivery(this, 'signature does not match');
		const body = this.getBodyData() as IDataObject;
		acknowledgeDelivery(this);
		if (!firstDelivery(this, String(body.eventId))) return emitAcknowledged([]);
		return emitAcknowledged([customerEventItem('created', body.customer as IDataObject)]);
	}
}

const sign = (body: string) => ({ 'x-signature': hmacSha256Hex(SECRET, body) });

describe('webhook kernel in n8n-core', () => {
	const credentialsHelper = new HarnessCredentialsHelper([]);

	test('a signed delivery starts one execution; a repeat of the same event starts none but is answered 200', async () => {
		const trigger = await webhookTrigger({
			nodeType: new SignedTrigger(),
			parameters: {},
			credentialsHelper,
		});
		try {
			const body = '{"eventId":"e1","customer":{"id":7,"email":"ana@example.com"}}';
			const first = await trigger.post(body, sign(body));
			expect(first.status).toBe(200);
			expect(first.items).toEqual([
				{ json: { event: 'created', id: 7, email: 'ana@example.com' } },
			]);
			const repeat = await trigger.post(body, sign(body));
			expect(repeat.status).toBe(200);
			expect(repeat.items).toBeUndefined();
			expect(trigger.executions()).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});

	test('the Test URL and the Production URL each run once on the same event (Listen for Test Event on a published workflow)', async () => {
		const production = await webhookTrigger({
			nodeType: new SignedTrigger(),
			parameters: {},
			credentialsHelper,
		});
		const listening = await webhookTrigger({
			nodeType: new SignedTrigger(),
			parameters: {},
			credentialsHelper,
			mode: 'manual',
		});
		try {
			const body = '{"eventId":"e-both","customer":{"id":9}}';
			// the vendor delivers the event to both registered URLs, in either order
			await listening.post(body, sign(body));
			await production.post(body, sign(body));
			expect(listening.executions()).toHaveLength(1);
			expect(production.executions()).toHaveLength(1);
			// a repeat to either URL is still known there
			await production.post(body, sign(body));
			expect(production.executions()).toHaveLength(1);
		} finally {
			await production.stop();
			await listening.stop();
		}
	});

	test('wrong, missing, and re-serialized signatures are refused with 401 and no execution', async () => {
		const trigger = await webhookTrigger({
			nodeType: new SignedTrigger(),
			parameters: {},
			credentialsHelper,
		});
		try {
			const spaced = '{ "eventId": "e2", "customer": { "id": 8 } }';
			const reserialized = JSON.stringify(JSON.parse(spaced));
			for (const headers of [
				{},
				{ 'x-signature': 'f'.repeat(64) },
				sign(reserialized),
				{ 'x-signature': hmacSha256Hex(SECRET, spaced).slice(1) },
			]) {
				const answer = await trigger.post(spaced, headers);
				expect(answer.status).toBe(401);
				expect(answer.items).toBeUndefined();
			}
			expect((await trigger.post(spaced, sign(spaced))).items).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});
});

describe('secret comparisons', () => {
	test('sameSecret: equal only for the same string, whatever the lengths', () => {
		expect(sameSecret('abc', 'abc')).toBe(true);
		expect(sameSecret('abc', 'abd')).toBe(false);
		expect(sameSecret('abc', 'ab')).toBe(false);
		expect(sameSecret('abc', 'abcd')).toBe(false);
		expect(sameSecret('abc', undefined)).toBe(false);
		expect(sameSecret('', '')).toBe(true);
	});

	test('basicAuthorizationMatches: the user and password, nothing else', () => {
		const header = `Basic ${Buffer.from('n8n:s3cret').toString('base64')}`;
		expect(basicAuthorizationMatches(header, 'n8n', 's3cret')).toBe(true);
		expect(
			basicAuthorizationMatches(header.toLowerCase().replace('basic', 'BASIC'), 'n8n', 's3cret'),
		).toBe(false);
		expect(
			basicAuthorizationMatches(
				`Basic ${Buffer.from('n8n:wrong').toString('base64')}`,
				'n8n',
				's3cret',
			),
		).toBe(false);
		expect(basicAuthorizationMatches(undefined, 'n8n', 's3cret')).toBe(false);
		expect(basicAuthorizationMatches('Bearer abc', 'n8n', 's3cret')).toBe(false);
	});

	test('hmacSha256Hex matches the vendor test vector (Voucherify docs, key "secretKey")', () => {
		expect(hmacSha256Hex('secretKey', '{"a":1}')).toBe(
			'a17d2ac229d1ebbb5f10e839c7985c4818e5986eab297f7e5979196d4d7d3ed2',
		);
	});
});
