// Voucherify emulator: the Customers API, CSV import, bulk updates and async actions (specs/voucherify-*.json,
// voucherify-docs/, commerce.md §2): upsert by id or source_id, page ≤ 99 and limit ≤ 100, starting_after cursors,
// 202 async actions that go ENQUEUED → IN_PROGRESS → DONE, error bodies and X-Rate-Limit-* headers.
import { createHmac } from 'node:crypto';

import { EmulatedBucket, Emulator, type EmulatorRequest, type EmulatorResponse } from './kit';
import secrets from './secrets.json';
import { WebhookSender, webhookUrlProblem, type Delivery } from './webhooks';

export const VOUCHERIFY_APP_ID = 'vf-app-id-0001';
export const VOUCHERIFY_SECRET = 'vf-secret-key-9c1d2e3f';
/** Management API keys (Team settings → Management API keys) and the project's webhook Secret key. */
export const VOUCHERIFY_MANAGEMENT_ID = secrets.voucherifyManagementId;
export const VOUCHERIFY_MANAGEMENT_TOKEN = secrets.voucherifyManagementToken;
export const VOUCHERIFY_WEBHOOK_SECRET = secrets.voucherifyWebhookSecret;
export const VOUCHERIFY_PROJECT_ID = 'proj_n8nEmu1';

/** The events the Management API's webhook schema lists (ManagementProjectsWebhookBase, typos included). */
const MANAGEMENT_WEBHOOK_EVENTS = new Set([
	'business_validation_rule.assignment.created',
	'business_validation_rule.assignment.deleted',
	'business_validation_rule.created',
	'business_validation_rule.deleted',
	'business_validation_rule.updated',
	'campaign.created',
	'campaign.deleted',
	'campaign.disabled',
	'campaign.enabled',
	'campaign.updated',
	'campaign.vouchers.aded',
	'campaign.vouchers.generation.completed',
	'customer.confirmed',
	'customer.created',
	'customer.deleted',
	'customer.rewarded',
	'customer.rewarded.loyalty_points',
	'publication.succeeded',
	'redemption.failed',
	'redemption.rollback.failed',
	'redemption.rollback.succeeded',
	'redemption.succeeded',
	'voucher.created',
	'voucher.deleted',
	'voucher.disabled',
	'voucher.enabled',
	'voucher.published',
	'voucher.updated',
]);

export interface VoucherifyWebhook {
	object: 'webhook';
	id: string;
	created_at: string;
	target_url: string;
	events: string[];
	active: boolean;
	projectId: string;
}

export interface VoucherifyProject {
	id: string;
	name: string;
	cluster_id: string;
	webhook_version: 'v2024-01-01';
}

export interface VoucherifyEmulatorOptions {
	timeScale?: number;
	requestsPerMinute?: number;
	/**
	 * Takes webhook target URLs on http://127.0.0.1 (tests, npm start and the e2e run n8n there); the real
	 * Voucherify sends only to public addresses.
	 */
	allowLoopbackHttp?: boolean;
	/** Real ms before each retry of a delivery that got no 2xx; the vendor's are 1, 2, 4, … minutes (12 retries). */
	webhookRetryDelaysMs?: number[];
}

/** Voucherify's retry schedule: 1 min, then doubling, the 12th at 24 h. */
const VENDOR_RETRY_DELAYS_MS = [1, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 416].map(
	(minutes) => minutes * 60_000,
);

export interface VoucherifyCustomer {
	id: string;
	source_id: string | null;
	name: string | null;
	description: string | null;
	email: string | null;
	phone: string | null;
	birthdate: string | null;
	address: Record<string, string | null> | null;
	metadata: Record<string, unknown>;
	summary: Record<string, unknown>;
	loyalty: Record<string, unknown>;
	referrals: Record<string, unknown>;
	system_metadata: Record<string, unknown>;
	created_at: string;
	updated_at: string | null;
	object: 'customer';
}

interface AsyncAction {
	id: string;
	type: string;
	createdAt: number;
	apply: () => Record<string, unknown>;
	result?: Record<string, unknown>;
	failed?: boolean;
}

interface Activity {
	id: string;
	type: string;
	category: 'ACTION' | 'EFFECT';
	created_at: string;
	data: Record<string, unknown>;
	object: 'customer_activity';
}

const MAX_BULK_BYTES = 10 * 1024 * 1024;
/** Vendor ms an async action stays queued, then in progress. */
const QUEUED_MS = 200;
const PROCESSING_MS = 400;

function error(status: number, key: string, message: string, details?: string): EmulatorResponse {
	return {
		status,
		body: {
			code: status,
			key,
			message,
			details,
			request_id: `v-${Math.random().toString(16).slice(2, 20)}`,
		},
	};
}

const BASE_FIELDS = ['name', 'description', 'email', 'phone', 'birthdate'] as const;

interface MetadataDefinition {
	type: string;
	array: boolean;
	optional: boolean;
	objectType: string | null;
	eq?: unknown[];
	deleted?: boolean;
}

const definition = (type: string, extra: Partial<MetadataDefinition> = {}): MetadataDefinition => ({
	type,
	array: false,
	optional: true,
	objectType: null,
	...extra,
});

/**
 * The demo project's metadata schemas (MetadataSchemaDeprecated, as GET /v1/metadata-schemas lists them): the
 * customer's keys in every type the spec defines, a list, allowed values and a deleted key; and one other object's.
 */
export function demoMetadataSchemas(): Array<Record<string, unknown>> {
	return [
		{
			id: 'ms_f0r4hm3ta6a4a5ch3ma',
			related_object: 'customer',
			properties: {
				acquisition_channel: definition('string', { eq: ['Facebook', 'Twitter', 'Website'] }),
				avatar_url: definition('image_url'),
				birthday: definition('date'),
				customer_location: definition('geopoint'),
				favorite_brands: definition('string', { array: true }),
				last_order_at: definition('datetime'),
				newsletter: definition('boolean'),
				opt_in: definition('boolean'),
				orders: definition('number'),
				preferences: definition('object'),
				redeemables: definition('number'),
				score: definition('number'),
				segment: definition('string'),
				store_code: definition('string', { deleted: true }),
				tier: definition('string'),
				vip: definition('boolean'),
			},
			allow_defined_only: false,
			created_at: '2021-12-03T06:33:45.894Z',
			updated_at: '2025-07-14T15:15:34.928Z',
			object: 'metadata_schema',
		},
		{
			id: 'ms_f1r5Tm3ta6a4a5ch3ma',
			related_object: 'order',
			properties: { card: definition('string', { array: true }) },
			allow_defined_only: false,
			created_at: '2021-12-03T06:33:45.894Z',
			updated_at: null,
			object: 'metadata_schema',
		},
	];
}

/** A webhook as the Management API shows it (no project, no secret). */
function webhookView(webhook: VoucherifyWebhook): Record<string, unknown> {
	const { projectId: _projectId, ...view } = webhook;
	return view;
}

const isPlainObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether one metadata value has its definition's type, as Voucherify enforces a schema on customer writes. */
function metadataTypeOk(type: string, value: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'date':
			return (
				typeof value === 'string' &&
				/^\d{4}-\d{2}-\d{2}$/.test(value) &&
				new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
			);
		case 'datetime':
			return typeof value === 'string' && /T/.test(value) && !Number.isNaN(Date.parse(value));
		case 'image_url':
			return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
		default:
			return isPlainObject(value);
	}
}

export class VoucherifyEmulator extends Emulator {
	readonly customers = new Map<string, VoucherifyCustomer>();
	readonly asyncActions = new Map<string, AsyncAction>();
	readonly activities = new Map<string, Activity[]>();
	/** The project's metadata schemas (Project Settings → Metadata Schema); tests may change them. */
	metadataSchemas = demoMetadataSchemas();
	bucket: EmulatedBucket;
	private sequence = 0;
	/** The emulated clock: each write is one second after the last (deterministic timestamps). */
	clockMs = Date.parse('2026-01-01T00:00:00Z');

	/** The organization's projects (Management API); customers live in the first. */
	readonly projects: VoucherifyProject[] = [
		{
			id: VOUCHERIFY_PROJECT_ID,
			name: 'n8n demo',
			cluster_id: 'eu1',
			webhook_version: 'v2024-01-01',
		},
	];
	/** Project settings → Webhooks, of every project. */
	readonly webhooks: VoucherifyWebhook[] = [];
	readonly webhookSender: WebhookSender;
	/** Deliveries carry the JSON pretty-printed (signed over its whitespace-free form) instead of compact. */
	prettyDeliveries = false;
	private readonly allowLoopbackHttp: boolean;
	private readonly attemptsPerDelivery: number;
	/** Send-outs still being tried, to disable a webhook whose delivery failed every retry, as Voucherify does. */
	private readonly sendouts: Array<{ webhook: VoucherifyWebhook; delivery: Delivery }> = [];

	constructor(options: VoucherifyEmulatorOptions = {}) {
		super({ contractProvider: 'voucherify', timeScale: options.timeScale });
		const perMinute = options.requestsPerMinute ?? 2000;
		this.bucket = new EmulatedBucket(perMinute, perMinute / 60, this.clock);
		this.allowLoopbackHttp = options.allowLoopbackHttp ?? false;
		const retryDelaysMs = options.webhookRetryDelaysMs ?? VENDOR_RETRY_DELAYS_MS;
		this.attemptsPerDelivery = retryDelaysMs.length + 1;
		this.webhookSender = new WebhookSender({
			retryDelaysMs,
			// the vendor counts an answer after 10 s as a failure
			timeoutMs: 10_000,
		});

		this.use((req) => {
			this.disableFailedWebhooks();
			// the Management API has its own keys; the application keys do not open it
			if (req.path.startsWith('/management/')) {
				return req.header('x-management-id') === VOUCHERIFY_MANAGEMENT_ID &&
					req.header('x-management-token') === VOUCHERIFY_MANAGEMENT_TOKEN
					? undefined
					: error(401, 'unauthorized', 'Unauthorized', 'Missing or invalid Management API keys');
			}
			if (
				req.header('x-app-id') !== VOUCHERIFY_APP_ID ||
				req.header('x-app-token') !== VOUCHERIFY_SECRET
			) {
				return error(
					401,
					'unauthorized',
					'Unauthorized',
					'Missing or invalid X-App-Id / X-App-Token',
				);
			}
			if (!this.bucket.take()) {
				const retrySeconds = Math.max(
					1,
					Math.ceil(this.clock.toRealMs(this.bucket.msUntilNext) / 1000),
				);
				return {
					status: 429,
					headers: {
						'retry-after': String(retrySeconds),
						'x-rate-limit-retry': String(Math.ceil(Date.now() / 1000) + retrySeconds),
						'x-rate-limit-type': 'api_calls',
					},
					body: {
						code: 429,
						key: 'too_many_requests',
						message: 'Too many requests hit the API too quickly.',
						details: 'API limit reached',
					},
				};
			}
			return undefined;
		});
		this.after((_req, res) => {
			res.headers = {
				...res.headers,
				'x-rate-limit-limit': String(this.bucket.capacity),
				'x-rate-limit-remaining': String(this.bucket.remaining),
			};
		});

		this.route('GET', '/v1/metadata-schemas', 'list-metadata-schemas', () => ({
			status: 200,
			body: {
				object: 'list',
				data_ref: 'schemas',
				schemas: this.metadataSchemas,
				total: this.metadataSchemas.length,
			},
		}));
		this.route('GET', '/v1/metadata-schemas/:resource', 'get-metadata-schema', (req) => {
			const schema = this.metadataSchemas.find((s) => s.related_object === req.params.resource);
			return schema
				? { status: 200, body: schema }
				: error(
						404,
						'not_found',
						'Resource not found',
						`Cannot find metadata_schema with id ${req.params.resource}`,
					);
		});
		this.route('GET', '/management/v1/projects', 'list-projects', () => ({
			status: 200,
			body: {
				object: 'list',
				data_ref: 'data',
				data: this.projects,
				total: this.projects.length,
			},
		}));
		this.route('GET', '/management/v1/projects/:projectId/webhooks', 'list-webhooks', (req) =>
			this.withProject(req, (projectId) => {
				const data = this.webhooks.filter((w) => w.projectId === projectId).map(webhookView);
				return {
					status: 200,
					body: { object: 'list', data_ref: 'data', data, total: data.length },
				};
			}),
		);
		this.route('POST', '/management/v1/projects/:projectId/webhooks', 'create-webhook', (req) =>
			this.withProject(req, (projectId) => {
				const body = this.webhookBody(req);
				if ('status' in body) return body;
				const webhook: VoucherifyWebhook = {
					object: 'webhook',
					id: `wh_${this.nextId()}`,
					// wall-clock time: the customers' emulated clock moves only with customer writes
					created_at: new Date().toISOString(),
					...body,
					projectId,
				};
				this.webhooks.push(webhook);
				return { status: 200, body: webhookView(webhook) };
			}),
		);
		this.route(
			'GET',
			'/management/v1/projects/:projectId/webhooks/:webhookId',
			'get-webhook',
			(req) => this.withWebhook(req, (w) => ({ status: 200, body: webhookView(w) })),
		);
		this.route(
			'PUT',
			'/management/v1/projects/:projectId/webhooks/:webhookId',
			'update-webhook',
			(req) =>
				this.withWebhook(req, (w) => {
					const body = this.webhookBody(req);
					if ('status' in body) return body;
					Object.assign(w, body);
					return { status: 200, body: webhookView(w) };
				}),
		);
		this.route(
			'DELETE',
			'/management/v1/projects/:projectId/webhooks/:webhookId',
			'delete-webhook',
			(req) =>
				this.withWebhook(req, (w) => {
					this.webhooks.splice(this.webhooks.indexOf(w), 1);
					return { status: 204 };
				}),
		);
		this.route('POST', '/v1/customers', 'create-customer', (req) => this.upsert(req));
		this.route('GET', '/v1/customers', 'list-customers', (req) => this.list(req));
		this.route('POST', '/v1/customers/importCSV', 'import-customers-using-csv', (req) =>
			this.importCsv(req),
		);
		this.route('POST', '/v1/customers/bulk/async', 'update-customers-in-bulk', (req) =>
			this.bulkUpdate(req),
		);
		this.route('POST', '/v1/customers/metadata/async', 'update-customers-metadata-in-bulk', (req) =>
			this.metadataUpdate(req),
		);
		this.route('GET', '/v1/customers/:id', 'get-customer', (req) =>
			this.withCustomer(req, (c) => ({ status: 200, body: c })),
		);
		this.route('PUT', '/v1/customers/:id', 'update-customer', (req) =>
			this.withCustomer(req, (c) => this.update(req, c)),
		);
		this.route('DELETE', '/v1/customers/:id', 'delete-customer', (req) =>
			this.withCustomer(req, (c) => {
				this.customers.delete(c.id);
				this.count('delete');
				this.notify('customer.deleted', c);
				return { status: 204 };
			}),
		);
		this.route(
			'POST',
			'/v1/customers/:id/permanent-deletion',
			'customer-permanently-deletion',
			(req) =>
				this.withCustomer(req, (c) => {
					this.customers.delete(c.id);
					this.count('permanentDelete');
					this.notify('customer.deleted', c);
					return {
						status: 200,
						body: {
							id: `del_${this.nextId()}`,
							created_at: this.now(),
							related_object_id: c.id,
							related_object: 'customer',
							status: 'DONE',
							data_json: {
								events: 2,
								customer_events: 2,
								daily_events: 1,
								segments: 0,
								orders: 0,
								order_events: 0,
								customer: 1,
							},
							object: 'pernament_deletion',
						},
					};
				}),
		);
		this.route('GET', '/v1/customers/:id/activity', 'list-customer-activity', (req) =>
			this.withCustomer(req, (c) => this.activity(req, c, true)),
		);
		this.route('GET', '/v1/customers/:id/activities', 'list-customer-activities', (req) =>
			this.withCustomer(req, (c) => this.activity(req, c, false)),
		);
		this.route('GET', '/v1/customers/:id/segments', 'list-customer-segments', (req) => {
			// The vendor answers for unknown customers too, with the segments they would qualify for.
			const customer = this.find(req.params.id);
			const data = customer?.metadata.vip
				? [{ id: 'seg_vip', name: 'VIP customers', object: 'segment' }]
				: [];
			return { status: 200, body: { object: 'list', data_ref: 'data', data, total: data.length } };
		});
		this.route('GET', '/v1/customers/:id/redeemables', 'list-customer-redeemables', (req) =>
			this.withCustomer(req, (c) => this.redeemables(req, c)),
		);
		this.route('GET', '/v1/async-actions/:id', 'get-async-action', (req) => {
			const action = this.asyncActions.get(req.params.id);
			if (!action)
				return error(
					404,
					'not_found',
					'Resource not found',
					`Cannot find async_action with id ${req.params.id}`,
				);
			return { status: 200, body: this.describe(action) };
		});
	}

	private withProject(
		req: EmulatorRequest,
		handle: (projectId: string) => EmulatorResponse,
	): EmulatorResponse {
		const project = this.projects.find((p) => p.id === req.params.projectId);
		return project
			? handle(project.id)
			: error(
					404,
					'not_found',
					'Resource not found',
					`Cannot find project with id ${req.params.projectId}`,
				);
	}

	private withWebhook(
		req: EmulatorRequest,
		handle: (webhook: VoucherifyWebhook) => EmulatorResponse,
	): EmulatorResponse {
		return this.withProject(req, (projectId) => {
			const webhook = this.webhooks.find(
				(w) => w.projectId === projectId && w.id === req.params.webhookId,
			);
			return webhook
				? handle(webhook)
				: error(
						404,
						'not_found',
						'Resource not found',
						`Cannot find webhook with id ${req.params.webhookId}`,
					);
		});
	}

	/** A webhook's target_url, events and active flag, checked as the Management API checks them. */
	private webhookBody(
		req: EmulatorRequest,
	): Pick<VoucherifyWebhook, 'target_url' | 'events' | 'active'> | EmulatorResponse {
		const body = this.body(req) as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object' || typeof body.target_url !== 'string')
			return error(400, 'invalid_payload', 'Invalid payload', 'target_url is required');
		if (!Array.isArray(body.events))
			return error(400, 'invalid_payload', 'Invalid payload', 'events must be an array');
		const unknown = body.events.find((e) => !MANAGEMENT_WEBHOOK_EVENTS.has(String(e)));
		if (unknown !== undefined)
			return error(
				400,
				'invalid_payload',
				'Invalid payload',
				`events: unknown event ${String(unknown)}`,
			);
		const urlProblem = webhookUrlProblem(body.target_url, {
			allowLoopbackHttp: this.allowLoopbackHttp,
		});
		if (urlProblem)
			return error(400, 'invalid_payload', 'Invalid payload', `target_url: ${urlProblem}`);
		if (body.active !== undefined && typeof body.active !== 'boolean')
			return error(400, 'invalid_payload', 'Invalid payload', 'active must be a boolean');
		return {
			target_url: body.target_url,
			events: body.events.map(String),
			active: body.active ?? true,
		};
	}

	/**
	 * Adds a webhook as a user does in the dashboard (Project settings → Webhooks → Add new webhook), where every
	 * event can be ticked, customer.updated included.
	 */
	addWebhookInDashboard(targetUrl: string, events: string[], active = true): VoucherifyWebhook {
		const problem = webhookUrlProblem(targetUrl, { allowLoopbackHttp: this.allowLoopbackHttp });
		if (problem) throw new Error(problem);
		const webhook: VoucherifyWebhook = {
			object: 'webhook',
			id: `wh_${this.nextId()}`,
			created_at: new Date().toISOString(),
			target_url: targetUrl,
			events,
			active,
			projectId: this.projects[0].id,
		};
		this.webhooks.push(webhook);
		return webhook;
	}

	/** Sends a customer event (v2024-01-01 envelope, signed) to every active webhook of the project that wants it. */
	/** Project settings webhooks are disabled once a delivery failed its last retry. */
	disableFailedWebhooks(): void {
		for (let i = this.sendouts.length - 1; i >= 0; i--) {
			const { webhook, delivery } = this.sendouts[i];
			if (delivery.delivered) this.sendouts.splice(i, 1);
			else if (delivery.attempts.length >= this.attemptsPerDelivery) {
				webhook.active = false;
				this.sendouts.splice(i, 1);
			}
		}
	}

	private notify(
		type: 'customer.created' | 'customer.updated' | 'customer.deleted',
		customer: VoucherifyCustomer,
	): void {
		const projectId = this.projects[0].id;
		const targets = this.webhooks.filter(
			(w) => w.projectId === projectId && w.active && w.events.includes(type),
		);
		if (!targets.length) return;
		const at = new Date().toISOString();
		const snapshot: Record<string, unknown> = { ...structuredClone(customer) };
		// a deleted customer's source_id is rewritten, as in the vendor's example
		if (type === 'customer.deleted' && customer.source_id)
			snapshot.source_id = `${customer.source_id}_deleted${at}`;
		const event = {
			id: `evcus_${this.nextId()}`,
			type,
			created_at: at,
			entity_id: customer.id,
			group_id: `v-${this.nextId()}`,
			event_source: { channel: 'API', api_key: { name: 'Backend', app_id: VOUCHERIFY_APP_ID } },
		};
		for (const webhook of targets) {
			const envelope = {
				id: `whs_${this.nextId()}`,
				project_id: projectId,
				created_at: at,
				type,
				data: { customer: snapshot },
				source: { id: webhook.id, object: 'webhook', target_url: webhook.target_url },
				event,
			};
			const compact = JSON.stringify(envelope);
			const body = this.prettyDeliveries ? JSON.stringify(envelope, null, 2) : compact;
			const signature = createHmac('sha256', VOUCHERIFY_WEBHOOK_SECRET)
				.update(compact)
				.digest('hex');
			const delivery = this.webhookSender.send(webhook.target_url, body, {
				'x-voucherify-signature': signature,
			});
			this.sendouts.push({ webhook, delivery });
		}
	}

	private nextId(): string {
		return (++this.sequence).toString(16).padStart(18, '0');
	}

	/** Demo data follows the wall clock, as a live project does, so polling triggers see new customers. */
	private wallClock = false;

	/** Vendor timestamps: in tests every write is one second after the previous, so cursors are deterministic. */
	private now(): string {
		this.clockMs = this.wallClock ? Math.max(this.clockMs + 1, Date.now()) : this.clockMs + 1000;
		return new Date(this.clockMs).toISOString();
	}

	find(idOrSourceId: string): VoucherifyCustomer | undefined {
		return (
			this.customers.get(idOrSourceId) ??
			[...this.customers.values()].find((c) => c.source_id === idOrSourceId)
		);
	}

	private withCustomer(
		req: EmulatorRequest,
		handle: (c: VoucherifyCustomer) => EmulatorResponse,
	): EmulatorResponse {
		const customer = this.find(req.params.id);
		if (!customer)
			return error(
				404,
				'not_found',
				'Resource not found',
				`Cannot find customer with id ${req.params.id}`,
			);
		return handle(customer);
	}

	private body(req: EmulatorRequest): unknown {
		try {
			return req.json();
		} catch {
			return undefined;
		}
	}

	private validCustomerFields(body: Record<string, unknown>): string | undefined {
		if (
			body.birthdate !== undefined &&
			body.birthdate !== null &&
			!/^\d{4}-\d{2}-\d{2}$/.test(String(body.birthdate))
		)
			return 'birthdate must be a date in the format YYYY-MM-DD';
		if (
			body.email !== undefined &&
			body.email !== null &&
			!/^[^@\s]+@[^@\s]+$/.test(String(body.email))
		)
			return 'email must be a valid email address';
		if (
			body.metadata !== undefined &&
			(typeof body.metadata !== 'object' || Array.isArray(body.metadata))
		)
			return 'metadata must be an object';
		return undefined;
	}

	/** What the customer metadata schema refuses in this metadata: a value of the wrong type, an undefined key when only defined ones are allowed. */
	metadataProblem(metadata: unknown): string | undefined {
		if (!isPlainObject(metadata)) return undefined;
		const schema = this.metadataSchemas.find((s) => s.related_object === 'customer');
		if (!schema) return undefined;
		const properties = schema.properties as Record<string, MetadataDefinition>;
		for (const [key, value] of Object.entries(metadata as Record<string, unknown>)) {
			const defined = properties[key] && !properties[key].deleted ? properties[key] : undefined;
			if (!defined) {
				if (schema.allow_defined_only)
					return `metadata.${key} is not defined in the metadata schema`;
				continue;
			}
			if (value === null) continue;
			const items = defined.array ? value : [value];
			if (!Array.isArray(items) || !items.every((item) => metadataTypeOk(defined.type, item)))
				return `metadata.${key} must be ${defined.array ? 'an array of ' : ''}${defined.type}`;
			if (defined.eq && !items.every((item) => defined.eq!.includes(item)))
				return `metadata.${key} must be one of ${defined.eq.join(', ')}`;
		}
		return undefined;
	}

	/**
	 * Creates or updates (by id, then source_id) and returns the customer; the vendor's upsert. `webhooks` says which
	 * events it sends: all (the API), only customer.created (bulk, metadata and CSV imports send no customer.updated).
	 */
	applyUpsert(
		body: Record<string, unknown>,
		webhooks: 'all' | 'created' | 'none' = 'none',
	): VoucherifyCustomer {
		const existing: VoucherifyCustomer | undefined =
			(body.id ? this.customers.get(String(body.id)) : undefined) ??
			(body.source_id ? this.find(String(body.source_id)) : undefined);
		if (existing) {
			this.merge(existing, body);
			this.count('update');
			if (webhooks === 'all') this.notify('customer.updated', existing);
			return existing;
		}
		const created = this.now();
		const customer: VoucherifyCustomer = {
			id: `cust_${this.nextId()}`,
			source_id: (body.source_id as string) ?? null,
			name: null,
			description: null,
			email: null,
			phone: null,
			birthdate: null,
			address: null,
			metadata: {},
			summary: {
				redemptions: { total_redeemed: 0, total_failed: 0, total_succeeded: 0 },
				orders: { total_amount: 0, total_count: 0, average_amount: 0 },
			},
			loyalty: { points: 0, referred_customers: 0, campaigns: {} },
			referrals: { total: 0, campaigns: [] },
			system_metadata: {},
			created_at: created,
			updated_at: null,
			object: 'customer',
		};
		this.merge(customer, body, false);
		this.customers.set(customer.id, customer);
		this.activities.set(customer.id, [
			{
				id: `evcus_${this.nextId()}`,
				type: 'customer.created',
				category: 'ACTION',
				created_at: created,
				data: { customer: { id: customer.id } },
				object: 'customer_activity',
			},
		]);
		this.count('create');
		if (webhooks !== 'none') this.notify('customer.created', customer);
		return customer;
	}

	private merge(customer: VoucherifyCustomer, body: Record<string, unknown>, touch = true): void {
		for (const key of BASE_FIELDS)
			if (key in body) customer[key] = (body[key] as string | null) ?? null;
		if ('address' in body)
			customer.address = body.address
				? { ...(customer.address ?? {}), ...(body.address as Record<string, string>) }
				: null;
		if (body.metadata && typeof body.metadata === 'object')
			customer.metadata = { ...customer.metadata, ...(body.metadata as Record<string, unknown>) };
		if (touch) {
			customer.updated_at = this.now();
			(this.activities.get(customer.id) ?? []).push({
				id: `evcus_${this.nextId()}`,
				type: 'customer.updated',
				category: 'ACTION',
				created_at: customer.updated_at,
				data: {},
				object: 'customer_activity',
			});
		}
	}

	private upsert(req: EmulatorRequest): EmulatorResponse {
		const body = this.body(req);
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return error(400, 'invalid_payload', 'Invalid payload', 'The body must be a JSON object');
		const problem =
			this.validCustomerFields(body as Record<string, unknown>) ??
			this.metadataProblem((body as Record<string, unknown>).metadata);
		if (problem) return error(400, 'invalid_customer', 'Invalid customer', problem);
		return { status: 200, body: this.applyUpsert(body as Record<string, unknown>, 'all') };
	}

	private update(req: EmulatorRequest, customer: VoucherifyCustomer): EmulatorResponse {
		const body = this.body(req) as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object')
			return error(400, 'invalid_payload', 'Invalid payload', 'The body must be a JSON object');
		if ('source_id' in body || 'id' in body)
			return error(400, 'invalid_payload', 'Invalid payload', 'source_id cannot be changed');
		const problem = this.validCustomerFields(body) ?? this.metadataProblem(body.metadata);
		if (problem) return error(400, 'invalid_customer', 'Invalid customer', problem);
		this.merge(customer, body);
		this.count('update');
		this.notify('customer.updated', customer);
		return { status: 200, body: customer };
	}

	private list(req: EmulatorRequest): EmulatorResponse {
		const q = req.query;
		const limit = Number(q.get('limit') ?? 10);
		const page = Number(q.get('page') ?? 1);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return error(
				400,
				'invalid_query_params',
				'Invalid query params',
				'limit must be between 1 and 100',
			);
		if (!Number.isInteger(page) || page < 1 || page > 99)
			return error(
				400,
				'invalid_query_params',
				'Invalid query params',
				'page must be between 1 and 99',
			);
		const order = q.get('order') ?? '-created_at';
		let all = [...this.customers.values()];
		const exact = (name: 'email' | 'name', param: string) => {
			const v = q.get(param);
			if (v) all = all.filter((c) => c[name] === v);
		};
		exact('email', 'email');
		exact('name', 'name');
		const city = q.get('city');
		if (city) all = all.filter((c) => c.address?.city === city);
		const segment = q.get('segment_id');
		if (segment) all = all.filter((c) => segment === 'seg_vip' && c.metadata.vip);
		const range = (param: string, field: 'created_at' | 'updated_at', before: boolean) => {
			const v = q.get(param);
			if (!v) return;
			const t = Date.parse(v);
			all = all.filter(
				(c) =>
					c[field] !== null && (before ? Date.parse(c[field]!) < t : Date.parse(c[field]!) > t),
			);
		};
		range('created_at[before]', 'created_at', true);
		range('created_at[after]', 'created_at', false);
		range('updated_at[before]', 'updated_at', true);
		range('updated_at[after]', 'updated_at', false);
		const field = order.replace(/^-/, '') as 'created_at' | 'updated_at' | 'source_id';
		const direction = order.startsWith('-') ? -1 : 1;
		all.sort(
			(a, b) =>
				direction * String(a[field] ?? '').localeCompare(String(b[field] ?? '')) ||
				direction * a.id.localeCompare(b.id),
		);
		const startingAfter = q.get('starting_after');
		if (startingAfter) {
			// created_at cursor: after it when ascending by created_at, before it otherwise (the SDK's scroll)
			const t = Date.parse(startingAfter);
			all = all.filter((c) =>
				order === 'created_at' ? Date.parse(c.created_at) > t : Date.parse(c.created_at) < t,
			);
		}
		const slice = all.slice((page - 1) * limit, page * limit);
		return {
			status: 200,
			body: {
				object: 'list',
				data_ref: 'customers',
				customers: slice,
				total: all.length,
				has_more: page * limit < all.length,
			},
		};
	}

	private activity(
		req: EmulatorRequest,
		customer: VoucherifyCustomer,
		current: boolean,
	): EmulatorResponse {
		const q = req.query;
		const limit = Number(q.get('limit') ?? 10);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return error(
				400,
				'invalid_query_params',
				'Invalid query params',
				'limit must be between 1 and 100',
			);
		let events = [...(this.activities.get(customer.id) ?? [])];
		const order = q.get('order') ?? '-created_at';
		events.sort(
			(a, b) =>
				(order === 'created_at' ? 1 : -1) *
				(a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id)),
		);
		const category = q.get('category');
		if (category) events = events.filter((e) => e.category === category);
		const type = q.get('type');
		if (type) events = events.filter((e) => e.type === type);
		const start = q.get('start_date');
		if (start) events = events.filter((e) => e.created_at >= new Date(start).toISOString());
		const end = q.get('end_date');
		if (end) events = events.filter((e) => e.created_at <= new Date(end).toISOString());
		const after = q.get('starting_after_id');
		if (after) {
			const index = events.findIndex((e) => e.id === after);
			events = index >= 0 ? events.slice(index + 1) : [];
		}
		const data = events.slice(0, limit);
		const hasMore = events.length > limit;
		return current
			? {
					status: 200,
					body: {
						object: 'list',
						data_ref: 'data',
						data,
						has_more: hasMore,
						more_starting_after: hasMore ? data[data.length - 1].id : undefined,
					},
				}
			: { status: 200, body: { object: 'list', data_ref: 'data', data, total: events.length } };
	}

	private redeemables(req: EmulatorRequest, customer: VoucherifyCustomer): EmulatorResponse {
		const q = req.query;
		const limit = Number(q.get('limit') ?? 10);
		const holders = Array.from({ length: Number(customer.metadata.redeemables ?? 0) }, (_, i) => ({
			id: `rh_${customer.id.slice(5)}${String(i).padStart(3, '0')}`,
			created_at: customer.created_at,
			redeemable_id: `v_code_${i}`,
			redeemable_object: 'voucher',
			customer_id: customer.id,
			holder_role: 'OWNER',
			object: 'customer_redeemable',
			redeemable: { id: `v_code_${i}`, object: 'voucher', code: `CODE-${i}` },
		}));
		if (q.get('order') === '-id') holders.reverse();
		let rest = holders;
		const objectIs = q.get('filters[redeemable_object][conditions][$is]');
		if (objectIs) rest = rest.filter((h) => h.redeemable_object === objectIs);
		const after = q.get('starting_after_id');
		if (after) rest = rest.slice(rest.findIndex((h) => h.id === after) + 1);
		const data = rest.slice(0, limit);
		const hasMore = rest.length > limit;
		return {
			status: 200,
			body: {
				object: 'list',
				data_ref: 'data',
				data,
				total: holders.length,
				has_more: hasMore,
				more_starting_after: hasMore ? data[data.length - 1].id : undefined,
			},
		};
	}

	/** Fault: bulk rows with these source ids fail with the given reason, as the vendor reports a row it refused. */
	readonly refuseBulkRows = new Map<string, string>();

	/** Fault: the next async action fails as a whole, with this message in its result. */
	failNextAsyncAction?: string;

	private startAsync(type: string, apply: () => Record<string, unknown>): EmulatorResponse {
		const id = `aa_${this.nextId()}`;
		const failure = this.failNextAsyncAction;
		this.failNextAsyncAction = undefined;
		this.asyncActions.set(
			id,
			failure
				? {
						id,
						type,
						createdAt: this.clock.now(),
						apply: () => ({ message: failure }),
						failed: true,
					}
				: { id, type, createdAt: this.clock.now(), apply },
		);
		this.count('asyncAction');
		return { status: 202, body: { async_action_id: id } };
	}

	private describe(action: AsyncAction): Record<string, unknown> {
		const age = this.clock.now() - action.createdAt;
		let status = 'ENQUEUED';
		let progress = 0;
		if (age >= QUEUED_MS) {
			status = 'IN_PROGRESS';
			progress = Math.min(99, Math.round(((age - QUEUED_MS) / PROCESSING_MS) * 100));
		}
		if (age >= QUEUED_MS + PROCESSING_MS) {
			if (!action.result) action.result = action.apply();
			status = action.failed ? 'FAILED' : 'DONE';
			progress = 100;
		}
		return {
			id: action.id,
			type: action.type,
			status,
			operation_status: status === 'DONE' ? 'SUCCESS' : status === 'FAILED' ? 'FAILED' : 'UNKNOWN',
			result: action.result ?? null,
			created_at: new Date(Date.parse('2026-01-01T00:00:00Z') + action.createdAt).toISOString(),
			updated_at: null,
			request_id: `v-${action.id.slice(3)}`,
			processing_time: status === 'DONE' ? PROCESSING_MS : null,
			progress,
			object: 'async_action',
		};
	}

	private bulkUpdate(req: EmulatorRequest): EmulatorResponse {
		if (req.rawBody.length > MAX_BULK_BYTES) {
			return {
				status: 413,
				body: {
					statusCode: 413,
					error: 'Request Entity Too Large',
					message: `Payload content length greater than maximum allowed: ${MAX_BULK_BYTES}`,
				},
			};
		}
		const body = this.body(req);
		if (!Array.isArray(body))
			return error(
				400,
				'invalid_payload',
				'Invalid payload',
				'The body must be an array of customers',
			);
		this.count('bulkRequest');
		return this.startAsync('CUSTOMERS.BULK_UPDATE', () => {
			const errors: Array<Record<string, unknown>> = [];
			let done = 0;
			for (const row of body as Array<Record<string, unknown>>) {
				const problem = !row.source_id
					? 'source_id is required'
					: (this.validCustomerFields(row) ??
						this.metadataProblem(row.metadata) ??
						this.refuseBulkRows.get(String(row.source_id)));
				if (problem) {
					errors.push({
						message: 'Invalid customer',
						details: problem,
						key: 'invalid_customer',
						source_id: row.source_id ?? null,
					});
					continue;
				}
				this.applyUpsert(row, 'created');
				done++;
			}
			return { done_count: done, failed_count: errors.length, errors };
		});
	}

	private metadataUpdate(req: EmulatorRequest): EmulatorResponse {
		const body = this.body(req) as { source_ids?: unknown; metadata?: unknown } | undefined;
		if (
			!body ||
			!Array.isArray(body.source_ids) ||
			!body.source_ids.length ||
			!body.metadata ||
			typeof body.metadata !== 'object'
		) {
			return error(
				400,
				'invalid_payload',
				'Invalid payload',
				'source_ids (a non-empty array) and metadata (an object) are required',
			);
		}
		const problem = this.metadataProblem(body.metadata);
		if (problem) return error(400, 'invalid_customer', 'Invalid customer', problem);
		return this.startAsync('CUSTOMERS.METADATA_UPDATE', () => {
			for (const sourceId of body.source_ids as string[])
				this.applyUpsert({ source_id: sourceId, metadata: body.metadata }, 'created');
			return { errors: [] };
		});
	}

	private importCsv(req: EmulatorRequest): EmulatorResponse {
		const type = req.header('content-type') ?? '';
		const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
		if (!type.startsWith('multipart/form-data') || !boundary)
			return error(
				415,
				'unsupported_media_type',
				'Unsupported Media Type',
				'Send the CSV as multipart/form-data',
			);
		const file = multipartFile(req.rawBody, boundary, 'file');
		if (file === undefined)
			return error(
				400,
				'invalid_payload',
				'Invalid payload',
				'No "file" part in the multipart body',
			);
		const rows = parseCsv(file.toString('utf8'));
		if (rows.length < 1)
			return error(400, 'invalid_payload', 'Invalid payload', 'The CSV file is empty');
		this.count('csvImport');
		return this.startAsync('CUSTOMERS.IMPORT_CSV', () => {
			const [header, ...records] = rows;
			const failed: Array<Record<string, unknown>> = [];
			let imported = 0;
			records.forEach((values, index) => {
				const row = Object.fromEntries(header.map((h, i) => [h.trim(), values[i] ?? '']));
				const customer = csvCustomer(row);
				const problem =
					!customer.source_id && !customer.email
						? 'Source_id or Email is required'
						: this.validCustomerFields(customer);
				if (problem) {
					failed.push({ source_id: customer.source_id ?? null, row: index + 1, reason: problem });
					return;
				}
				this.applyUpsert(customer, 'created');
				imported++;
			});
			return {
				message: `${imported} customer(s) imported successfully, ${failed.length} failed.`,
				failed,
			};
		});
	}

	/** Removes every webhook and the record of past deliveries. */
	clearWebhooks(): void {
		this.webhooks.length = 0;
		this.sendouts.length = 0;
		this.webhookSender.reset();
	}

	/** Fills the project with `count` customers created one second apart (from 2026-01-01 unless `fixedClock` is off). */
	seed(count: number, fixedClock = true): VoucherifyCustomer[] {
		this.customers.clear();
		this.activities.clear();
		this.asyncActions.clear();
		this.refuseBulkRows.clear();
		this.metadataSchemas = demoMetadataSchemas();
		if (fixedClock) {
			this.clockMs = Date.parse('2026-01-01T00:00:00Z');
			this.wallClock = false;
		}
		const made: VoucherifyCustomer[] = [];
		for (let i = 1; i <= count; i++)
			made.push(
				this.applyUpsert({
					source_id: `src-${i}`,
					name: `Customer ${i}`,
					email: `customer${i}@example.com`,
					address: { city: i % 2 ? 'Warsaw' : 'Berlin' },
				}),
			);
		this.reset();
		return made;
	}

	seedDemoData(): void {
		// the demo project's customers signed up half an hour ago; what happens from now on has wall-clock times
		this.wallClock = false;
		this.clockMs = Date.now() - 30 * 60_000;
		const [ada, grace] = this.seed(3, false);
		this.wallClock = true;
		this.merge(
			ada,
			{ name: 'Ada Lovelace', email: 'ada@example.com', metadata: { vip: true, redeemables: 2 } },
			false,
		);
		this.merge(grace, { name: 'Grace Hopper', email: 'grace@example.com' }, false);
	}
}

const CSV_FIELDS: Record<string, string> = {
	id: 'id',
	name: 'name',
	email: 'email',
	phone: 'phone',
	birthdate: 'birthdate',
	source_id: 'source_id',
	description: 'description',
};
const CSV_ADDRESS: Record<string, string> = {
	address_line_1: 'line_1',
	address_line_2: 'line_2',
	city: 'city',
	address_city: 'city',
	postal_code: 'postal_code',
	address_postal_code: 'postal_code',
	state: 'state',
	address_state: 'state',
	country: 'country',
	address_country: 'country',
};

/** Maps a CSV row by the vendor's template columns; unknown columns become metadata. */
function csvCustomer(row: Record<string, string>): Record<string, unknown> {
	const customer: Record<string, unknown> = {};
	const address: Record<string, string> = {};
	const metadata: Record<string, string> = {};
	for (const [column, value] of Object.entries(row)) {
		const key = column.toLowerCase();
		if (value === '') continue;
		if (CSV_FIELDS[key]) customer[CSV_FIELDS[key]] = value;
		else if (CSV_ADDRESS[key]) address[CSV_ADDRESS[key]] = value;
		else metadata[column] = value;
	}
	if (Object.keys(address).length) customer.address = address;
	if (Object.keys(metadata).length) customer.metadata = metadata;
	return customer;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			if (row.some((v) => v !== '')) rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	row.push(field);
	if (row.some((v) => v !== '')) rows.push(row);
	return rows;
}

function multipartFile(body: Buffer, boundary: string, name: string): Buffer | undefined {
	const delimiter = Buffer.from(`--${boundary}`);
	let start = body.indexOf(delimiter);
	while (start >= 0) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.subarray(0, headerEnd).toString('utf8');
		if (new RegExp(`name="${name}"`).test(headers)) return part.subarray(headerEnd + 4);
		start = next;
	}
	return undefined;
}
