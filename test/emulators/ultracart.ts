// UltraCart emulator: REST v2 Customer API under /rest/v2 (specs/ultracart-customer-openapi.json, commerce.md §1):
// simple key or OAuth bearer, the mandatory version header, result_set paging, UC-REST-ERROR error bodies,
// the hourly leaky bucket, 429 for concurrent requests, and stateful customers, store credit, cashback, email lists, wishlists.
// Webhook API (specs/ultracart-webhook-openapi.json, ultracart-webhooks.md): registrations per merchant, and real
// deliveries of customer_create / customer_update / customer_delete, batched, with Basic authentication, retried.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { EmulatedBucket, Emulator, type EmulatorRequest, type EmulatorResponse } from './kit';
import { WebhookSender, webhookUrlProblem } from './webhooks';

export const ULTRACART_SIMPLE_KEY = 'uc-simple-key-508a1f2b7e';
export const ULTRACART_CLIENT_ID = 'uc-client-id';
export const ULTRACART_CLIENT_SECRET = 'uc-client-secret-77';
export const ULTRACART_AUTH_CODE = 'uc-auth-code';
const API_VERSION = '2017-03-01';

export interface UltraCartCustomer {
	customer_profile_oid: number;
	merchant_id: string;
	email: string;
	signup_dts: string;
	last_modified_dts: string;
	[key: string]: unknown;
}

/** The fields UltraCart returns without _expand. */
const BASE_FIELDS = [
	'customer_profile_oid',
	'merchant_id',
	'email',
	'signup_dts',
	'last_modified_dts',
	'last_modified_by',
	'business_notes',
	'do_not_send_mail',
	'tax_exempt',
	'website_url',
	'qb_class',
];
const EXPANSIONS = [
	'attachments',
	'billing',
	'cards',
	'cc_emails',
	'loyalty',
	'orders_summary',
	'pricing_tiers',
	'privacy',
	'properties',
	'quotes_summary',
	'reviewer',
	'shipping',
	'software_entitlements',
	'tags',
	'tax_codes',
];

/** The event catalogue of the Webhook API (ultracart-webhooks.md §1); only customer events are delivered here. */
const WEBHOOK_EVENTS: Record<string, string[]> = {
	auto_order: [
		'auto_order_cancel',
		'auto_order_create',
		'auto_order_decline',
		'auto_order_disable',
		'auto_order_preshipment',
		'auto_order_rebill',
		'auto_order_update',
	],
	chargeback: ['chargeback_create', 'chargeback_delete', 'chargeback_update'],
	checkout: ['checkout_cart_abandon', 'checkout_cart_send_return_email'],
	customer: ['customer_create', 'customer_update', 'customer_delete'],
	fulfillment: ['fulfillment_hold', 'fulfillment_transmit'],
	item: ['item_create', 'item_delete', 'item_update'],
	order: [
		'order_abandon_recovery',
		'order_create',
		'order_delete',
		'order_payment_failed',
		'order_payment_process',
		'order_refund',
		'order_reject',
		'order_s3_invoice',
		'order_s3_packing_slip',
		'order_ship',
		'order_ship_delivered',
		'order_ship_expected',
		'order_ship_out_for_delivery',
		'order_stage_change',
		'order_update',
	],
	storefront: ['screen_recording'],
	user: ['user_create', 'user_delete', 'user_login', 'user_update'],
	workflow_task: ['workflow_task_create', 'workflow_task_delete', 'workflow_task_update'],
};
const WEBHOOK_AUTHENTICATION_TYPES = ['none', 'basic', 'api user', 'aws iam'];

export interface UltraCartWebhookSubscription {
	event_name: string;
	expansion?: string;
	subscribed?: boolean;
	[key: string]: unknown;
}

export interface UltraCartWebhookRegistration {
	webhook_oid: number;
	merchant_id: string;
	webhook_url: string;
	authentication_type: string;
	basic_username?: string;
	basic_password?: string;
	api_version: string;
	compress_events: boolean;
	maximum_events: number;
	maximum_size: number;
	disabled: boolean;
	consecutive_failures: number;
	pending: number;
	event_categories: Array<{ event_category: string; events: UltraCartWebhookSubscription[] }>;
	[key: string]: unknown;
}

/** How deliveries are written: `events` = `{"events":[...]}` (vendor sample 2021), `array` = the older bare array. */
export type UltraCartDeliveryShape = 'events' | 'array';

function failure(
	status: number,
	message: string,
	headers: Record<string, string> = {},
): EmulatorResponse {
	return {
		status,
		headers: { 'UC-REST-ERROR': message, ...headers },
		body: {
			error: { developer_message: message, user_message: message, error_code: String(status) },
			metadata: {},
			success: false,
		},
	};
}

export class UltraCartEmulator extends Emulator {
	readonly customers = new Map<number, UltraCartCustomer>();
	readonly storeCredit = new Map<
		number,
		Array<{
			amount: number;
			description: string;
			entry_dts: string;
			vesting_days: number;
			expiration_days: number;
		}>
	>();
	readonly cashback = new Map<number, number>();
	readonly emailLists = [
		{
			email_list_uuid: '8c1f0d2e-0000-4000-8000-000000000001',
			name: 'Newsletter',
			member_count: 0,
			deleted: false,
			merchant_id: 'DEMO',
		},
		{
			email_list_uuid: '8c1f0d2e-0000-4000-8000-000000000002',
			name: 'VIP Offers',
			member_count: 0,
			deleted: false,
			merchant_id: 'DEMO',
		},
		{
			email_list_uuid: '8c1f0d2e-0000-4000-8000-000000000003',
			name: 'Old List',
			member_count: 0,
			deleted: true,
			merchant_id: 'DEMO',
		},
	];
	readonly subscriptions = new Map<number, Set<string>>();
	readonly wishlists = new Map<number, Array<Record<string, unknown>>>();
	readonly verificationTokens = new Map<string, string>();
	/** Webhook registrations by merchant; every key and token of this emulator belongs to the merchant DEMO. */
	readonly webhooksByMerchant = new Map<string, UltraCartWebhookRegistration[]>();
	readonly webhookSender: WebhookSender;
	/** The body shape of the next deliveries; tests switch it to the older bare array. */
	deliveryShape: UltraCartDeliveryShape = 'events';
	bucket: EmulatedBucket;
	private readonly allowLoopbackHttp: boolean;
	private readonly batchWindowMs: number;
	private readonly batches = new Map<
		UltraCartWebhookRegistration,
		{ events: Array<Record<string, unknown>>; bytes: number; timer: NodeJS.Timeout }
	>();
	private nextWebhookOid = 70001;
	private readonly accessTokens = new Set<string>();
	private inFlight = 0;
	private readonly admitted = new WeakSet<EmulatorRequest>();
	private nextAddressOid = 5001;
	private nextOid = 1001;
	private nextWishlistOid = 501;
	private nextToken = 1;

	/**
	 * allowLoopbackHttp: take http://127.0.0.1 webhook URLs for customer events, which the real UltraCart refuses (it
	 * requires HTTPS for customer related information); only tests and the local npm start / e2e stack pass it.
	 * webhookBatchWindowMs: how long (real ms) customer events wait to go out together, up to maximum_events.
	 * webhookRetryDelaysMs: the real waits before each repeat of a delivery answered non-2xx (UltraCart retries
	 * later; short here for tests).
	 */
	constructor(
		options: {
			timeScale?: number;
			requestsPerHour?: number;
			latencyMs?: number;
			allowLoopbackHttp?: boolean;
			webhookBatchWindowMs?: number;
			webhookRetryDelaysMs?: number[];
		} = {},
	) {
		super({
			contractProvider: 'ultracart',
			timeScale: options.timeScale,
			latencyMs: options.latencyMs,
		});
		this.allowLoopbackHttp = options.allowLoopbackHttp ?? false;
		this.batchWindowMs = options.webhookBatchWindowMs ?? 50;
		this.webhookSender = new WebhookSender({
			retryDelaysMs: options.webhookRetryDelaysMs ?? [100, 300, 1000],
		});
		const perHour = options.requestsPerHour ?? 1000;
		this.bucket = new EmulatedBucket(perHour, perHour / 3600, this.clock);

		// OAuth endpoints (not customer operations, not part of the contract).
		this.route(
			'POST',
			'/rest/v2/oauth/token',
			'oauth_token',
			(req) => {
				const form = Object.fromEntries(new URLSearchParams(req.text()));
				if (form.client_id !== ULTRACART_CLIENT_ID)
					return { status: 400, body: { error: 'invalid_client' } };
				const valid =
					(form.grant_type === 'authorization_code' && form.code === ULTRACART_AUTH_CODE) ||
					(form.grant_type === 'refresh_token' && form.refresh_token?.startsWith('uc-refresh-'));
				if (!valid) return { status: 400, body: { error: 'invalid_grant' } };
				const token = `uc-access-${this.nextToken++}`;
				this.accessTokens.add(token);
				this.count('oauthToken');
				return {
					status: 200,
					body: {
						access_token: token,
						token_type: 'bearer',
						expires_in: '3600',
						refresh_token: `uc-refresh-${this.nextToken}`,
						scope: 'customer_read customer_write webhook_read webhook_write',
					},
				};
			},
			{ outsideContract: true },
		);

		this.use((req) => this.gate(req));
		this.after((req) => {
			if (this.admitted.delete(req)) this.inFlight--;
		});

		const c = '/rest/v2/customer/customers';
		this.route('GET', c, 'get_customers', (req) => this.list(req, this.filtered(req.query)));
		this.route('POST', c, 'insert_customer', (req) => this.insert(req));
		this.route('GET', `${c}/by_email/:email`, 'get_customer_by_email', (req) => {
			const customer = [...this.customers.values()].find(
				(x) => x.email.toLowerCase() === req.params.email.toLowerCase(),
			);
			return customer
				? this.one(req, customer)
				: failure(404, `Customer with email ${req.params.email} not found.`);
		});
		this.route('POST', `${c}/dataTables`, 'get_customers_for_data_tables', (req) => {
			const data = [...this.customers.values()].map((x) =>
				this.expanded(x, req.query.get('_expand')),
			);
			return {
				status: 200,
				body: { data, draw: 1, recordsFiltered: data.length, recordsTotal: data.length },
			};
		});
		this.route('POST', `${c}/email_verify/get_token`, 'get_email_verification_token', (req) => {
			const body = req.json<{ email?: string }>();
			if (!body?.email) return failure(400, 'email is required');
			const token = `verify-${this.nextToken++}`;
			this.verificationTokens.set(token, body.email);
			this.count('verificationToken');
			return { status: 200, body: { token, success: true, metadata: {} } };
		});
		this.route(
			'POST',
			`${c}/email_verify/validate_token`,
			'validate_email_verification_token',
			(req) => {
				const token = req.json<{ token?: string }>()?.token ?? '';
				const ok = this.verificationTokens.delete(token);
				// EmailVerifyTokenValidateResponse: success is the answer; a refused token also carries an error
				if (!ok)
					return {
						status: 200,
						body: {
							success: false,
							error: {
								user_message: 'The verification token is not valid.',
								developer_message: 'Unknown or used token',
							},
							metadata: {},
						},
					};
				return { status: 200, body: { success: true, metadata: {} } };
			},
		);
		this.route('POST', `${c}/query`, 'get_customers_by_query', (req) => {
			const body = req.json<Record<string, unknown>>() ?? {};
			const query = new URLSearchParams();
			for (const [k, v] of Object.entries(body))
				if (!Array.isArray(v) && v !== undefined) query.set(k, String(v));
			let all = this.filtered(query);
			const anyTags = body.any_tags as string[] | undefined;
			if (anyTags?.length)
				all = all.filter((x) =>
					((x.tags as Array<{ tag_value: string }>) ?? []).some((t) =>
						anyTags.includes(t.tag_value),
					),
				);
			const allTags = body.all_tags as string[] | undefined;
			if (allTags?.length)
				all = all.filter((x) =>
					allTags.every((tag) =>
						((x.tags as Array<{ tag_value: string }>) ?? []).some((t) => t.tag_value === tag),
					),
				);
			const emails = body.emails as string[] | undefined;
			if (emails?.length) all = all.filter((x) => emails.includes(x.email));
			return this.list(req, all);
		});
		this.route('GET', `${c}/search`, 'search_customers', (req) => {
			const text = (req.query.get('search_string') ?? '').toLowerCase();
			const all = this.filtered(req.query).filter(
				(x) => !text || JSON.stringify(x).toLowerCase().includes(text),
			);
			return this.list(req, all);
		});
		this.route('GET', `${c}/:oid`, 'get_customer', (req) =>
			this.withCustomer(req, (x) => this.one(req, x)),
		);
		this.route('PUT', `${c}/:oid`, 'update_customer', (req) =>
			this.withCustomer(req, (x) => {
				const body = req.json<Record<string, unknown>>();
				for (const [k, v] of Object.entries(body ?? {}))
					if (k !== 'customer_profile_oid' && k !== 'password') x[k] = v;
				this.numberAddresses(x);
				x.last_modified_dts = this.now();
				this.count('update');
				this.customerEvent('customer_update', x);
				return this.one(req, x);
			}),
		);
		this.route('DELETE', `${c}/:oid`, 'delete_customer', (req) =>
			this.withCustomer(req, (x) => {
				this.customers.delete(x.customer_profile_oid);
				this.count('delete');
				this.customerEvent('customer_delete', x);
				return { status: 204 };
			}),
		);
		this.route('POST', `${c}/:oid/adjust_cashback_balance`, 'adjust_internal_certificate', (req) =>
			this.withCustomer(req, (x) => {
				const body = req.json<{ adjustment_amount?: number; description?: string }>();
				if (typeof body?.adjustment_amount !== 'number')
					return failure(
						400,
						'adjust_internal_certificate_request.adjustment_amount is required and was missing',
					);
				if ((body.description ?? '').length > 50)
					return failure(
						400,
						'adjust_internal_certificate_request.description must be 50 characters or less',
					);
				const balance =
					Math.round(
						((this.cashback.get(x.customer_profile_oid) ?? 0) + body.adjustment_amount) * 100,
					) / 100;
				this.cashback.set(x.customer_profile_oid, balance);
				this.count('cashback');
				return {
					status: 200,
					body: {
						adjustment_amount: body.adjustment_amount,
						balance_amount: balance,
						success: true,
						metadata: {},
					},
				};
			}),
		);
		this.route('POST', `${c}/:oid/email_lists`, 'update_customer_email_lists', (req) =>
			this.withCustomer(req, (x) => {
				const body = req.json<{ add_to_lists?: string[]; remove_from_lists?: string[] }>() ?? {};
				const known = new Set(this.emailLists.map((l) => l.email_list_uuid));
				const unknown = [...(body.add_to_lists ?? []), ...(body.remove_from_lists ?? [])].filter(
					(u) => !known.has(u),
				);
				if (unknown.length) return failure(400, `Unknown email list ${unknown.join(', ')}`);
				const subs = this.subscriptions.get(x.customer_profile_oid) ?? new Set<string>();
				for (const uuid of body.add_to_lists ?? []) subs.add(uuid);
				for (const uuid of body.remove_from_lists ?? []) subs.delete(uuid);
				this.subscriptions.set(x.customer_profile_oid, subs);
				return {
					status: 200,
					body: {
						add_to_lists: body.add_to_lists ?? [],
						remove_from_lists: body.remove_from_lists ?? [],
					},
				};
			}),
		);
		this.route('PUT', `${c}/:oid/magic_link/:host`, 'get_magic_link', (req) =>
			this.withCustomer(req, (x) => ({
				status: 200,
				body: {
					url: `https://${req.params.host}/login/magic?token=ml-${x.customer_profile_oid}`,
					success: true,
					metadata: {},
				},
			})),
		);
		this.route('PUT', `${c}/:oid/merge`, 'merge_customer', (req) =>
			this.withCustomer(req, (x) => {
				const body = req.json<{ customer_profile_oid?: number; email?: string }>() ?? {};
				const source = body.customer_profile_oid
					? this.customers.get(body.customer_profile_oid)
					: [...this.customers.values()].find((y) => y.email === body.email);
				if (!source || source === x) return failure(400, 'The customer to merge was not found.');
				this.customers.delete(source.customer_profile_oid);
				x.last_modified_dts = this.now();
				this.count('merge');
				this.customerEvent('customer_delete', source);
				this.customerEvent('customer_update', x);
				return { status: 204 };
			}),
		);
		this.route('POST', `${c}/:oid/store_credit`, 'add_customer_store_credit', (req) =>
			this.withCustomer(req, (x) => {
				const body = req.json<{
					amount?: number;
					description?: string;
					vesting_days?: number;
					expiration_days?: number;
				}>();
				if (body?.amount === undefined)
					return failure(400, 'store_credit_request.amount is missing and is required.');
				if (!(body.amount > 0))
					return failure(400, 'store_credit_request.amount must be a positive amount.');
				const ledger = this.storeCredit.get(x.customer_profile_oid) ?? [];
				ledger.push({
					amount: body.amount,
					description: body.description ?? '',
					entry_dts: this.now(),
					vesting_days: body.vesting_days ?? 0,
					expiration_days: body.expiration_days ?? 0,
				});
				this.storeCredit.set(x.customer_profile_oid, ledger);
				this.count('storeCredit');
				return { status: 200, body: { success: true, metadata: {} } };
			}),
		);
		this.route('GET', `${c}/:oid/store_credit`, 'get_customer_store_credit', (req) =>
			this.withCustomer(req, (x) => {
				const ledger = this.storeCredit.get(x.customer_profile_oid) ?? [];
				const available = ledger
					.filter((e) => e.vesting_days === 0)
					.reduce((s, e) => s + e.amount, 0);
				const vesting = ledger.filter((e) => e.vesting_days > 0).reduce((s, e) => s + e.amount, 0);
				const expiring = ledger
					.filter((e) => e.expiration_days > 0)
					.reduce((s, e) => s + e.amount, 0);
				const past = ledger.map((e) => ({
					action: 'Manual Add',
					amount: e.amount,
					description: e.description,
					entry_dts: e.entry_dts,
				}));
				return {
					status: 200,
					body: {
						customer_store_credit: {
							available,
							vesting,
							expiring,
							total: available + vesting,
							past_ledgers: past,
							future_ledgers: [],
						},
						success: true,
						metadata: {},
					},
				};
			}),
		);
		const w = `${c}/:oid/wishlist`;
		this.route('GET', w, 'get_customer_wish_list', (req) =>
			this.withCustomer(req, (x) => ({
				status: 200,
				body: {
					wishlist_items: this.wishlists.get(x.customer_profile_oid) ?? [],
					success: true,
					metadata: {},
				},
			})),
		);
		this.route('POST', w, 'insert_wish_list_item', (req) =>
			this.withCustomer(req, (x) => {
				const body = req.json<Record<string, unknown>>() ?? {};
				if (typeof body.merchant_item_oid !== 'number')
					return failure(400, 'merchant_item_oid is required');
				const item = {
					...body,
					customer_profile_oid: x.customer_profile_oid,
					customer_wishlist_item_oid: this.nextWishlistOid++,
					add_dts: this.now(),
				};
				this.wishlists.set(x.customer_profile_oid, [
					...(this.wishlists.get(x.customer_profile_oid) ?? []),
					item,
				]);
				this.count('wishlistInsert');
				// insert_wish_list_item answers with the bare CustomerWishListItem
				return { status: 200, body: item };
			}),
		);
		const wi = `${w}/:itemOid`;
		this.route('GET', wi, 'get_customer_wish_list_item', (req) =>
			this.withItem(req, (item) => ({
				status: 200,
				body: { wishlist_item: item, success: true, metadata: {} },
			})),
		);
		this.route('PUT', wi, 'update_wish_list_item', (req) =>
			this.withItem(req, (item) => {
				for (const [k, v] of Object.entries(req.json<Record<string, unknown>>() ?? {}))
					if (!k.endsWith('_oid')) item[k] = v;
				// update_wish_list_item answers with the bare CustomerWishListItem
				return { status: 200, body: item };
			}),
		);
		this.route('DELETE', wi, 'delete_wish_list_item', (req) =>
			this.withItem(req, (item) => {
				const oid = Number(req.params.oid);
				this.wishlists.set(
					oid,
					(this.wishlists.get(oid) ?? []).filter((i) => i !== item),
				);
				return { status: 204 };
			}),
		);
		const hooks = '/rest/v2/webhook/webhooks';
		this.route('GET', hooks, 'getWebhooks', (req) => {
			const all = this.merchantWebhooks(req);
			const limit = Number(req.query.get('_limit') ?? 100);
			const offset = Number(req.query.get('_offset') ?? 0);
			const slice = all.slice(offset, offset + limit);
			const more = offset + limit < all.length;
			return {
				status: 200,
				body: {
					webhooks: slice,
					success: true,
					metadata: {
						payload_name: 'webhooks',
						result_set: {
							count: slice.length,
							limit,
							more,
							next_offset: more ? offset + limit : offset + slice.length,
							offset,
							total_records: all.length,
						},
					},
				},
			};
		});
		this.route('POST', hooks, 'insertWebhook', (req) => {
			const body = req.json<Record<string, unknown>>() ?? {};
			const problem = this.webhookProblem(body);
			if (problem) return failure(400, problem);
			const webhook = this.webhookFrom(body, this.nextWebhookOid++, this.merchantOf(req));
			this.merchantWebhooks(req).push(webhook);
			this.count('webhookInsert');
			return { status: 200, body: { webhook, success: true, metadata: {} } };
		});
		this.route('DELETE', hooks, 'deleteWebhookByUrl', (req) => {
			const url = req.json<{ webhook_url?: string }>()?.webhook_url;
			const list = this.merchantWebhooks(req);
			const gone = list.filter((w) => w.webhook_url === url);
			if (!gone.length) return failure(400, `No webhook with url ${String(url)} found.`);
			for (const webhook of gone) this.removeWebhook(list, webhook);
			return { status: 200, body: { webhook: gone[0], success: true, metadata: {} } };
		});
		this.route('PUT', `${hooks}/:oid`, 'updateWebhook', (req) =>
			this.withWebhook(req, (webhook, list) => {
				const body = req.json<Record<string, unknown>>() ?? {};
				const problem = this.webhookProblem(body);
				if (problem) return failure(400, problem);
				const updated = this.webhookFrom(body, webhook.webhook_oid, webhook.merchant_id);
				this.flushBatch(webhook);
				list.splice(list.indexOf(webhook), 1, updated);
				this.count('webhookUpdate');
				return { status: 200, body: { webhook: updated, success: true, metadata: {} } };
			}),
		);
		this.route('DELETE', `${hooks}/:oid`, 'deleteWebhook', (req) =>
			this.withWebhook(req, (webhook, list) => {
				this.removeWebhook(list, webhook);
				this.count('webhookDelete');
				return { status: 204 };
			}),
		);
		this.route('GET', '/rest/v2/customer/editor_values', 'get_customer_editor_values', () => ({
			status: 200,
			body: {
				countries: [
					{ iso_2_code: 'US', name: 'United States' },
					{ iso_2_code: 'CA', name: 'Canada' },
				],
				terms: ['Net 30'],
				qb_classes: [],
				sales_rep_codes: [],
				card_types: ['Visa', 'MasterCard'],
				loyalty_program_type: 'cashback',
			},
		}));
		this.route('GET', '/rest/v2/customer/email_lists', 'get_customer_email_lists', () => ({
			status: 200,
			body: {
				lists: this.emailLists.map((l) => ({
					...l,
					member_count: [...this.subscriptions.values()].filter((s) => s.has(l.email_list_uuid))
						.length,
				})),
				success: true,
				metadata: {},
			},
		}));
		this.route('POST', '/rest/v2/customer/search', 'search_customer_profile_values', (req) => {
			const body = req.json<{ category?: string; matches?: string; max_hits?: number }>() ?? {};
			const tags = new Set(
				[...this.customers.values()].flatMap((x) =>
					((x.tags as Array<{ tag_value: string }>) ?? []).map((t) => t.tag_value),
				),
			);
			const values = [...tags]
				.filter((t) => !body.matches || t.includes(body.matches))
				.slice(0, body.max_hits ?? 25)
				.map((t) => ({ key: t, value: t }));
			return { status: 200, body: { values, success: true, metadata: {} } };
		});
	}

	/** The registrations of the merchant DEMO, the owner of every key and token here. */
	get webhooks(): UltraCartWebhookRegistration[] {
		return this.webhooksByMerchant.get('DEMO') ?? [];
	}

	override reset(): void {
		super.reset();
		for (const batch of this.batches.values()) clearTimeout(batch.timer);
		this.batches.clear();
		this.webhooksByMerchant.clear();
		this.webhookSender.reset();
		this.deliveryShape = 'events';
	}

	override async stop(): Promise<void> {
		for (const batch of this.batches.values()) clearTimeout(batch.timer);
		this.batches.clear();
		await super.stop();
	}

	/** Sends every batch now and waits until each delivery succeeded or ran out of retries. */
	async deliveriesSettled(): Promise<void> {
		for (const webhook of [...this.batches.keys()]) this.flushBatch(webhook);
		await this.webhookSender.settled();
	}

	private merchantOf(_req: EmulatorRequest): string {
		return 'DEMO';
	}

	private merchantWebhooks(req: EmulatorRequest): UltraCartWebhookRegistration[] {
		const merchant = this.merchantOf(req);
		let list = this.webhooksByMerchant.get(merchant);
		if (!list) this.webhooksByMerchant.set(merchant, (list = []));
		return list;
	}

	private withWebhook(
		req: EmulatorRequest,
		handle: (
			webhook: UltraCartWebhookRegistration,
			list: UltraCartWebhookRegistration[],
		) => EmulatorResponse,
	): EmulatorResponse {
		const list = this.merchantWebhooks(req);
		const webhook = list.find((w) => w.webhook_oid === Number(req.params.oid));
		return webhook ? handle(webhook, list) : failure(404, `Webhook ${req.params.oid} not found.`);
	}

	private removeWebhook(
		list: UltraCartWebhookRegistration[],
		webhook: UltraCartWebhookRegistration,
	): void {
		const batch = this.batches.get(webhook);
		if (batch) clearTimeout(batch.timer);
		this.batches.delete(webhook);
		list.splice(list.indexOf(webhook), 1);
	}

	/** The Webhook API's refusals of a registration (enums, event catalogue, expansions, HTTPS for customer events). */
	private webhookProblem(body: Record<string, unknown>): string | undefined {
		const url = body.webhook_url;
		if (typeof url !== 'string' || !url) return 'webhook.webhook_url is required';
		const auth = body.authentication_type ?? 'none';
		if (!WEBHOOK_AUTHENTICATION_TYPES.includes(String(auth)))
			return `webhook.authentication_type ${String(auth)} is not valid`;
		if (body.api_version !== undefined && body.api_version !== API_VERSION)
			return `webhook.api_version must be ${API_VERSION}`;
		let customerEvents = false;
		for (const category of (body.event_categories ?? []) as Array<Record<string, unknown>>) {
			const known = WEBHOOK_EVENTS[String(category.event_category)];
			if (!known) return `Unknown event category ${String(category.event_category)}`;
			for (const event of (category.events ?? []) as UltraCartWebhookSubscription[]) {
				if (!known.includes(event.event_name))
					return `Unknown event ${event.event_name} in category ${String(category.event_category)}`;
				if (category.event_category !== 'customer' || event.subscribed === false) continue;
				customerEvents = true;
				const unknown = String(event.expansion ?? '')
					.split(',')
					.map((x) => x.trim())
					.filter((x) => x && !EXPANSIONS.includes(x));
				if (unknown.length)
					return `Invalid expansion ${unknown.join(', ')} for ${event.event_name}`;
			}
		}
		if (customerEvents) {
			const problem = webhookUrlProblem(url, { allowLoopbackHttp: this.allowLoopbackHttp });
			if (problem) return `Must be HTTPS for customer related information: ${problem}`;
		}
		return undefined;
	}

	/** A registration as UltraCart keeps it: Basic without a user or password gets random ones, shown in answers. */
	private webhookFrom(
		body: Record<string, unknown>,
		oid: number,
		merchant: string,
	): UltraCartWebhookRegistration {
		const basic = body.authentication_type === 'basic';
		return {
			...body,
			webhook_oid: oid,
			merchant_id: merchant,
			webhook_url: String(body.webhook_url),
			authentication_type: String(body.authentication_type ?? 'none'),
			basic_username: basic
				? String(body.basic_username || `uc-${randomBytes(6).toString('hex')}`)
				: undefined,
			basic_password: basic
				? String(body.basic_password || randomBytes(24).toString('base64url'))
				: undefined,
			api_version: API_VERSION,
			compress_events: body.compress_events === true,
			maximum_events: typeof body.maximum_events === 'number' ? body.maximum_events : 10,
			maximum_size: typeof body.maximum_size === 'number' ? body.maximum_size : 5242880,
			disabled: body.disabled === true,
			consecutive_failures: 0,
			pending: 0,
			event_categories: (
				(body.event_categories ?? []) as UltraCartWebhookRegistration['event_categories']
			).map((category) => ({
				...category,
				events: (category.events ?? []).map((event) => ({ ...event })),
			})),
		};
	}

	/** Queues a customer event for every webhook of DEMO that subscribed to it, with that subscription's expansion. */
	private customerEvent(eventName: string, customer: UltraCartCustomer): void {
		for (const webhook of this.webhooks) {
			if (webhook.disabled) continue;
			const subscription = webhook.event_categories
				.filter((category) => category.event_category === 'customer')
				.flatMap((category) => category.events)
				.find((event) => event.event_name === eventName && event.subscribed !== false);
			if (!subscription) continue;
			const event = { [eventName]: this.expanded(customer, subscription.expansion ?? '') };
			const size = Buffer.byteLength(JSON.stringify(event)) + 1;
			// a batch holds at most maximum_events events and maximum_size bytes
			const waiting = this.batches.get(webhook);
			if (waiting && waiting.bytes + size > webhook.maximum_size) this.flushBatch(webhook);
			const batch = this.batches.get(webhook);
			if (batch) {
				batch.events.push(event);
				batch.bytes += size;
			} else
				this.batches.set(webhook, {
					events: [event],
					bytes: size + 12,
					timer: setTimeout(() => this.flushBatch(webhook), this.batchWindowMs),
				});
			if (this.batches.get(webhook)!.events.length >= webhook.maximum_events)
				this.flushBatch(webhook);
		}
	}

	/** One POST of the queued events, with the webhook's Basic user and password. */
	private flushBatch(webhook: UltraCartWebhookRegistration): void {
		const batch = this.batches.get(webhook);
		if (!batch) return;
		clearTimeout(batch.timer);
		this.batches.delete(webhook);
		const events: unknown = webhook.compress_events
			? gzipSync(JSON.stringify(batch.events)).toString('base64')
			: batch.events;
		const body = this.deliveryShape === 'array' ? events : { events };
		const headers: Record<string, string> =
			webhook.authentication_type === 'basic'
				? {
						authorization: `Basic ${Buffer.from(`${webhook.basic_username}:${webhook.basic_password}`).toString('base64')}`,
					}
				: {};
		this.webhookSender.send(webhook.webhook_url, JSON.stringify(body), headers);
	}

	private now(): string {
		return new Date().toISOString();
	}

	private gate(req: EmulatorRequest): EmulatorResponse | undefined {
		if (req.path === '/rest/v2/oauth/token') return undefined;
		const key = req.header('x-ultracart-simple-key');
		const bearer = /^bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
		if (key !== ULTRACART_SIMPLE_KEY && !(bearer && this.accessTokens.has(bearer)))
			return failure(401, 'Status Code 401: invalid credentials supplied');
		if (req.header('x-ultracart-api-version') !== API_VERSION)
			return failure(400, `Requests must specify X-UltraCart-Api-Version: ${API_VERSION}`);
		if (this.inFlight > 0) return failure(429, 'Concurrent requests are not allowed.');
		if (!this.bucket.take())
			return failure(429, `rate of ${this.bucket.capacity} per 3600 second(s) exceeded.`, {
				'UC-REST-ERROR-MERCHANT-ID': 'DEMO',
			});
		this.inFlight++;
		this.admitted.add(req);
		return undefined;
	}

	private withCustomer(
		req: EmulatorRequest,
		handle: (c: UltraCartCustomer) => EmulatorResponse,
	): EmulatorResponse {
		const customer = this.customers.get(Number(req.params.oid));
		return customer ? handle(customer) : failure(404, `Customer ${req.params.oid} not found.`);
	}

	private withItem(
		req: EmulatorRequest,
		handle: (item: Record<string, unknown>) => EmulatorResponse,
	): EmulatorResponse {
		return this.withCustomer(req, (x) => {
			const item = (this.wishlists.get(x.customer_profile_oid) ?? []).find(
				(i) => i.customer_wishlist_item_oid === Number(req.params.itemOid),
			);
			return item ? handle(item) : failure(404, `Wishlist item ${req.params.itemOid} not found.`);
		});
	}

	/** The customer as UltraCart returns it: limited unless _expand asks for more. */
	expanded(customer: UltraCartCustomer, expand: string | null): Record<string, unknown> {
		const wanted = new Set(
			(expand ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean),
		);
		return Object.fromEntries(
			Object.entries(customer).filter(
				([k]) => BASE_FIELDS.includes(k) || (EXPANSIONS.includes(k) && wanted.has(k)),
			),
		);
	}

	private one(req: EmulatorRequest, customer: UltraCartCustomer): EmulatorResponse {
		return {
			status: 200,
			body: {
				customer: this.expanded(customer, req.query.get('_expand')),
				success: true,
				metadata: {},
			},
		};
	}

	private filtered(q: URLSearchParams): UltraCartCustomer[] {
		let all = [...this.customers.values()];
		const email = q.get('email');
		if (email) all = all.filter((x) => x.email === email);
		const time = (param: string, field: 'last_modified_dts' | 'signup_dts', after: boolean) => {
			const v = q.get(param);
			if (v)
				all = all.filter((x) =>
					after ? x[field] >= new Date(v).toISOString() : x[field] <= new Date(v).toISOString(),
				);
		};
		time('last_modified_dts_start', 'last_modified_dts', true);
		time('last_modified_dts_end', 'last_modified_dts', false);
		time('signup_dts_start', 'signup_dts', true);
		time('signup_dts_end', 'signup_dts', false);
		const since = q.get('_since');
		if (since) all = all.filter((x) => x.last_modified_dts >= new Date(since).toISOString());
		for (const prefix of ['billing', 'shipping']) {
			for (const field of [
				'first_name',
				'last_name',
				'company',
				'city',
				'state',
				'postal_code',
				'country_code',
				'day_phone',
				'evening_phone',
			]) {
				const v = q.get(`${prefix}_${field}`);
				const key = field === 'state' ? 'state_region' : field;
				if (v)
					all = all.filter((x) =>
						((x[prefix] as Array<Record<string, unknown>>) ?? []).some((a) => a[key] === v),
					);
			}
		}
		const tier = q.get('pricing_tier_name');
		if (tier)
			all = all.filter((x) =>
				((x.pricing_tiers as Array<{ name: string }>) ?? []).some((t) => t.name === tier),
			);
		const sort = q.get('_sort');
		if (sort) {
			const field = sort.replace(/^-/, '');
			const dir = sort.startsWith('-') ? -1 : 1;
			all.sort((a, b) => dir * String(a[field] ?? '').localeCompare(String(b[field] ?? '')));
		}
		return all;
	}

	private list(req: EmulatorRequest, all: UltraCartCustomer[]): EmulatorResponse {
		const limit = Number(req.query.get('_limit') ?? 100);
		const offset = Number(req.query.get('_offset') ?? 0);
		if (limit > 200) return failure(400, '_limit may not exceed 200');
		const slice = all
			.slice(offset, offset + limit)
			.map((x) => this.expanded(x, req.query.get('_expand')));
		const more = offset + limit < all.length;
		return {
			status: 200,
			body: {
				customers: slice,
				success: true,
				metadata: {
					payload_name: 'customers',
					result_set: {
						count: slice.length,
						limit,
						more,
						next_offset: more ? offset + limit : offset + slice.length,
						offset,
						total_records: all.length,
					},
				},
			},
		};
	}

	private insert(req: EmulatorRequest): EmulatorResponse {
		const body = req.json<Record<string, unknown>>();
		if (!body?.email) return failure(400, 'email is required');
		if ([...this.customers.values()].some((x) => x.email === body.email))
			return failure(400, `A customer with email ${String(body.email)} already exists.`);
		const customer = this.add(body);
		this.count('insert');
		this.customerEvent('customer_create', customer);
		return this.one(req, customer);
	}

	add(fields: Record<string, unknown>): UltraCartCustomer {
		const now = this.now();
		const { password: _password, ...rest } = fields;
		const customer: UltraCartCustomer = {
			billing: [],
			shipping: [],
			tags: [],
			pricing_tiers: [],
			...rest,
			customer_profile_oid: this.nextOid++,
			merchant_id: 'DEMO',
			email: String(fields.email),
			signup_dts: now,
			last_modified_dts: now,
		};
		this.numberAddresses(customer);
		this.customers.set(customer.customer_profile_oid, customer);
		return customer;
	}

	/** UltraCart replaces the address lists with those sent, and gives each new address its oid. */
	private numberAddresses(customer: UltraCartCustomer): void {
		for (const list of ['billing', 'shipping'] as const) {
			for (const address of (customer[list] as Array<Record<string, unknown>> | undefined) ?? []) {
				address.customer_profile_oid = customer.customer_profile_oid;
				address[`customer_${list}_oid`] ??= this.nextAddressOid++;
			}
		}
		// properties (CustomerProperty) get their oid the same way
		for (const property of (customer.properties as Array<Record<string, unknown>> | undefined) ??
			[])
			property.customer_profile_property_oid ??= this.nextAddressOid++;
	}

	seed(count: number): UltraCartCustomer[] {
		this.customers.clear();
		this.storeCredit.clear();
		this.cashback.clear();
		this.subscriptions.clear();
		this.wishlists.clear();
		this.nextOid = 1001;
		return Array.from({ length: count }, (_, i) =>
			this.add({
				email: `buyer${i + 1}@example.com`,
				billing: [
					{
						first_name: 'Buyer',
						last_name: String(i + 1),
						city: i % 2 ? 'Austin' : 'Denver',
						state_region: i % 2 ? 'TX' : 'CO',
						country_code: 'US',
					},
				],
				tags: i % 3 === 0 ? [{ tag_value: 'wholesale' }] : [],
			}),
		);
	}

	seedDemoData(): void {
		const [jane] = this.seed(4);
		Object.assign(jane, {
			email: 'jane.doe@example.com',
			billing: [
				{
					first_name: 'Jane',
					last_name: 'Doe',
					city: 'Austin',
					state_region: 'TX',
					country_code: 'US',
				},
			],
			pricing_tiers: [{ name: 'VIP' }],
		});
		this.wishlists.set(jane.customer_profile_oid, [
			{
				customer_profile_oid: jane.customer_profile_oid,
				customer_wishlist_item_oid: this.nextWishlistOid++,
				merchant_item_oid: 9001,
				comments: 'Gift idea',
				priority: 3,
			},
		]);
	}
}
