// The Nuvemshop / Tiendanube Webhook Trigger through n8n-core's HookContext and WebhookContext, against the
// emulator, which keeps registrations per store and sends real signed deliveries when customers change.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NuvemshopApi } from '../../credentials/NuvemshopApi.credentials';
import { NuvemshopOAuth2Api } from '../../credentials/NuvemshopOAuth2Api.credentials';
import { NuvemshopWebhookTrigger } from '../../nodes/Nuvemshop/NuvemshopWebhookTrigger.node';
import { hmacSha256Hex } from '../../nodes/shared';
import { useEmulator } from '../emulators/kit';
import {
	NUVEMSHOP_CLIENT_ID,
	NUVEMSHOP_CLIENT_SECRET,
	NUVEMSHOP_STORE_ID,
	NUVEMSHOP_TOKEN,
	NuvemshopEmulator,
} from '../emulators/nuvemshop';
import { credentialsStore, webhookTrigger, type WebhookTriggerUnderTest } from '../harness/harness';
import { OAuth2ApiBase } from '../harness/oauth2-base';
import { nuvemshopRunner } from './setup';

// Tests (and the local n8n stack) let the emulator deliver to http://127.0.0.1; the real Nuvemshop requires HTTPS.
const vendor = useEmulator(
	() =>
		new NuvemshopEmulator({
			timeScale: 50,
			allowLoopbackHttp: true,
			webhookRetryDelaysMs: [50, 100],
		}),
);
const { run } = nuvemshopRunner(() => vendor.get(), { resource: 'customer', simplify: false });

const STORE = Number(NUVEMSHOP_STORE_ID);
const API = `/2025-03/${NUVEMSHOP_STORE_ID}`;
const ALL_EVENTS = ['created', 'updated', 'deleted'];

const platform = () => ({
	appName: 'Shop Sync',
	appContact: 'ops@example.com',
	platformHost: 'api.tiendanube.com',
	apiVersion: '2025-03',
	customBaseUrl: vendor.get().baseUrl,
});

/** The token credential with the App Secret, or OAuth2 (whose client secret is the app's). */
function credential(kind: 'token' | 'oauth2', overrides: IDataObject = {}) {
	const type = kind === 'token' ? 'nuvemshopApi' : 'nuvemshopOAuth2Api';
	const data =
		kind === 'token'
			? {
					storeId: NUVEMSHOP_STORE_ID,
					accessToken: NUVEMSHOP_TOKEN,
					appSecret: NUVEMSHOP_CLIENT_SECRET,
					...platform(),
				}
			: {
					clientId: NUVEMSHOP_CLIENT_ID,
					clientSecret: NUVEMSHOP_CLIENT_SECRET,
					...platform(),
					oauthTokenData: {
						access_token: NUVEMSHOP_TOKEN,
						token_type: 'bearer',
						scope: 'read_customers,write_customers',
						user_id: STORE,
					},
				};
	// a new credential id per trigger, so each gets its own client-side rate-limit bucket
	const id = `cred-${++credentialCounter}`;
	return {
		type,
		id,
		helper: credentialsStore([new NuvemshopApi(), new NuvemshopOAuth2Api(), new OAuth2ApiBase()], {
			[id]: { type, data: { ...data, ...overrides } },
		}),
	};
}
let credentialCounter = 0;

const running: WebhookTriggerUnderTest[] = [];

async function startTrigger(
	options: {
		kind?: 'token' | 'oauth2';
		credential?: IDataObject;
		parameters?: INodeParameters;
		mode?: 'trigger' | 'manual';
		staticData?: IDataObject;
		port?: number;
	} = {},
): Promise<WebhookTriggerUnderTest> {
	const { type, id, helper } = credential(options.kind ?? 'token', options.credential);
	const trigger = await webhookTrigger({
		nodeType: new NuvemshopWebhookTrigger(),
		parameters: { authentication: type, events: ALL_EVENTS, ...options.parameters },
		credentials: { [type]: id },
		credentialsHelper: helper,
		mode: options.mode,
		staticData: options.staticData,
		port: options.port,
	});
	running.push(trigger);
	return trigger;
}

/** Waits until every delivery the emulator started has been answered and its execution (or refusal) is done. */
async function settled(): Promise<void> {
	await vendor.get().webhookSender.settled();
	await Promise.all(running.map(async (t) => await t.idle()));
}

afterEach(async () => {
	await settled();
	await Promise.all(running.splice(0).map(async (t) => await t.stop()));
});

/** Calls the emulator's customer API as the store's admin or another app would. */
async function storeApi(method: string, path: string, body?: IDataObject) {
	const answer = await fetch(`${vendor.get().baseUrl}${API}${path}`, {
		method,
		headers: {
			Authentication: `bearer ${NUVEMSHOP_TOKEN}`,
			'User-Agent': 'Store Admin (admin@example.com)',
			'Content-Type': 'application/json',
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	return { status: answer.status, body: (await answer.json()) as IDataObject };
}

/** A delivery as Nuvemshop sends it, signed with the app secret (or another key). */
function delivery(fields: IDataObject, secret = NUVEMSHOP_CLIENT_SECRET) {
	const body = JSON.stringify({ store_id: STORE, ...fields });
	return { body, headers: { 'X-Linkedstore-HMAC-SHA256': hmacSha256Hex(secret, body) } };
}

let emailCounter = 0;
async function newCustomer(): Promise<number> {
	const { body } = await storeApi('POST', '/customers', {
		name: 'Dora Reis',
		email: `dora${++emailCounter}@example.com`,
	});
	return body.id as number;
}

beforeAll(() => vendor.get().seed(3));

describe('registration', () => {
	test('activation registers one webhook per chosen event at n8n URL; activating again or restarting adds none; deactivation removes them', async () => {
		const first = await startTrigger();
		expect(await first.activate()).toBe(true);
		const registered = () =>
			vendor
				.get()
				.webhooks.map((w) => ({ url: w.url, event: w.event }))
				.sort((a, b) => a.event.localeCompare(b.event));
		const expected = [
			{ url: first.url, event: 'customer/created' },
			{ url: first.url, event: 'customer/deleted' },
			{ url: first.url, event: 'customer/updated' },
		];
		expect(registered()).toEqual(expected);
		const [sent] = vendor.get().calls('createWebhook');
		expect(sent.path).toBe(`${API}/webhooks`);
		expect(sent.headers.authentication).toBe(`bearer ${NUVEMSHOP_TOKEN}`);
		expect(JSON.parse(sent.body)).toEqual({ event: 'customer/created', url: first.url });

		// publishing again: checkExists finds all three, create() does not run
		expect(await first.activate()).toBe(false);
		expect(registered()).toEqual(expected);
		const lookups = vendor.get().calls('listWebhooks');
		expect(new URLSearchParams(lookups[0].query).get('url')).toBe(first.url);
		expect(new URLSearchParams(lookups[0].query).get('event')).toBe('customer/created');

		// n8n restarts: same URL and static data, a new process
		const staticData = JSON.parse(
			JSON.stringify({ 'node:Trigger': first.staticData() }),
		) as IDataObject;
		const port = first.port;
		await first.stop();
		running.splice(running.indexOf(first), 1);
		const restarted = await startTrigger({ staticData, port });
		expect(restarted.url).toBe(first.url);
		expect(await restarted.activate()).toBe(false);
		expect(registered()).toEqual(expected);
		expect(vendor.get().calls('createWebhook')).toHaveLength(3);

		expect(await restarted.deactivate()).toBe(true);
		expect(vendor.get().webhooks).toEqual([]);
		expect(vendor.get().calls('deleteWebhook')).toHaveLength(3);
		expect(restarted.staticData().webhookIds).toBeUndefined();
	});

	test('only the chosen events are registered, and a registration already at the URL is reused, not doubled', async () => {
		const trigger = await startTrigger({ parameters: { events: ['updated'] } });
		// left over from a run whose static data was lost
		expect(
			(await storeApi('POST', '/webhooks', { event: 'customer/updated', url: trigger.url })).status,
		).toBe(201);
		expect(await trigger.activate()).toBe(false);
		expect(vendor.get().webhooks.map((w) => w.event)).toEqual(['customer/updated']);
		expect(trigger.staticData().webhookIds).toEqual({
			'customer/updated': vendor.get().webhooks[0].id,
		});
		await trigger.deactivate();
		expect(vendor.get().webhooks).toEqual([]);
	});

	test('deactivation also finds registrations at its URL when static data was lost, and leaves other URLs alone', async () => {
		const trigger = await startTrigger({ parameters: { events: ['created'] } });
		await trigger.activate();
		await storeApi('POST', '/webhooks', {
			event: 'customer/created',
			url: 'https://other-app.example.com/hooks',
		});
		delete trigger.staticData().webhookIds;
		await trigger.deactivate();
		expect(vendor.get().webhooks.map((w) => w.url)).toEqual([
			'https://other-app.example.com/hooks',
		]);
	});

	test('the token credential without App Secret: activation is refused, nothing is registered, deliveries are refused', async () => {
		const trigger = await startTrigger({ credential: { appSecret: '' } });
		await expect(trigger.activate()).rejects.toThrow(/Nuvemshop API credential has no App Secret/);
		expect(vendor.get().calls('createWebhook')).toHaveLength(0);
		expect(vendor.get().webhooks).toEqual([]);
		const signed = delivery({ event: 'customer/created', id: 1001 });
		const answer = await trigger.post(signed.body, signed.headers);
		expect(answer.status).toBe(401);
		expect(trigger.executions()).toHaveLength(0);
	});

	test('manual mode (Listen for Test Event) registers the Test URL, runs once per event, and is removed after', async () => {
		const trigger = await startTrigger({ mode: 'manual', parameters: { events: ['created'] } });
		expect(trigger.url).toContain('/webhook-test/');
		await trigger.activate();
		expect(vendor.get().webhooks.map((w) => w.url)).toEqual([trigger.url]);
		const id = await newCustomer();
		await settled();
		expect(trigger.executions()).toHaveLength(1);
		expect(trigger.executions()[0][0].json).toMatchObject({ event: 'created', id });
		await trigger.deactivate();
		expect(vendor.get().webhooks).toEqual([]);
	});
});

describe('deliveries end to end', () => {
	test.each(['token', 'oauth2'] as const)(
		'%s: a customer created through the node, updated and deleted through the API: one execution each, with the customer',
		async (kind) => {
			const trigger = await startTrigger({ kind });
			await trigger.activate();

			const created = await run({
				operation: 'create',
				name: 'Eva Luz',
				email: `eva-${kind}@example.com`,
			});
			expect(created.error).toBeUndefined();
			const id = created.items[0].json.id as number;
			await settled();
			expect(await storeApi('PUT', `/customers/${id}`, { note: 'VIP' })).toMatchObject({
				status: 200,
			});
			await settled();
			expect((await storeApi('DELETE', `/customers/${id}`)).status).toBe(200);
			await settled();

			const deliveries = vendor.get().webhookSender.deliveries;
			expect(deliveries.map((d) => JSON.parse(d.body) as IDataObject)).toEqual([
				{ store_id: STORE, event: 'customer/created', id },
				{ store_id: STORE, event: 'customer/updated', id },
				{ store_id: STORE, event: 'customer/deleted', id },
			]);
			for (const d of deliveries) {
				expect(d.url).toBe(trigger.url);
				expect(d.headers['X-Linkedstore-HMAC-SHA256']).toBe(
					hmacSha256Hex(NUVEMSHOP_CLIENT_SECRET, d.body),
				);
				expect(d.attempts.map((a) => a.status)).toEqual([200]);
			}
			const executions = trigger.executions();
			expect(executions).toHaveLength(3);
			expect(executions.map((items) => items.length)).toEqual([1, 1, 1]);
			expect(executions[0][0].json).toMatchObject({
				event: 'created',
				vendorEvent: 'customer/created',
				storeId: STORE,
				id,
				name: 'Eva Luz',
				email: `eva-${kind}@example.com`,
			});
			expect(executions[1][0].json).toMatchObject({ event: 'updated', id, note: 'VIP' });
			// a deleted customer cannot be read: its id
			expect(executions[2][0].json).toEqual({
				event: 'deleted',
				vendorEvent: 'customer/deleted',
				storeId: STORE,
				id,
			});
			// the customer was read with the trigger's credential, twice (created, updated)
			const reads = vendor.get().calls('getCustomer');
			expect(reads.map((r) => r.path)).toEqual([
				`${API}/customers/${id}`,
				`${API}/customers/${id}`,
			]);
			expect(reads[0].headers.authentication).toBe(`bearer ${NUVEMSHOP_TOKEN}`);
		},
	);

	test('Fetch Customer off: the item has the id only and the customer is not read', async () => {
		const trigger = await startTrigger({
			parameters: { events: ['created'], fetchCustomer: false },
		});
		await trigger.activate();
		const id = await newCustomer();
		await settled();
		expect(trigger.executions()).toEqual([
			[{ json: { event: 'created', vendorEvent: 'customer/created', storeId: STORE, id } }],
		]);
		expect(vendor.get().calls('getCustomer')).toHaveLength(0);
	});

	test('a customer gone by the time of the fetch still starts the workflow, with its id', async () => {
		const trigger = await startTrigger();
		const gone = delivery({ event: 'customer/created', id: 987654 });
		const answer = await trigger.post(gone.body, gone.headers);
		expect(answer.status).toBe(200);
		expect(answer.items).toEqual([
			{ json: { event: 'created', vendorEvent: 'customer/created', storeId: STORE, id: 987654 } },
		]);
		expect(
			vendor
				.get()
				.calls('getCustomer')
				.map((r) => r.status),
		).toEqual([404]);
	});

	test('Nuvemshop is answered before the customer is read', async () => {
		const trigger = await startTrigger({ parameters: { events: ['created'] } });
		await trigger.activate();
		let release = () => {};
		const readHeld = new Promise<void>((resolve) => (release = resolve));
		vendor.get().use(async (req) => {
			if (req.method === 'GET' && /\/customers\/\d+$/.test(req.path)) await readHeld;
			return undefined;
		});
		const id = await newCustomer();
		// the delivery is answered 200 while the read of the customer is still held
		await vendor.get().webhookSender.settled();
		expect(vendor.get().webhookSender.deliveries[0].attempts.map((a) => a.status)).toEqual([200]);
		expect(trigger.deliveries).toHaveLength(0);
		release();
		await trigger.idle();
		expect(trigger.executions()).toHaveLength(1);
		expect(trigger.executions()[0][0].json).toMatchObject({
			event: 'created',
			id,
			name: 'Dora Reis',
		});
	});

	test('a read of the customer that fails still starts the workflow, with the id and the error', async () => {
		const trigger = await startTrigger();
		vendor.get().inject(
			{
				kind: 'status',
				status: 401,
				body: { code: 401, message: 'Unauthorized', description: 'Invalid access token' },
			},
			// every attempt: n8n tries a refused credential once more
			{ operation: 'getCustomer', times: 10 },
		);
		const signed = delivery({ event: 'customer/updated', id: 1003 });
		const answer = await trigger.post(signed.body, signed.headers);
		expect(answer.status).toBe(200);
		expect(answer.items).toHaveLength(1);
		expect(answer.items?.[0].json).toMatchObject({
			event: 'updated',
			vendorEvent: 'customer/updated',
			storeId: STORE,
			id: 1003,
		});
		expect(String(answer.items?.[0].json.fetchError)).toMatch(/Invalid access token/);
	});

	test('events not chosen are answered 200 and start nothing', async () => {
		const trigger = await startTrigger({ parameters: { events: ['deleted'] } });
		for (const event of ['customer/created', 'customer/updated', 'order/paid']) {
			const signed = delivery({ event, id: 1001 });
			const answer = await trigger.post(signed.body, signed.headers);
			expect(answer.status).toBe(200);
			expect(answer.items).toBeUndefined();
		}
		expect(trigger.executions()).toHaveLength(0);
		expect(vendor.get().calls('getCustomer')).toHaveLength(0);
	});

	test('the vendor retries after a non-2xx answer, and the retry starts the one execution', async () => {
		const trigger = await startTrigger({ parameters: { events: ['created'] } });
		await trigger.activate();
		// n8n unreachable for the first attempt: a front door that answers 503 once, then passes deliveries on
		let answered = 0;
		const frontDoor: Server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				if (answered++ === 0) {
					res.statusCode = 503;
					res.end();
					return;
				}
				void fetch(trigger.url, {
					method: 'POST',
					headers: {
						'content-type': String(req.headers['content-type']),
						'x-linkedstore-hmac-sha256': String(req.headers['x-linkedstore-hmac-sha256']),
					},
					body: Buffer.concat(chunks),
				}).then(async (r) => {
					res.statusCode = r.status;
					res.end(Buffer.from(await r.arrayBuffer()));
				});
			});
		});
		await new Promise<void>((resolve) => frontDoor.listen(0, '127.0.0.1', resolve));
		try {
			const frontUrl = `http://127.0.0.1:${(frontDoor.address() as AddressInfo).port}/hook`;
			const [registration] = vendor.get().webhooks;
			// the store's API lets an app move a webhook to another URL
			expect(
				(await storeApi('PUT', `/webhooks/${registration.id}`, { url: frontUrl })).status,
			).toBe(200);
			const id = await newCustomer();
			await settled();
			const [sent] = vendor.get().webhookSender.deliveries;
			expect(sent.attempts.map((a) => a.status)).toEqual([503, 200]);
			expect(sent.delivered).toBe(true);
			expect(trigger.executions()).toHaveLength(1);
			expect(trigger.executions()[0][0].json).toMatchObject({ event: 'created', id });
		} finally {
			await new Promise<void>((resolve) => frontDoor.close(() => resolve()));
		}
	});
});

describe('verification', () => {
	test.each(['token', 'oauth2'] as const)(
		'%s: a wrong, missing, other-key or re-serialized signature is refused with 401 and no execution',
		async (kind) => {
			const trigger = await startTrigger({ kind });
			// another customer per credential: the trigger remembers delivered events for the whole file
			const id = kind === 'token' ? 1001 : 1002;
			const spaced = `{ "store_id": ${STORE}, "event": "customer/created", "id": ${id} }`;
			const reserialized = JSON.stringify(JSON.parse(spaced));
			for (const signature of [
				undefined,
				'0'.repeat(64),
				hmacSha256Hex('another-apps-secret', spaced),
				hmacSha256Hex(NUVEMSHOP_CLIENT_SECRET, reserialized),
				Buffer.from(hmacSha256Hex(NUVEMSHOP_CLIENT_SECRET, spaced), 'hex').toString('base64'),
			]) {
				const answer = await trigger.post(
					spaced,
					signature ? { 'X-Linkedstore-HMAC-SHA256': signature } : {},
				);
				expect(answer.status).toBe(401);
				expect(answer.items).toBeUndefined();
			}
			expect(vendor.get().calls('getCustomer')).toHaveLength(0);
			// the same bytes signed right (upper-case hex too, as some proxies rewrite it) pass
			const right = await trigger.post(spaced, {
				'X-Linkedstore-HMAC-SHA256': hmacSha256Hex(NUVEMSHOP_CLIENT_SECRET, spaced).toUpperCase(),
			});
			expect(right.status).toBe(200);
			expect(right.items?.[0].json).toMatchObject({ event: 'created', id });
			expect(trigger.executions()).toHaveLength(1);
		},
	);

	test.each(['token', 'oauth2'] as const)(
		'%s: a signed delivery for another store is refused with 403 and no execution',
		async (kind) => {
			const trigger = await startTrigger({ kind });
			const signed = delivery({ store_id: 654321, event: 'customer/created', id: 1001 });
			const answer = await trigger.post(signed.body, signed.headers);
			expect(answer.status).toBe(403);
			expect(answer.items).toBeUndefined();
			expect(vendor.get().calls('getCustomer')).toHaveLength(0);
		},
	);
});

describe('duplicates', () => {
	test('a repeated delivery of a created or deleted event starts nothing more', async () => {
		const trigger = await startTrigger();
		const id = await newCustomer();
		for (const event of ['customer/created', 'customer/deleted']) {
			const signed = delivery({ event, id });
			expect((await trigger.post(signed.body, signed.headers)).items).toHaveLength(1);
			const repeat = await trigger.post(signed.body, signed.headers);
			expect(repeat.status).toBe(200);
			expect(repeat.items).toBeUndefined();
		}
		expect(trigger.executions()).toHaveLength(2);
	});

	test('updates: a repeat of one update is dropped (same customer state), a later update of the same customer is not', async () => {
		const trigger = await startTrigger({ parameters: { events: ['updated'] } });
		await trigger.activate();
		const id = await newCustomer();
		await storeApi('PUT', `/customers/${id}`, { note: 'first' });
		await settled();
		const [firstUpdate] = vendor.get().webhookSender.deliveries;
		// Nuvemshop delivers the same notice again
		const repeat = await trigger.post(firstUpdate.body, firstUpdate.headers);
		expect(repeat.status).toBe(200);
		expect(repeat.items).toBeUndefined();
		// the same customer changes again, maybe within the same second (updated_at has whole seconds)
		await storeApi('PUT', `/customers/${id}`, { note: 'second' });
		await settled();
		const executions = trigger.executions();
		expect(executions.map((items) => items[0].json.note)).toEqual(['first', 'second']);
	});
});

describe('emulator webhook rules', () => {
	const publicOnly = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));

	async function register(emulator: NuvemshopEmulator, body: IDataObject) {
		const answer = await fetch(`${emulator.baseUrl}${API}/webhooks`, {
			method: 'POST',
			headers: {
				Authentication: `bearer ${NUVEMSHOP_TOKEN}`,
				'User-Agent': 'Store Admin (admin@example.com)',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		return { status: answer.status, body: (await answer.json()) as IDataObject };
	}

	test('one webhook per event and URL, HTTPS only (loopback http only when started for tests), known events only', async () => {
		const emulator = publicOnly.get();
		const url = 'https://hooks.example.com/n8n';
		expect((await register(emulator, { event: 'customer/created', url })).status).toBe(201);
		expect(await register(emulator, { event: 'customer/created', url })).toEqual({
			status: 422,
			body: { url: ['has already been taken'] },
		});
		expect((await register(emulator, { event: 'customer/updated', url })).status).toBe(201);
		for (const bad of [
			'http://hooks.example.com/n8n',
			'http://127.0.0.1:5678/webhook/x',
			'https://shop.nuvemshop.com.br/hook',
			'foobar',
		])
			expect(await register(emulator, { event: 'customer/deleted', url: bad })).toEqual({
				status: 422,
				body: { url: ['invalid url specified'] },
			});
		const invalid = await register(emulator, { event: 'invalid_event', url: 'foobar' });
		expect(invalid.status).toBe(422);
		expect(invalid.body.url).toEqual(['invalid url specified']);
		expect(String((invalid.body.event as string[])[0])).toMatch(
			/^Invalid event specified\. Events allowed: .*customer\/created/,
		);
		expect(emulator.webhooks).toHaveLength(2);
		expect(
			(
				await register(vendor.get(), {
					event: 'customer/deleted',
					url: 'http://127.0.0.1:5678/webhook/x',
				})
			).status,
		).toBe(201);
	});
});
