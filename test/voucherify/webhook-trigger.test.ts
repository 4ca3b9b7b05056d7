// The Voucherify Webhook Trigger in n8n-core's hook and webhook contexts against the emulator: registration through
// the Management API (or by hand in the dashboard), signed deliveries the emulator sends when customers change,
// forgeries refused, repeats dropped, the vendor's retry.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { VoucherifyWebhookTrigger } from '../../nodes/Voucherify/VoucherifyWebhookTrigger.node';
import { removeWhitespaces, voucherifySignatureMatches } from '../../nodes/Voucherify/webhooks';
import { hmacSha256Hex } from '../../nodes/shared';
import { useEmulator } from '../emulators/kit';
import {
	VOUCHERIFY_APP_ID,
	VOUCHERIFY_MANAGEMENT_ID,
	VOUCHERIFY_MANAGEMENT_TOKEN,
	VOUCHERIFY_PROJECT_ID,
	VOUCHERIFY_SECRET,
	VOUCHERIFY_WEBHOOK_SECRET,
	VoucherifyEmulator,
} from '../emulators/voucherify';
import { webhookTrigger, type WebhookTriggerUnderTest } from '../harness/harness';
import { voucherifyRunner } from './setup';

const emulatorOptions = {
	timeScale: 20,
	allowLoopbackHttp: true,
	// the vendor's 1, 2, 4 … minutes, shortened for tests
	webhookRetryDelaysMs: [50, 100],
};
const vendor = useEmulator(() => new VoucherifyEmulator(emulatorOptions));
// A request the contract does not allow, sent on purpose (customer.updated through the Management API), goes here.
const unlogged = useEmulator(() => new VoucherifyEmulator(emulatorOptions).withoutContractLog());

const management = {
	webhookSecret: VOUCHERIFY_WEBHOOK_SECRET,
	managementId: VOUCHERIFY_MANAGEMENT_ID,
	managementToken: VOUCHERIFY_MANAGEMENT_TOKEN,
};
const dashboardOnly = { webhookSecret: VOUCHERIFY_WEBHOOK_SECRET };

const triggers: WebhookTriggerUnderTest[] = [];

async function trigger(
	options: {
		events?: string[];
		credential?: Record<string, unknown>;
		mode?: 'trigger' | 'manual';
		staticData?: IDataObject;
		options?: INodeParameters;
		emulator?: () => VoucherifyEmulator;
	} = {},
): Promise<WebhookTriggerUnderTest> {
	const { credential } = voucherifyRunner(options.emulator ?? (() => vendor.get()));
	const cred = credential(options.credential ?? management);
	const parameters: INodeParameters = {
		events: options.events ?? ['created', 'updated', 'deleted'],
		options: options.options ?? {},
	};
	const started = await webhookTrigger({
		nodeType: new VoucherifyWebhookTrigger(),
		parameters,
		credentials: { [cred.type]: cred.id },
		credentialsHelper: cred.helper,
		mode: options.mode,
		staticData: options.staticData,
	});
	triggers.push(started);
	return started;
}

afterEach(async () => {
	await vendor.get().webhookSender.settled();
	for (const t of triggers.splice(0)) await t.stop();
});

beforeEach(() => {
	vendor.get().seed(3);
	vendor.get().clearWebhooks();
	vendor.get().prettyDeliveries = false;
});

/** Changes customers through Voucherify's own API, as another app of the project would. */
async function api(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const answer = await fetch(`${vendor.get().baseUrl}${path}`, {
		method,
		headers: {
			'x-app-id': VOUCHERIFY_APP_ID,
			'x-app-token': VOUCHERIFY_SECRET,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await answer.text();
	return text ? (JSON.parse(text) as IDataObject) : {};
}

const registered = () =>
	vendor.get().webhooks.map((w) => ({ url: w.target_url, events: w.events }));

/** A v2024-01-01 envelope as Voucherify sends it. */
function envelope(type: string, eventId: string, customer: IDataObject = { id: 'cust_1' }) {
	return {
		id: `whs_${eventId}`,
		project_id: VOUCHERIFY_PROJECT_ID,
		created_at: '2026-01-01T00:00:00.000Z',
		type,
		data: { customer },
		source: { id: 'wh_1', object: 'webhook', target_url: 'https://n8n.example.com/webhook/x' },
		event: { id: eventId, type, created_at: '2026-01-01T00:00:00.000Z', entity_id: customer.id },
	};
}
const signed = (body: string, secret = VOUCHERIFY_WEBHOOK_SECRET) => ({
	'x-voucherify-signature': hmacSha256Hex(secret, body),
});

describe('signature (the vendor test vectors, key "secretKey")', () => {
	test('whitespace outside strings is removed, inside strings and after a backslash it is kept', () => {
		expect(removeWhitespaces('{\n  "a": 1\n}')).toBe('{"a":1}');
		expect(removeWhitespaces('{\n  "a\\"b": 1\n}')).toBe('{"a\\"b":1}');
		expect(removeWhitespaces('{ "name" : "Ada  Lovelace", "n": [1, 2] }\r\n')).toBe(
			'{"name":"Ada  Lovelace","n":[1,2]}',
		);
		// Java's whitespace: a no-break space is not one, an ideographic space is
		expect(removeWhitespaces('{"a":\u00a01,\u3000"b":2}')).toBe('{"a":\u00a01,"b":2}');
	});

	test('the raw body or its whitespace-free form, lowercase hex HMAC-SHA256', () => {
		const check = (body: string, signature: string) =>
			voucherifySignatureMatches('secretKey', Buffer.from(body), signature);
		const a = 'a17d2ac229d1ebbb5f10e839c7985c4818e5986eab297f7e5979196d4d7d3ed2';
		expect(check('{"a":1}', a)).toBe(true);
		expect(check('{\n  "a": 1\n}', a)).toBe(true);
		expect(
			check(
				'{\n  "a\\"b": 1\n}',
				'f7cf97814a03146abedb9793f56e1dec34f618f82d10395310d053f749483ffb',
			),
		).toBe(true);
		// a plain string is signed as it is
		expect(
			check('  message  ', '53ff92957e1427ce23ad5bda9d0c5f2f4ff384d0806b83eeacb510c842d3a358'),
		).toBe(true);
		expect(check('{"a":2}', a)).toBe(false);
		expect(check('{"a":1}', a.slice(0, 63))).toBe(false);
		expect(check('{"a":1}', '')).toBe(false);
		expect(voucherifySignatureMatches('otherKey', Buffer.from('{"a":1}'), a)).toBe(false);
	});
});

describe('registration through the Management API', () => {
	test('one webhook for the chosen events; publishing twice, restarting and re-publishing keep one; unpublishing removes it', async () => {
		const first = await trigger({ events: ['created', 'deleted'] });
		expect(await first.activate()).toBe(true);
		expect(registered()).toEqual([
			{ url: first.url, events: ['customer.created', 'customer.deleted'] },
		]);
		// the only project was looked up, since the credential names none
		expect(vendor.get().calls('list-projects')).toHaveLength(1);
		const [created] = vendor.get().calls('create-webhook');
		expect(created.headers['x-management-id']).toBe(VOUCHERIFY_MANAGEMENT_ID);
		expect(created.path).toBe(`/management/v1/projects/${VOUCHERIFY_PROJECT_ID}/webhooks`);
		expect(JSON.parse(created.body)).toEqual({
			target_url: first.url,
			events: ['customer.created', 'customer.deleted'],
			active: true,
		});
		expect(first.staticData()).toMatchObject({ webhookId: vendor.get().webhooks[0].id });

		expect(await first.activate()).toBe(false);
		expect(vendor.get().webhooks).toHaveLength(1);

		// n8n restarted: the same static data (the harness serves on a new port, so the URL changed too)
		const restarted = await trigger({
			events: ['created', 'deleted'],
			// the workflow's static data, as n8n stores it (the node's under "node:<name>")
			staticData: { 'node:Trigger': JSON.parse(JSON.stringify(first.staticData())) as IDataObject },
		});
		await restarted.activate();
		await restarted.activate();
		expect(registered()).toEqual([
			{ url: restarted.url, events: ['customer.created', 'customer.deleted'] },
		]);

		expect(await restarted.deactivate()).toBe(true);
		expect(vendor.get().webhooks).toEqual([]);
		expect(restarted.staticData().webhookId).toBeUndefined();
		expect(
			vendor
				.get()
				.calls('delete-webhook')
				.map((r) => r.status),
		).toEqual([204, 204]);
	});

	test("customer.updated is left to the dashboard: a webhook where the user ticked it still counts as the trigger's own", async () => {
		const hook = await trigger();
		await hook.activate();
		expect(registered()).toEqual([
			{ url: hook.url, events: ['customer.created', 'customer.deleted'] },
		]);
		// what the node's notice asks the user to do in Project settings → Webhooks
		vendor.get().webhooks[0].events.push('customer.updated');
		expect(await hook.activate()).toBe(false);
		expect(vendor.get().webhooks).toHaveLength(1);
	});

	test("a webhook at the trigger's URL that Voucherify disabled, or with other events, is replaced, not doubled", async () => {
		const hook = await trigger({ events: ['created'] });
		vendor.get().addWebhookInDashboard(hook.url, ['customer.deleted']);
		vendor.get().addWebhookInDashboard(hook.url, ['customer.created'], false);
		expect(await hook.activate()).toBe(true);
		expect(registered()).toEqual([{ url: hook.url, events: ['customer.created'] }]);
		expect(vendor.get().webhooks[0].active).toBe(true);
	});

	test('a Project ID is needed when the keys reach several projects', async () => {
		vendor.get().projects.push({
			id: 'proj_other2',
			name: 'Staging',
			cluster_id: 'eu1',
			webhook_version: 'v2024-01-01',
		});
		try {
			const ambiguous = await trigger();
			await expect(ambiguous.activate()).rejects.toThrow(
				'The Management API keys reach 2 projects: enter the Project ID of the one the Application ID belongs to in the Voucherify credential (proj_n8nEmu1 (n8n demo), proj_other2 (Staging))',
			);
			expect(vendor.get().webhooks).toEqual([]);
			const named = await trigger({
				credential: { ...management, projectId: VOUCHERIFY_PROJECT_ID },
			});
			await named.activate();
			expect(vendor.get().calls('list-projects')).toHaveLength(1);
			expect(vendor.get().webhooks.map((w) => w.projectId)).toEqual([VOUCHERIFY_PROJECT_ID]);
		} finally {
			vendor.get().projects.splice(1);
		}
	});

	test("a wrong Project ID fails publishing with Voucherify's message, the ID readable", async () => {
		const hook = await trigger({ credential: { ...management, projectId: 'proj_typo' } });
		await expect(hook.activate()).rejects.toThrow(
			'Voucherify: Cannot find project with id proj_typo',
		);
	});

	test('unpublishing after the webhook was deleted in the dashboard succeeds and forgets it', async () => {
		const hook = await trigger({ events: ['created'] });
		await hook.activate();
		vendor.get().webhooks.length = 0;
		expect(await hook.deactivate()).toBe(true);
		expect(
			vendor
				.get()
				.calls('delete-webhook')
				.map((r) => r.status),
		).toEqual([404]);
		expect(hook.staticData()).toEqual({});
	});

	test("the option to register customer.updated through the API: Voucherify's refusal stops publishing with its reason", async () => {
		unlogged.get().clearWebhooks();
		const hook = await trigger({
			events: ['updated'],
			options: { registerUpdated: true },
			emulator: () => unlogged.get(),
		});
		await expect(hook.activate()).rejects.toThrow(
			'Voucherify: events: unknown event customer.updated',
		);
		expect(JSON.parse(unlogged.get().calls('create-webhook')[0].body).events).toEqual([
			'customer.updated',
		]);
		expect(unlogged.get().webhooks).toEqual([]);
	});

	test('without a Webhook Secret Key publishing is refused and nothing is registered; deliveries are refused', async () => {
		const hook = await trigger({
			credential: {
				managementId: VOUCHERIFY_MANAGEMENT_ID,
				managementToken: VOUCHERIFY_MANAGEMENT_TOKEN,
			},
		});
		await expect(hook.activate()).rejects.toThrow(
			'The Voucherify credential has no Webhook Secret Key: copy the Secret key from Project settings → Webhooks into it',
		);
		expect(vendor.get().requests).toEqual([]);
		const body = JSON.stringify(envelope('customer.created', 'evcus_nosecret'));
		const answer = await hook.post(body, signed(body));
		expect(answer.status).toBe(401);
		expect(answer.items).toBeUndefined();
	});

	test('only one of the Management keys: publishing is refused, naming the missing one', async () => {
		const hook = await trigger({
			credential: {
				webhookSecret: VOUCHERIFY_WEBHOOK_SECRET,
				managementId: VOUCHERIFY_MANAGEMENT_ID,
			},
		});
		await expect(hook.activate()).rejects.toThrow(
			'The Voucherify credential has a Management API ID but no Management API Token',
		);
	});

	test('Listen for test event registers the Test URL and removes it afterwards', async () => {
		const test = await trigger({ mode: 'manual', events: ['created'] });
		expect(test.url).toContain('/webhook-test/');
		await test.activate();
		expect(registered()).toEqual([{ url: test.url, events: ['customer.created'] }]);
		await api('POST', '/v1/customers', { source_id: 'test-event', email: 'test@example.com' });
		await vendor.get().webhookSender.settled();
		expect(test.executions()).toHaveLength(1);
		expect(test.executions()[0][0].json).toMatchObject({
			event: 'created',
			source_id: 'test-event',
		});
		await test.deactivate();
		expect(vendor.get().webhooks).toEqual([]);
	});
	test('n8n unreachable through every retry: Voucherify disables the webhook, publishing again replaces it', async () => {
		const down = await trigger({ events: ['created'] });
		await down.activate();
		await down.stop();
		await api('POST', '/v1/customers', { source_id: 'while-down' });
		await vendor.get().webhookSender.settled();
		expect(vendor.get().webhookSender.deliveries[0].attempts.map((a) => a.status)).toEqual([
			0, 0, 0,
		]);
		vendor.get().disableFailedWebhooks();
		expect(vendor.get().webhooks.map((w) => w.active)).toEqual([false]);

		const back = await trigger({
			events: ['created'],
			staticData: { 'node:Trigger': JSON.parse(JSON.stringify(down.staticData())) as IDataObject },
		});
		expect(await back.activate()).toBe(true);
		expect(vendor.get().webhooks.map((w) => [w.target_url, w.active])).toEqual([[back.url, true]]);
	});

	test('listening for a test event beside the published workflow leaves its webhook alone', async () => {
		const published = await trigger({ events: ['created'] });
		await published.activate();
		const test = await trigger({
			mode: 'manual',
			events: ['created'],
			staticData: {
				'node:Trigger': JSON.parse(JSON.stringify(published.staticData())) as IDataObject,
			},
		});
		await test.activate();
		expect(registered().map((w) => w.url)).toEqual([published.url, test.url]);
		await test.deactivate();
		expect(registered().map((w) => w.url)).toEqual([published.url]);
		expect(test.staticData()).toEqual(published.staticData());
	});
});

describe('deliveries', () => {
	test('customers created, updated and deleted at Voucherify each start one execution with the customer', async () => {
		const hook = await trigger();
		await hook.activate();
		vendor.get().webhooks[0].events.push('customer.updated');

		// created through the Voucherify node, updated and deleted through the API
		const { run } = voucherifyRunner(() => vendor.get(), { resource: 'customer' });
		const made = await run({
			operation: 'upsert',
			sourceId: 'ws-1',
			customerFields: { name: 'Webhook Ada', email: 'ada.webhook@example.com' },
		});
		expect(made.error).toBeUndefined();
		await vendor.get().webhookSender.settled();
		const id = String(vendor.get().find('ws-1')!.id);
		await api('PUT', `/v1/customers/${id}`, { name: 'Webhook Ada King' });
		await vendor.get().webhookSender.settled();
		await api('DELETE', `/v1/customers/${id}`);
		await vendor.get().webhookSender.settled();

		const executions = hook.executions();
		expect(executions.map((items) => items.length)).toEqual([1, 1, 1]);
		const [created, updated, deleted] = executions.map((items) => items[0].json);
		const sent = vendor
			.get()
			.webhookSender.deliveries.map((d) => JSON.parse(d.body) as IDataObject);
		expect(created).toMatchObject({
			event: 'created',
			vendorEvent: 'customer.created',
			eventId: (sent[0].event as IDataObject).id,
			id,
			source_id: 'ws-1',
			name: 'Webhook Ada',
			email: 'ada.webhook@example.com',
			object: 'customer',
		});
		expect(updated).toMatchObject({
			event: 'updated',
			vendorEvent: 'customer.updated',
			id,
			name: 'Webhook Ada King',
		});
		expect(deleted).toMatchObject({ event: 'deleted', vendorEvent: 'customer.deleted', id });
		expect(String(deleted.source_id)).toMatch(/^ws-1_deleted\d{4}-/);
		expect(new Set([created.eventId, updated.eventId, deleted.eventId]).size).toBe(3);
		expect(hook.deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
	});

	test('a webhook added by hand in the dashboard (no Management keys): nothing registered, deliveries verified', async () => {
		const hook = await trigger({ credential: dashboardOnly, events: ['created', 'updated'] });
		expect(await hook.activate()).toBe(false);
		expect(vendor.get().requests).toEqual([]);
		vendor.get().addWebhookInDashboard(hook.url, ['customer.created', 'customer.updated']);
		await api('POST', '/v1/customers', { source_id: 'dash-1', name: 'Dash' });
		await api('POST', '/v1/customers', { source_id: 'dash-1', name: 'Dash Two' });
		await vendor.get().webhookSender.settled();
		expect(hook.executions().map((items) => items[0].json.event)).toEqual(['created', 'updated']);
		expect(await hook.deactivate()).toBe(true);
		expect(vendor.get().webhooks).toHaveLength(1);
	});

	test('bulk updates and CSV imports send no customer.updated, as Voucherify documents', async () => {
		const hook = await trigger({ credential: dashboardOnly });
		vendor.get().addWebhookInDashboard(hook.url, ['customer.created', 'customer.updated']);
		await api('POST', '/v1/customers/bulk/async', [
			{ source_id: 'src-1', name: 'Changed' },
			{ source_id: 'bulk-new', name: 'New' },
		]);
		// the async action applies once it is DONE, as a client reading it sees
		const actionId = [...vendor.get().asyncActions.keys()][0];
		while ((await api('GET', `/v1/async-actions/${actionId}`)).status !== 'DONE')
			await new Promise((resolve) => setTimeout(resolve, 10));
		await vendor.get().webhookSender.settled();
		expect(
			hook.executions().map((items) => [items[0].json.event, items[0].json.source_id]),
		).toEqual([['created', 'bulk-new']]);
	});

	test('pretty-printed deliveries are verified over their whitespace-free form', async () => {
		vendor.get().prettyDeliveries = true;
		const hook = await trigger({ credential: dashboardOnly });
		vendor.get().addWebhookInDashboard(hook.url, ['customer.created']);
		await api('POST', '/v1/customers', { source_id: 'pretty-1', description: 'two  spaces' });
		await vendor.get().webhookSender.settled();
		expect(vendor.get().webhookSender.deliveries[0].body).toContain('\n  "id": "whs_');
		expect(hook.executions()[0][0].json).toMatchObject({
			source_id: 'pretty-1',
			description: 'two  spaces',
		});
	});

	test('wrong, missing, other-secret and re-serialized signatures: 401 and no execution', async () => {
		const hook = await trigger({ credential: dashboardOnly });
		const body = JSON.stringify(
			envelope('customer.created', 'evcus_forged', { id: 'cust_9', name: 'José' }),
		);
		// the same JSON with the é escaped: a different payload by Voucherify's definition
		const reserialized = body.replace('é', '\\u00e9');
		const forgeries: Array<[string, Record<string, string>]> = [
			[body, {}],
			[body, { 'x-voucherify-signature': 'f'.repeat(64) }],
			[body, signed(body, 'someone-elses-secret')],
			[reserialized, signed(body)],
			[body.replace('cust_9', 'cust_8'), signed(body)],
		];
		for (const [sent, headers] of forgeries) {
			const answer = await hook.post(sent, headers);
			expect(answer.status).toBe(401);
			expect(answer.body).not.toContain(VOUCHERIFY_WEBHOOK_SECRET);
			expect(answer.items).toBeUndefined();
		}
		const genuine = await hook.post(body, signed(body));
		expect(genuine.status).toBe(200);
		expect(genuine.items?.[0].json).toMatchObject({ event: 'created', id: 'cust_9', name: 'José' });
		expect(hook.executions()).toHaveLength(1);
	});

	test('the same event delivered twice starts one execution; both are answered 200', async () => {
		const hook = await trigger({ credential: dashboardOnly });
		const body = JSON.stringify(envelope('customer.updated', 'evcus_twice'));
		expect((await hook.post(body, signed(body))).items).toHaveLength(1);
		const repeat = await hook.post(body, signed(body));
		expect(repeat.status).toBe(200);
		expect(repeat.items).toBeUndefined();
		expect(hook.executions()).toHaveLength(1);
	});

	test('events not chosen and other Voucherify events are answered 200 and start nothing', async () => {
		const hook = await trigger({ credential: dashboardOnly, events: ['created'] });
		for (const type of [
			'customer.updated',
			'customer.deleted',
			'voucher.created',
			'customer.rewarded',
		]) {
			const body = JSON.stringify(envelope(type, `ev_${type}`));
			const answer = await hook.post(body, signed(body));
			expect(answer.status).toBe(200);
			expect(answer.items).toBeUndefined();
		}
		expect(hook.executions()).toEqual([]);
	});

	describe('the vendor retries a delivery that got no 2xx', () => {
		let gate: Server;
		let gateUrl = '';
		/** What the gate does with each attempt: forward it to n8n or not, and the status it answers. */
		let plan: Array<{ forward: boolean; status: number }> = [];
		/** The trigger's URL the gate forwards to. */
		let targetUrl = '';

		beforeAll(async () => {
			gate = createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (chunk: Buffer) => chunks.push(chunk));
				req.on('end', () => {
					void (async () => {
						const step = plan.shift() ?? { forward: true, status: 0 };
						let status = step.status;
						if (step.forward) {
							const answer = await fetch(targetUrl, {
								method: 'POST',
								headers: {
									'content-type': 'application/json',
									'x-voucherify-signature': String(req.headers['x-voucherify-signature']),
								},
								body: Buffer.concat(chunks),
							});
							await answer.arrayBuffer();
							status ||= answer.status;
						}
						res.writeHead(status).end();
					})();
				});
			});
			await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
			gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}/n8n`;
		});
		afterAll(async () => await new Promise<void>((resolve) => gate.close(() => resolve())));

		test('n8n down at first: the retry starts the workflow', async () => {
			const hook = await trigger({ credential: dashboardOnly });
			targetUrl = hook.url;
			plan = [{ forward: false, status: 502 }];
			vendor.get().addWebhookInDashboard(gateUrl, ['customer.created']);
			await api('POST', '/v1/customers', { source_id: 'retry-1' });
			await vendor.get().webhookSender.settled();
			const [delivery] = vendor.get().webhookSender.deliveries;
			expect(delivery.attempts.map((a) => a.status)).toEqual([502, 200]);
			expect(delivery.delivered).toBe(true);
			expect(hook.executions()).toHaveLength(1);
		});

		test('n8n got it but the answer was lost: the retry of the same event is dropped', async () => {
			const hook = await trigger({ credential: dashboardOnly });
			targetUrl = hook.url;
			plan = [{ forward: true, status: 504 }];
			vendor.get().addWebhookInDashboard(gateUrl, ['customer.created']);
			await api('POST', '/v1/customers', { source_id: 'retry-2' });
			await vendor.get().webhookSender.settled();
			expect(vendor.get().webhookSender.deliveries[0].attempts.map((a) => a.status)).toEqual([
				504, 200,
			]);
			expect(hook.deliveries.map((d) => d.status)).toEqual([200, 200]);
			expect(hook.executions()).toHaveLength(1);
			expect(hook.executions()[0][0].json).toMatchObject({ source_id: 'retry-2' });
		});
	});
});
