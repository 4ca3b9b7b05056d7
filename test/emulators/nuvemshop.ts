// Nuvemshop / Tiendanube emulator: /{version}/{store_id}/customers with the vendor's auth headers, leaky bucket,
// Link / X-Total-Count paging, "Last page is N" 404 and error bodies (specs/nuvemshop-*.md, commerce.md §3), and
// /webhooks with signed deliveries of customer events (nuvemshop-webhook.md, nuvemshop-webhooks-notes.md).
import { createHmac } from 'node:crypto';

import { EmulatedBucket, Emulator, type EmulatorRequest, type EmulatorResponse } from './kit';
import { WebhookSender, webhookUrlProblem } from './webhooks';

export const NUVEMSHOP_STORE_ID = '123456';
export const NUVEMSHOP_TOKEN = 'nuvem-access-token-7f3a9c';
export const NUVEMSHOP_CLIENT_ID = '4321';
export const NUVEMSHOP_CLIENT_SECRET = 'nuvem-client-secret-55';
export const NUVEMSHOP_AUTH_CODE = 'nuvem-auth-code-1';

interface Address {
	id: number;
	address?: string | null;
	number?: string | null;
	floor?: string | null;
	locality?: string | null;
	zipcode?: string | null;
	city?: string | null;
	province?: string | null;
	country?: string | null;
	phone?: string | null;
	default?: boolean;
	created_at: string;
	updated_at: string;
}

export interface NuvemshopCustomer {
	id: number;
	name: string;
	email: string;
	phone: string | null;
	identification: string | null;
	note: string | null;
	default_address: Address | null;
	addresses: Address[];
	billing_address: string | null;
	billing_number: string | null;
	billing_floor: string | null;
	billing_locality: string | null;
	billing_zipcode: string | null;
	billing_city: string | null;
	billing_province: string | null;
	billing_country: string | null;
	billing_phone: string | null;
	extra: Record<string, unknown>;
	total_spent: string;
	total_spent_currency: string;
	last_order_id: number | null;
	active: boolean;
	created_at: string;
	updated_at: string;
}

const WRITABLE = [
	'name',
	'email',
	'phone',
	'identification',
	'note',
	'billing_address',
	'billing_number',
	'billing_floor',
	'billing_locality',
	'billing_zipcode',
	'billing_city',
	'billing_province',
	'billing_country',
	'billing_phone',
] as const;

export interface NuvemshopWebhook {
	id: number;
	url: string;
	event: string;
	created_at: string;
	updated_at: string;
}

/** The events POST /webhooks takes (the current table of nuvemshop-webhooks-notes.md §1). */
const WEBHOOK_EVENTS = [
	'app/uninstalled',
	'app/suspended',
	'app/resumed',
	'category/created',
	'category/updated',
	'category/deleted',
	'customer/created',
	'customer/updated',
	'customer/deleted',
	'order/created',
	'order/updated',
	'order/paid',
	'order/packed',
	'order/fulfilled',
	'order/cancelled',
	'product/created',
	'product/updated',
	'product/deleted',
	'domain/updated',
];

/**
 * Nuvemshop's retries after a failed delivery, in vendor ms: one right after the failure, then at about 5, 10 and
 * 15 minutes, then each wait 1.4 times the previous one, 18 sendings in all (nuvemshop-webhook.md, Retry policies).
 */
function vendorRetryDelaysMs(): number[] {
	const minute = 60_000;
	const delays = [0, 5 * minute, 5 * minute, 5 * minute];
	while (delays.length < 17) delays.push(delays[delays.length - 1] * 1.4);
	return delays;
}

/** Timestamps as Nuvemshop writes them: local time with offset, no milliseconds. */
function vendorTime(date = new Date()): string {
	return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export class NuvemshopEmulator extends Emulator {
	readonly customers = new Map<number, NuvemshopCustomer>();
	/** Customers that have orders cannot be deleted (422). */
	readonly withOrders = new Set<number>();
	bucket: EmulatedBucket;
	private nextId = 1001;
	private nextAddressId = 5000;
	private readonly issuedTokens = new Set<string>([NUVEMSHOP_TOKEN]);
	/** Webhook registrations by store id (a webhook belongs to the app's installation in one store). */
	readonly webhooksByStore = new Map<string, NuvemshopWebhook[]>();
	private nextWebhookId = 9001;
	readonly webhookSender: WebhookSender;
	private readonly allowLoopbackHttp: boolean;

	/**
	 * timeScale > 1 drains the leaky bucket faster and shortens the webhook retry waits, for quick tests.
	 * allowLoopbackHttp: take http://127.0.0.1 webhook URLs, which the real Nuvemshop refuses (it requires public
	 * HTTPS); only tests and the local n8n stack set it, so deliveries can reach an n8n on this machine.
	 */
	constructor(
		options: {
			timeScale?: number;
			bucketSize?: number;
			drainPerSecond?: number;
			allowLoopbackHttp?: boolean;
			/** Real ms before each webhook retry; the vendor's schedule (scaled by timeScale) when omitted. */
			webhookRetryDelaysMs?: number[];
		} = {},
	) {
		super({ contractProvider: 'nuvemshop', timeScale: options.timeScale });
		this.bucket = new EmulatedBucket(
			options.bucketSize ?? 40,
			options.drainPerSecond ?? 2,
			this.clock,
		);
		this.allowLoopbackHttp = options.allowLoopbackHttp ?? false;
		this.webhookSender = new WebhookSender({
			retryDelaysMs:
				options.webhookRetryDelaysMs ?? vendorRetryDelaysMs().map((ms) => this.clock.toRealMs(ms)),
			// Nuvemshop waits 40 s for a 2xx
			timeoutMs: this.clock.toRealMs(40_000),
		});

		// The app-install OAuth2 token exchange (www.tiendanube.com/apps/authorize/token); not part of the customer API.
		this.route(
			'POST',
			'/apps/authorize/token',
			'oauthToken',
			(req) => {
				const body = parseForm(req);
				if (
					body.client_id !== NUVEMSHOP_CLIENT_ID ||
					body.client_secret !== NUVEMSHOP_CLIENT_SECRET
				) {
					return {
						status: 401,
						body: { error: 'invalid_client', error_description: 'Invalid client credentials' },
					};
				}
				if (body.grant_type !== 'authorization_code' || body.code !== NUVEMSHOP_AUTH_CODE) {
					return {
						status: 400,
						body: {
							error: 'invalid_grant',
							error_description: 'The authorization code is invalid or expired',
						},
					};
				}
				const token = `nuvem-oauth-${this.issuedTokens.size}`;
				this.issuedTokens.add(token);
				return {
					status: 200,
					body: {
						access_token: token,
						token_type: 'bearer',
						scope: 'read_customers,write_customers',
						user_id: Number(NUVEMSHOP_STORE_ID),
					},
				};
			},
			{ outsideContract: true },
		);

		this.use((req) => this.checkRequest(req));
		this.after((req, res) => {
			if (req.path.startsWith('/apps/')) return;
			res.headers = {
				...res.headers,
				'x-rate-limit-limit': String(this.bucket.capacity),
				'x-rate-limit-remaining': String(this.bucket.remaining),
				'x-rate-limit-reset': String(Math.ceil(this.clock.toRealMs(this.bucket.msUntilFull))),
			};
		});

		// GET /store (nuvemshop-store.md): outside the customer contract; the credential's Test button reads it
		this.route(
			'GET',
			'/:version/:storeId/store',
			'getStore',
			(req) => ({
				status: 200,
				body: pickFields(
					{
						id: Number(NUVEMSHOP_STORE_ID),
						name: { pt: 'Loja Demo', es: 'Tienda Demo' },
						country: 'BR',
						main_currency: 'BRL',
					},
					req.query.get('fields'),
				),
			}),
			{ outsideContract: true },
		);

		const base = '/:version/:storeId/customers';
		this.route('GET', base, 'listCustomers', (req) => this.list(req));
		this.route('POST', base, 'createCustomer', (req) => this.create(req));
		this.route('GET', `${base}/:id`, 'getCustomer', (req) =>
			this.withCustomer(req, (c) => ({
				status: 200,
				body: pickFields(c, req.query.get('fields')),
			})),
		);
		this.route('PUT', `${base}/:id`, 'updateCustomer', (req) =>
			this.withCustomer(req, (c) => this.update(req, c)),
		);
		this.route('DELETE', `${base}/:id`, 'deleteCustomer', (req) =>
			this.withCustomer(req, (c) => {
				if (this.withOrders.has(c.id)) {
					return {
						status: 422,
						body: {
							code: 422,
							message: 'Unprocessable Entity',
							description: 'Cannot delete a customer with orders',
						},
					};
				}
				this.customers.delete(c.id);
				this.count('delete');
				this.notify(req, 'customer/deleted', c.id);
				return { status: 200, body: {} };
			}),
		);

		const hooks = '/:version/:storeId/webhooks';
		this.route('GET', hooks, 'listWebhooks', (req) => this.listWebhooks(req));
		this.route('POST', hooks, 'createWebhook', (req) => this.createWebhook(req));
		this.route('GET', `${hooks}/:id`, 'getWebhook', (req) =>
			this.withWebhook(req, (w) => ({ status: 200, body: pickFields(w, req.query.get('fields')) })),
		);
		this.route('PUT', `${hooks}/:id`, 'updateWebhook', (req) =>
			this.withWebhook(req, (w) => this.updateWebhook(req, w)),
		);
		this.route('DELETE', `${hooks}/:id`, 'deleteWebhook', (req) =>
			this.withWebhook(req, (w) => {
				const list = this.storeWebhooks(req.params.storeId);
				list.splice(list.indexOf(w), 1);
				return { status: 200, body: {} };
			}),
		);
	}

	/** The registrations of the emulated store. */
	get webhooks(): NuvemshopWebhook[] {
		return this.storeWebhooks(NUVEMSHOP_STORE_ID);
	}

	override reset(): void {
		super.reset();
		this.webhooksByStore.clear();
		this.webhookSender.reset();
	}

	private storeWebhooks(storeId: string): NuvemshopWebhook[] {
		let list = this.webhooksByStore.get(storeId);
		if (!list) this.webhooksByStore.set(storeId, (list = []));
		return list;
	}

	/** Sends `{store_id, event, id}` to every URL registered for the event, signed with the app's secret. */
	private notify(req: EmulatorRequest, event: string, id: number): void {
		const storeId = req.params.storeId;
		for (const webhook of this.storeWebhooks(storeId).filter((w) => w.event === event)) {
			const body = JSON.stringify({ store_id: Number(storeId), event, id });
			this.webhookSender.send(webhook.url, body, {
				'X-Linkedstore-HMAC-SHA256': createHmac('sha256', NUVEMSHOP_CLIENT_SECRET)
					.update(body)
					.digest('hex'),
			});
		}
	}

	/** The 422 body Nuvemshop answers an invalid registration with (nuvemshop-webhook.md, POST /webhooks). */
	private webhookProblems(
		storeId: string,
		body: Record<string, unknown>,
		except?: NuvemshopWebhook,
	): Record<string, string[]> | undefined {
		const errors: Record<string, string[]> = {};
		const event = String(body.event ?? '');
		const url = String(body.url ?? '');
		if (!WEBHOOK_EVENTS.includes(event))
			errors.event = [`Invalid event specified. Events allowed: ${WEBHOOK_EVENTS.join(', ')}`];
		let host = '';
		try {
			host = new URL(url).hostname;
		} catch {
			host = '';
		}
		if (
			webhookUrlProblem(url, { allowLoopbackHttp: this.allowLoopbackHttp }) ||
			/(^|\.)(tiendanube|nuvemshop)\./.test(host)
		)
			errors.url = ['invalid url specified'];
		else if (
			this.storeWebhooks(storeId).some((w) => w !== except && w.url === url && w.event === event)
		)
			// one webhook per event and URL; the vendor's wording of this error is not documented
			errors.url = ['has already been taken'];
		return Object.keys(errors).length ? errors : undefined;
	}

	private createWebhook(req: EmulatorRequest): EmulatorResponse {
		const body = parseJson(req);
		if (!body) return { status: 400, body: { error: 'Problems parsing JSON' } };
		const storeId = req.params.storeId;
		const errors = this.webhookProblems(storeId, body);
		if (errors) return { status: 422, body: errors };
		const now = vendorTime();
		const webhook: NuvemshopWebhook = {
			id: this.nextWebhookId++,
			url: String(body.url),
			event: String(body.event),
			created_at: now,
			updated_at: now,
		};
		this.storeWebhooks(storeId).push(webhook);
		return { status: 201, body: webhook };
	}

	private updateWebhook(req: EmulatorRequest, webhook: NuvemshopWebhook): EmulatorResponse {
		const body = parseJson(req);
		if (!body) return { status: 400, body: { error: 'Problems parsing JSON' } };
		const changed = { event: body.event ?? webhook.event, url: body.url ?? webhook.url };
		const errors = this.webhookProblems(req.params.storeId, changed, webhook);
		if (errors) return { status: 422, body: errors };
		Object.assign(webhook, changed, { updated_at: vendorTime() });
		return { status: 200, body: webhook };
	}

	private listWebhooks(req: EmulatorRequest): EmulatorResponse {
		const q = req.query;
		let list = [...this.storeWebhooks(req.params.storeId)];
		const url = q.get('url');
		if (url) list = list.filter((w) => w.url === url);
		const event = q.get('event');
		if (event) list = list.filter((w) => w.event === event);
		const sinceId = q.get('since_id');
		if (sinceId) list = list.filter((w) => w.id > Number(sinceId));
		const perPage = Number(q.get('per_page') ?? 30);
		const page = Number(q.get('page') ?? 1);
		return {
			status: 200,
			body: list
				.slice((page - 1) * perPage, page * perPage)
				.map((w) => pickFields(w, q.get('fields'))),
		};
	}

	private withWebhook(
		req: EmulatorRequest,
		handle: (w: NuvemshopWebhook) => EmulatorResponse,
	): EmulatorResponse {
		const webhook = this.storeWebhooks(req.params.storeId).find(
			(w) => String(w.id) === req.params.id,
		);
		if (!webhook)
			return {
				status: 404,
				body: {
					code: 404,
					message: 'Not Found',
					description: 'Webhook with such id does not exist',
				},
			};
		return handle(webhook);
	}

	private checkRequest(req: EmulatorRequest): EmulatorResponse | undefined {
		if (req.path.startsWith('/apps/')) return undefined;
		const m = /^\/(v1|\d{4}-\d{2})\/([^/]+)\//.exec(req.path);
		if (!m)
			return {
				status: 404,
				body: { code: 404, message: 'Not Found', description: 'Unknown API version' },
			};
		if (!/\(.*(@|https?:\/\/).*\)/.test(req.header('user-agent') ?? '')) {
			return {
				status: 400,
				body: {
					code: 400,
					message: 'Bad Request',
					description: 'A User-Agent header naming your app and a contact is required',
				},
			};
		}
		const auth = req.header('authentication') ?? req.header('authorization') ?? '';
		const token = /^bearer\s+(\S+)$/i.exec(auth.trim())?.[1];
		if (!token || !this.issuedTokens.has(token)) {
			return {
				status: 401,
				body: { code: 401, message: 'Unauthorized', description: 'Invalid access token' },
			};
		}
		if (m[2] !== NUVEMSHOP_STORE_ID)
			return {
				status: 404,
				body: { code: 404, message: 'Not Found', description: 'Store not found' },
			};
		if (
			(req.method === 'POST' || req.method === 'PUT') &&
			!(req.header('content-type') ?? '').includes('application/json')
		) {
			return {
				status: 415,
				body: {
					code: 415,
					message: 'Unsupported Media Type',
					description: 'Content-Type must be application/json',
				},
			};
		}
		if (!this.bucket.take()) {
			return {
				status: 429,
				body: { code: 429, message: 'Too Many Requests', description: 'Rate limit exceeded' },
			};
		}
		return undefined;
	}

	private withCustomer(
		req: EmulatorRequest,
		handle: (c: NuvemshopCustomer) => EmulatorResponse,
	): EmulatorResponse {
		const customer = this.customers.get(Number(req.params.id));
		if (!/^\d+$/.test(req.params.id) || !customer) {
			return {
				status: 404,
				body: {
					code: 404,
					message: 'Not Found',
					description: 'Customer with such id does not exist',
				},
			};
		}
		return handle(customer);
	}

	private list(req: EmulatorRequest): EmulatorResponse {
		const q = req.query;
		const perPage = Number(q.get('per_page') ?? 30);
		const page = Number(q.get('page') ?? 1);
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) {
			return { status: 422, body: { per_page: ['must be between 1 and 200'] } };
		}
		let all = [...this.customers.values()].sort((a, b) => a.id - b.id);
		const sinceId = q.get('since_id');
		if (sinceId) all = all.filter((c) => c.id > Number(sinceId));
		const time = (name: string, field: 'created_at' | 'updated_at', after: boolean) => {
			const v = q.get(name);
			if (!v) return;
			const t = Date.parse(v);
			all = all.filter((c) => (after ? Date.parse(c[field]) >= t : Date.parse(c[field]) <= t));
		};
		time('created_at_min', 'created_at', true);
		time('created_at_max', 'created_at', false);
		time('updated_at_min', 'updated_at', true);
		time('updated_at_max', 'updated_at', false);
		const text = q.get('q')?.toLowerCase();
		if (text)
			all = all.filter((c) =>
				[c.name, c.email, c.identification ?? ''].some((v) => v.toLowerCase().includes(text)),
			);
		const email = q.get('email');
		if (email) all = all.filter((c) => c.email === email);
		const lastPage = Math.ceil(all.length / perPage);
		if (page > lastPage)
			return {
				status: 404,
				body: { code: 404, message: 'Not Found', description: `Last page is ${lastPage}` },
			};
		const slice = all
			.slice((page - 1) * perPage, page * perPage)
			.map((c) => pickFields(c, q.get('fields')));
		const link = (p: number) => {
			const params = new URLSearchParams(req.rawQuery);
			params.set('page', String(p));
			params.set('per_page', String(perPage));
			return `<${this.baseUrl}${req.path}?${params.toString()}>`;
		};
		// next comes after first and prev, so a client that takes the first link it sees (not rel="next") loops
		const links = [
			`${link(1)}; rel="first"`,
			page > 1 ? `${link(page - 1)}; rel="prev"` : '',
			page < lastPage ? `${link(page + 1)}; rel="next"` : '',
			`${link(lastPage)}; rel="last"`,
		]
			.filter(Boolean)
			.join(', ');
		return {
			status: 200,
			headers: { link: links, 'x-total-count': String(all.length) },
			body: slice,
		};
	}

	private create(req: EmulatorRequest): EmulatorResponse {
		const body = parseJson(req);
		if (!body) return { status: 400, body: { error: 'Problems parsing JSON' } };
		const errors: Record<string, string[]> = {};
		if (!body.name) errors.name = ["can't be blank"];
		if (!body.email) errors.email = ["can't be blank"];
		else if ([...this.customers.values()].some((c) => c.email === body.email))
			errors.email = ['has already been taken'];
		if (Object.keys(errors).length) return { status: 422, body: errors };
		const customer = this.build(body);
		this.customers.set(customer.id, customer);
		this.count('create');
		if (body.send_email_invite) this.count('invite');
		this.notify(req, 'customer/created', customer.id);
		return { status: 201, body: customer };
	}

	private update(req: EmulatorRequest, customer: NuvemshopCustomer): EmulatorResponse {
		const body = parseJson(req);
		if (!body) return { status: 400, body: { error: 'Problems parsing JSON' } };
		if (
			body.email &&
			[...this.customers.values()].some((c) => c.email === body.email && c.id !== customer.id)
		) {
			return { status: 422, body: { email: ['has already been taken'] } };
		}
		for (const key of WRITABLE)
			if (key in body) (customer as unknown as Record<string, unknown>)[key] = body[key];
		if (body.extra && typeof body.extra === 'object')
			customer.extra = { ...customer.extra, ...(body.extra as Record<string, unknown>) };
		if (Array.isArray(body.addresses))
			customer.addresses = this.addresses(body.addresses as Array<Record<string, unknown>>);
		customer.default_address = customer.addresses[0] ?? null;
		customer.updated_at = vendorTime();
		this.count('update');
		this.notify(req, 'customer/updated', customer.id);
		return { status: 200, body: customer };
	}

	private addresses(list: Array<Record<string, unknown>>): Address[] {
		const now = vendorTime();
		return list.map(
			(a, i) =>
				({
					id: this.nextAddressId++,
					...(a as object),
					default: i === 0,
					created_at: now,
					updated_at: now,
				}) as Address,
		);
	}

	private build(body: Record<string, unknown>, created = new Date()): NuvemshopCustomer {
		const addresses = Array.isArray(body.addresses)
			? this.addresses(body.addresses as Array<Record<string, unknown>>)
			: [];
		const customer: NuvemshopCustomer = {
			id: this.nextId++,
			name: String(body.name),
			email: String(body.email),
			phone: null,
			identification: null,
			note: null,
			default_address: addresses[0] ?? null,
			addresses,
			billing_address: null,
			billing_number: null,
			billing_floor: null,
			billing_locality: null,
			billing_zipcode: null,
			billing_city: null,
			billing_province: null,
			billing_country: null,
			billing_phone: null,
			extra: (body.extra as Record<string, unknown>) ?? {},
			total_spent: '0.00',
			total_spent_currency: 'BRL',
			last_order_id: null,
			active: false,
			created_at: vendorTime(created),
			updated_at: vendorTime(created),
		};
		for (const key of WRITABLE)
			if (key in body && body[key] !== undefined)
				(customer as unknown as Record<string, unknown>)[key] = body[key];
		return customer;
	}

	/** Fills the store with `count` customers created one minute apart. */
	seed(count: number): NuvemshopCustomer[] {
		this.customers.clear();
		this.withOrders.clear();
		this.nextId = 1001;
		const start = Date.parse('2026-01-01T00:00:00Z');
		const made: NuvemshopCustomer[] = [];
		for (let i = 1; i <= count; i++) {
			const c = this.build(
				{
					name: `Cliente ${i}`,
					email: `cliente${i}@example.com.br`,
					phone: `+55 11 9000-${String(i).padStart(4, '0')}`,
				},
				new Date(start + i * 60_000),
			);
			this.customers.set(c.id, c);
			made.push(c);
		}
		return made;
	}

	seedDemoData(): void {
		const [ana, bruno] = this.seed(3);
		Object.assign(ana, {
			name: 'Ana Souza',
			email: 'ana.souza@example.com.br',
			identification: '123.456.789-09',
			billing_city: 'São Paulo',
			billing_country: 'BR',
		});
		Object.assign(bruno, {
			name: 'Bruno Lima',
			email: 'bruno.lima@example.com.br',
			billing_city: 'Rio de Janeiro',
			billing_country: 'BR',
		});
		this.withOrders.add(ana.id);
		// the demo store's customers signed up in the last half hour, so "new customers" workflows find them
		[...this.customers.values()].forEach(
			(c, i) =>
				(c.created_at = c.updated_at = vendorTime(new Date(Date.now() - (30 - i * 5) * 60_000))),
		);
	}
}

function parseJson(req: EmulatorRequest): Record<string, unknown> | undefined {
	try {
		const body = req.json<Record<string, unknown>>();
		return body && typeof body === 'object' ? body : undefined;
	} catch {
		return undefined;
	}
}

function parseForm(req: EmulatorRequest): Record<string, string> {
	const type = req.header('content-type') ?? '';
	if (type.includes('json')) return (parseJson(req) as Record<string, string>) ?? {};
	return Object.fromEntries(new URLSearchParams(req.text()));
}

function pickFields(customer: object, fields: string | null): Record<string, unknown> {
	if (!fields) return { ...customer };
	const wanted = fields.split(',').map((f) => f.trim());
	return Object.fromEntries(Object.entries(customer).filter(([k]) => wanted.includes(k)));
}
