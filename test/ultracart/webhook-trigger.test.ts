// The UltraCart Webhook Trigger in n8n-core's HookContext and WebhookContext against the emulator's Webhook API:
// one registration per URL with a generated Basic user and password, real batched deliveries, forgeries refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { UltraCartWebhookTrigger } from '../../nodes/UltraCart/UltraCartWebhookTrigger.node';
import { useEmulator } from '../emulators/kit';
import {
	ULTRACART_SIMPLE_KEY,
	UltraCartEmulator,
	type UltraCartWebhookRegistration,
} from '../emulators/ultracart';
import { webhookTrigger, type WebhookTriggerUnderTest } from '../harness/harness';
import type { TestCredential } from '../harness/provider-runner';
import { oauthCredentialData, ultraCartRunner } from './setup';

// Batches go out at maximum_events or when a test settles the deliveries, never by a timer racing the test.
const emulatorOptions = {
	timeScale: 100,
	allowLoopbackHttp: true,
	webhookBatchWindowMs: 60_000,
	webhookRetryDelaysMs: [20, 40],
};
const vendor = useEmulator(() => new UltraCartEmulator(emulatorOptions));
// Registrations UltraCart refuses on purpose go here, outside the contract log the checker judges.
const unlogged = useEmulator(() =>
	new UltraCartEmulator({ ...emulatorOptions, allowLoopbackHttp: false }).withoutContractLog(),
);
const ultraCart = ultraCartRunner(() => vendor.get(), { simplify: false });

const started: WebhookTriggerUnderTest[] = [];
afterEach(async () => {
	for (const trigger of started.splice(0)) await trigger.stop();
});

beforeEach(() => vendor.get().seed(3));

function oauthCredential(): TestCredential {
	return ultraCart.credential(oauthCredentialData(vendor.get().baseUrl), 'ultraCartOAuth2Api');
}

async function startTrigger(
	parameters: INodeParameters,
	options: {
		credential?: TestCredential;
		mode?: 'trigger' | 'manual';
		staticData?: IDataObject;
		port?: number;
	} = {},
): Promise<WebhookTriggerUnderTest> {
	const credential = options.credential ?? ultraCart.credential();
	const trigger = await webhookTrigger({
		nodeType: new UltraCartWebhookTrigger(),
		parameters: { authentication: credential.type, ...parameters },
		credentials: { [credential.type]: credential.id },
		credentialsHelper: credential.helper,
		mode: options.mode,
		staticData: options.staticData,
		port: options.port,
	});
	started.push(trigger);
	return trigger;
}

/** n8n restarted: the same workflow URL, the static data n8n saved. */
async function restart(
	trigger: WebhookTriggerUnderTest,
	parameters: INodeParameters,
	staticData: IDataObject = JSON.parse(JSON.stringify(trigger.staticData())) as IDataObject,
) {
	await trigger.stop();
	started.splice(started.indexOf(trigger), 1);
	return await startTrigger(parameters, {
		staticData: { 'node:Trigger': staticData },
		port: Number(new URL(trigger.url).port),
	});
}

/** Sends the batches waiting at the emulator and waits until every answered attempt reached the trigger's record. */
async function settle(trigger: WebhookTriggerUnderTest): Promise<void> {
	await vendor.get().deliveriesSettled();
	const answered = vendor
		.get()
		.webhookSender.deliveries.filter((d) => d.url === trigger.url)
		.flatMap((d) => d.attempts)
		.filter((a) => a.status !== 0).length;
	while (trigger.deliveries.length < answered) await new Promise((r) => setTimeout(r, 5));
}

const basic = (user: string, password: string) => ({
	authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const credentialsOf = (trigger: WebhookTriggerUnderTest) =>
	basic(String(trigger.staticData().basicUsername), String(trigger.staticData().basicPassword));
const sentBody = (operation: string, index = 0) =>
	JSON.parse(vendor.get().calls(operation)[index].body) as IDataObject;
const runCustomer = async (operation: string, parameters: INodeParameters, input?: IDataObject[]) =>
	await ultraCart.run(
		{ resource: 'customer', operation, ...parameters },
		input ? { input: input.map((json) => ({ json })) } : {},
	);

describe('registration', () => {
	test('activation inserts one webhook: Basic with a generated user and password, the chosen customer events and expansions, no compression', async () => {
		const trigger = await startTrigger({
			events: ['created', 'updated', 'deleted'],
			expand: ['billing', 'shipping'],
		});
		expect(await trigger.activate()).toBe(true);
		const sent = sentBody('insertWebhook');
		const { basicUsername, basicPassword, webhookOid } = trigger.staticData();
		expect(String(basicPassword).length).toBeGreaterThanOrEqual(32);
		expect(basicUsername).toMatch(/^n8n-[0-9a-f]{16}$/);
		expect(sent).toEqual({
			webhook_url: trigger.url,
			authentication_type: 'basic',
			basic_username: basicUsername,
			basic_password: basicPassword,
			api_version: '2017-03-01',
			compress_events: false,
			maximum_events: 10,
			event_categories: [
				{
					event_category: 'customer',
					events: [
						{ event_name: 'customer_create', subscribed: true, expansion: 'billing,shipping' },
						{ event_name: 'customer_update', subscribed: true, expansion: 'billing,shipping' },
						{ event_name: 'customer_delete', subscribed: true, expansion: '' },
					],
				},
			],
		});
		const [held] = vendor.get().webhooks;
		expect(vendor.get().webhooks).toHaveLength(1);
		expect(held.webhook_oid).toBe(webhookOid);
		expect(held.webhook_url).toBe(trigger.url);
		// a second trigger's password is another one
		const other = await startTrigger({ events: ['created'] });
		await other.activate();
		expect(other.staticData().basicPassword).not.toBe(basicPassword);
	});

	test('activating twice, restarting n8n, activating again: still one registration; deactivating removes it', async () => {
		const parameters = { events: ['created', 'updated'] };
		const trigger = await startTrigger(parameters);
		expect(await trigger.activate()).toBe(true);
		expect(await trigger.activate()).toBe(false);
		const restarted = await restart(trigger, parameters);
		expect(await restarted.activate()).toBe(false);
		expect(await restarted.activate()).toBe(false);
		expect(vendor.get().calls('insertWebhook')).toHaveLength(1);
		expect(vendor.get().calls('updateWebhook')).toHaveLength(0);
		expect(vendor.get().webhooks).toHaveLength(1);
		expect(vendor.get().calls('getWebhooks')[0].query).toBe('_limit=100&_offset=0');

		const oid = restarted.staticData().webhookOid;
		// an id lost from the static data: the registration is found by its URL
		const withoutId = await restart(restarted, parameters, {
			...JSON.parse(JSON.stringify(restarted.staticData())),
			webhookOid: undefined,
		});
		expect(await withoutId.deactivate()).toBe(true);
		expect(vendor.get().webhooks).toHaveLength(0);
		expect(
			vendor
				.get()
				.calls('deleteWebhook')
				.map((r) => r.path),
		).toEqual([`/rest/v2/webhook/webhooks/${String(oid)}`]);
		expect(withoutId.staticData()).toEqual({});
	});

	test('a registration that differs is repaired in place, never added twice: compression and disabling switched on in the back office, events changed, password lost, a leftover second one', async () => {
		const parameters = { events: ['created'] };
		const trigger = await startTrigger(parameters);
		await trigger.activate();
		const held = () => vendor.get().webhooks[0];
		Object.assign(held(), { compress_events: true, disabled: true });
		// compressed events cannot be read here (no zlib in community nodes): refused, explained, retried by UltraCart
		await runCustomer('create', { email: 'zipped@example.com' });
		await settle(trigger);
		expect(trigger.executions()).toHaveLength(0);

		let current = await restart(trigger, parameters);
		expect(await current.activate()).toBe(true);
		expect(held()).toMatchObject({ compress_events: false, disabled: false });
		expect(sentBody('updateWebhook')).toMatchObject({ compress_events: false, disabled: false });

		const changed = { events: ['created', 'deleted'] };
		current = await restart(current, changed);
		expect(await current.activate()).toBe(true);
		expect(
			held().event_categories[0].events.map((e: { event_name: string }) => e.event_name),
		).toEqual(['customer_create', 'customer_delete']);

		// static data lost: a new password replaces the old one on the same registration
		const oldPassword = credentialsOf(current);
		current = await restart(current, changed, {});
		expect(await current.activate()).toBe(true);
		expect(held().basic_password).toBe(current.staticData().basicPassword);
		expect((await current.post('{"events":[]}', oldPassword)).status).toBe(401);

		// a second registration for the same URL (left over by hand) is removed
		vendor.get().webhooks.push({
			...(JSON.parse(JSON.stringify(held())) as UltraCartWebhookRegistration),
			webhook_oid: 99999,
		} as UltraCartWebhookRegistration);
		current = await restart(current, changed);
		expect(await current.activate()).toBe(true);
		expect(vendor.get().webhooks.map((w) => w.webhook_oid)).toEqual([
			current.staticData().webhookOid,
		]);
		expect(vendor.get().calls('insertWebhook')).toHaveLength(1);
		expect(
			vendor
				.get()
				.calls('deleteWebhook')
				.map((r) => r.path),
		).toEqual(['/rest/v2/webhook/webhooks/99999']);
	});

	test('OAuth2: registration and removal with the bearer token, refreshed after a 401', async () => {
		const credential = oauthCredential();
		const trigger = await startTrigger({ events: ['created'] }, { credential });
		expect(await trigger.activate()).toBe(true);
		const [refused, accepted] = vendor.get().calls('getWebhooks');
		expect(refused.headers.authorization).toBe('Bearer expired-token');
		expect(accepted.headers.authorization).toMatch(/^Bearer uc-access-\d+$/);
		expect(vendor.get().calls('insertWebhook')[0].headers.authorization).toBe(
			accepted.headers.authorization,
		);
		expect(vendor.get().webhooks).toHaveLength(1);
		await runCustomer('create', { email: 'oauth@example.com' });
		await settle(trigger);
		expect(trigger.executions().map((items) => items.map((i) => i.json.email))).toEqual([
			['oauth@example.com'],
		]);
		await trigger.deactivate();
		expect(vendor.get().webhooks).toHaveLength(0);
	});

	test('manual mode (Listen for Test Event) registers the Test URL, receives, and is removed afterwards', async () => {
		const trigger = await startTrigger({ events: ['created'] }, { mode: 'manual' });
		expect(trigger.url).toContain('/webhook-test/');
		await trigger.activate();
		expect(vendor.get().webhooks.map((w) => w.webhook_url)).toEqual([trigger.url]);
		await runCustomer('create', { email: 'test-event@example.com' });
		await settle(trigger);
		expect(trigger.executions()).toHaveLength(1);
		expect(trigger.executions()[0][0].json).toMatchObject({
			event: 'created',
			email: 'test-event@example.com',
		});
		await trigger.deactivate();
		expect(vendor.get().webhooks).toHaveLength(0);
	});

	test('activation fails with the reason: no event chosen (nothing sent), an http URL UltraCart refuses for customer data', async () => {
		const none = await startTrigger({ events: [] });
		await expect(none.activate()).rejects.toThrow('Parameter "Events" is empty');
		expect(vendor.get().requests).toHaveLength(0);

		const strict = ultraCart.credential({ customBaseUrl: `${unlogged.get().baseUrl}/rest/v2` });
		const refused = await startTrigger({ events: ['created'] }, { credential: strict });
		await expect(refused.activate()).rejects.toThrow(
			/Must be HTTPS for customer related information/,
		);
		expect(unlogged.get().webhooks).toHaveLength(0);
	});
});

describe('deliveries', () => {
	test('customers created, updated and deleted through the node: each event runs the workflow once with its customer', async () => {
		const trigger = await startTrigger({
			events: ['created', 'updated', 'deleted'],
			expand: ['billing'],
		});
		await trigger.activate();
		const created = await runCustomer('create', {
			email: 'nina@example.com',
			additionalFields: { billing: { first_name: 'Nina', city: 'Reno', country_code: 'US' } },
		});
		const oid = created.items[0].json.customer_profile_oid as number;
		await settle(trigger);
		await runCustomer('update', {
			customerProfileOid: String(oid),
			updateFields: { tax_exempt: true },
		});
		await settle(trigger);
		await runCustomer('delete', { customerProfileOid: String(oid) });
		await settle(trigger);

		const [first, second, third] = vendor.get().webhookSender.deliveries;
		expect(first.headers).toEqual(credentialsOf(trigger));
		expect(JSON.parse(first.body)).toEqual({
			events: [{ customer_create: expect.objectContaining({ customer_profile_oid: oid }) }],
		});
		const executions = trigger.executions();
		expect(executions).toHaveLength(3);
		expect(executions[0]).toEqual([
			{
				json: expect.objectContaining({
					event: 'created',
					vendorEvent: 'customer_create',
					customer_profile_oid: oid,
					email: 'nina@example.com',
					billing: [expect.objectContaining({ first_name: 'Nina', city: 'Reno' })],
				}),
			},
		]);
		expect(executions[1][0].json).toMatchObject({
			event: 'updated',
			vendorEvent: 'customer_update',
			customer_profile_oid: oid,
			tax_exempt: true,
		});
		// customer_delete goes without expansions, as in the vendor's sample
		expect(executions[2][0].json).toMatchObject({
			event: 'deleted',
			vendorEvent: 'customer_delete',
			customer_profile_oid: oid,
		});
		expect(executions[2][0].json.billing).toBeUndefined();
		expect([second, third].every((d) => d.attempts.map((a) => a.status).join() === '200')).toBe(
			true,
		);
	});

	test('batching: events within one window come in one POST, split into one item per event, at most Events per Delivery each', async () => {
		const trigger = await startTrigger({
			events: ['created', 'updated'],
			options: { maximumEvents: 3 },
		});
		await trigger.activate();
		expect(vendor.get().webhooks[0].maximum_events).toBe(3);
		const emails = ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'];
		await runCustomer(
			'create',
			{ email: '={{ $json.email }}' },
			emails.map((email) => ({ email })),
		);
		await runCustomer('update', { customerProfileOid: '1001', updateFields: { tax_exempt: true } });
		await settle(trigger);
		const bodies = vendor
			.get()
			.webhookSender.deliveries.map(
				(d) => (JSON.parse(d.body) as { events: IDataObject[] }).events,
			);
		expect(bodies.map((events) => events.map((e) => Object.keys(e)[0]))).toEqual([
			['customer_create', 'customer_create', 'customer_create'],
			['customer_create', 'customer_update'],
		]);
		expect(
			trigger
				.executions()
				.map((items) => items.map((i) => `${String(i.json.event)} ${String(i.json.email)}`)),
		).toEqual([
			['created a@example.com', 'created b@example.com', 'created c@example.com'],
			['created d@example.com', 'updated buyer1@example.com'],
		]);
		// a batch also ends at maximum_size bytes: here each event fills one
		vendor.get().webhooks[0].maximum_size = 1;
		await runCustomer(
			'create',
			{ email: '={{ $json.email }}' },
			['e@example.com', 'f@example.com'].map((email) => ({ email })),
		);
		await settle(trigger);
		expect(
			trigger
				.executions()
				.slice(2)
				.map((items) => items.map((i) => i.json.email)),
		).toEqual([['e@example.com'], ['f@example.com']]);
	});

	test('the older bare-array body is read as the events list', async () => {
		const trigger = await startTrigger({ events: ['created'] });
		await trigger.activate();
		vendor.get().deliveryShape = 'array';
		await runCustomer('create', { email: 'legacy@example.com' });
		await settle(trigger);
		const [delivery] = vendor.get().webhookSender.deliveries;
		expect(JSON.parse(delivery.body)).toEqual([
			{ customer_create: expect.objectContaining({ email: 'legacy@example.com' }) },
		]);
		expect(trigger.executions()).toEqual([
			[{ json: expect.objectContaining({ event: 'created', email: 'legacy@example.com' }) }],
		]);
	});

	test('Basic authentication: wrong password, wrong user, missing, or another scheme is refused with 401 and no execution', async () => {
		const trigger = await startTrigger({ events: ['created'] });
		await trigger.activate();
		const { basicUsername, basicPassword } = trigger.staticData() as Record<string, string>;
		const body = JSON.stringify({
			events: [{ customer_create: { customer_profile_oid: 5, email: 'x@example.com' } }],
		});
		for (const headers of [
			basic(basicUsername, `${basicPassword}x`),
			basic(basicUsername, basicPassword.slice(1)),
			basic('n8n', basicPassword),
			{},
			{ authorization: `Bearer ${basicPassword}` },
			{ authorization: `Basic ${basicPassword}` },
		]) {
			const answer = await trigger.post(body, headers);
			expect(answer.status).toBe(401);
			expect(answer.items).toBeUndefined();
		}
		expect(trigger.executions()).toHaveLength(0);
		const right = await trigger.post(body, basic(basicUsername, basicPassword));
		expect(right.status).toBe(200);
		expect(right.items).toHaveLength(1);
	});

	test('a trigger without its registration (never activated) refuses every delivery', async () => {
		const trigger = await startTrigger({ events: ['created'] });
		const answer = await trigger.post('{"events":[]}', basic('n8n', 'anything'));
		expect(answer.status).toBe(401);
		expect(answer.body).toContain('publish the workflow again');
	});

	test('a repeated delivery of the same event is answered 200 and starts nothing; a later change of the customer does', async () => {
		const trigger = await startTrigger({ events: ['updated'] });
		await trigger.activate();
		const event = (taxExempt: boolean) =>
			JSON.stringify({
				events: [
					{
						customer_update: {
							customer_profile_oid: 1002,
							email: 'buyer2@example.com',
							last_modified_dts: '2026-12-03T10:00:00-05:00',
							tax_exempt: taxExempt,
						},
					},
				],
			});
		expect((await trigger.post(event(true), credentialsOf(trigger))).items).toHaveLength(1);
		const repeat = await trigger.post(event(true), credentialsOf(trigger));
		expect(repeat.status).toBe(200);
		expect(repeat.items).toBeUndefined();
		expect((await trigger.post(event(false), credentialsOf(trigger))).items).toHaveLength(1);
		expect(trigger.executions()).toHaveLength(2);
	});

	test('events not chosen are answered 200 and start nothing; in a mixed batch only the chosen ones become items', async () => {
		const trigger = await startTrigger({ events: ['created'] });
		await trigger.activate();
		const only = await trigger.post(
			JSON.stringify({
				events: [
					{ customer_update: { customer_profile_oid: 1001 } },
					{ order_create: { order_id: 'DEMO-1' } },
				],
			}),
			credentialsOf(trigger),
		);
		expect(only.status).toBe(200);
		expect(only.items).toBeUndefined();
		const mixed = await trigger.post(
			JSON.stringify({
				events: [
					{ customer_delete: { customer_profile_oid: 1001 } },
					{ customer_create: { customer_profile_oid: 1009, email: 'new@example.com' } },
				],
			}),
			credentialsOf(trigger),
		);
		expect(mixed.items?.map((i) => i.json)).toEqual([
			{
				event: 'created',
				vendorEvent: 'customer_create',
				customer_profile_oid: 1009,
				email: 'new@example.com',
			},
		]);
	});

	test("UltraCart's retry after a non-2xx answer: delivered once; a retry after an answer lost on the way is dropped", async () => {
		const trigger = await startTrigger({ events: ['created'] });
		await trigger.activate();
		// stands between UltraCart and n8n: the first attempt fails before n8n, the second reaches n8n but its answer is lost
		let attempt = 0;
		const relay: Server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				void (async () => {
					attempt++;
					if (attempt === 1) {
						res.writeHead(503).end();
						return;
					}
					const answer = await fetch(trigger.url, {
						method: 'POST',
						headers: req.headers as Record<string, string>,
						body: Buffer.concat(chunks),
					});
					await answer.arrayBuffer();
					res.writeHead(attempt === 2 ? 502 : answer.status).end();
				})();
			});
		});
		await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
		try {
			vendor.get().webhooks[0].webhook_url = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`;
			await runCustomer('create', { email: 'retry@example.com' });
			await vendor.get().deliveriesSettled();
			while (trigger.deliveries.length < 2) await new Promise((r) => setTimeout(r, 5));
			const [delivery] = vendor.get().webhookSender.deliveries;
			expect(delivery.attempts.map((a) => a.status)).toEqual([503, 502, 200]);
			expect(trigger.deliveries.map((d) => d.status)).toEqual([200, 200]);
			expect(trigger.executions()).toHaveLength(1);
			expect(trigger.executions()[0][0].json.email).toBe('retry@example.com');
		} finally {
			await new Promise<void>((resolve) => relay.close(() => resolve()));
		}
	});

	test('compressed events are refused with 415 and what to do, and UltraCart keeps them to retry', async () => {
		const trigger = await startTrigger({ events: ['created'] });
		await trigger.activate();
		vendor.get().webhooks[0].compress_events = true;
		await runCustomer('create', { email: 'gz@example.com' });
		await settle(trigger);
		const [delivery] = vendor.get().webhookSender.deliveries;
		expect(typeof (JSON.parse(delivery.body) as { events: unknown }).events).toBe('string');
		expect(delivery.delivered).toBe(false);
		expect(trigger.deliveries.map((d) => d.status)).toEqual([415, 415, 415]);
		expect(trigger.deliveries[0].body).toContain('Compress Events');
		expect(trigger.executions()).toHaveLength(0);
	});
});

describe('emulator Webhook API', () => {
	test('deleteWebhookByUrl removes every registration of that URL; a Basic registration without a password gets a generated one', async () => {
		const headers = {
			'x-ultracart-simple-key': ULTRACART_SIMPLE_KEY,
			'x-ultracart-api-version': '2017-03-01',
			'content-type': 'application/json; charset=UTF-8',
		};
		const url = `${vendor.get().baseUrl}/rest/v2/webhook/webhooks`;
		const webhook = {
			webhook_url: 'https://hooks.example.com/ultracart',
			authentication_type: 'basic',
			api_version: '2017-03-01',
			event_categories: [
				{ event_category: 'customer', events: [{ event_name: 'customer_create', expansion: '' }] },
			],
		};
		for (let i = 0; i < 2; i++) {
			const answer = await fetch(url, { method: 'POST', headers, body: JSON.stringify(webhook) });
			const saved = ((await answer.json()) as { webhook: UltraCartWebhookRegistration }).webhook;
			expect(saved.basic_password?.length).toBeGreaterThanOrEqual(32);
		}
		expect(vendor.get().webhooks).toHaveLength(2);
		const removed = await fetch(url, {
			method: 'DELETE',
			headers,
			body: JSON.stringify({ webhook_url: webhook.webhook_url }),
		});
		expect(removed.status).toBe(200);
		expect(vendor.get().webhooks).toHaveLength(0);
	});
});
