// Amazon Selling Partner API emulator: Login with Amazon (lwa), Messaging + Uploads (sp-api) and the presigned
// S3 upload of attachments (s3), each on its own 127.0.0.1 server, as three hosts are in reality.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	EmulatedBucket,
	Emulator,
	type EmulatorOptions,
	type EmulatorRequest,
	type EmulatorResponse,
} from './kit';

export const SP_CLIENT_ID = 'amzn1.application-oa2-client.emu0123456789abcdef';
export const SP_CLIENT_SECRET = 'amzn1.oa2-cs.v1.emulator-client-secret-5ecr3t';
export const SP_REFRESH_TOKEN = 'Atzr|IwEBIemulator-refresh-token-5ecr3t';

export const SANDBOX_ORDER_OK = '123-1234567-1234567';
export const SANDBOX_ORDER_BAD = '123-1234567-0000000';
export const DEMO_ORDER = '902-3159896-1390916';

const SPECS = join(__dirname, '../../../shared/reference/specs');

interface SandboxCase {
	operationId: string;
	status: number;
	request: { parameters: { amazonOrderId: { value: string }; body?: { value: unknown } } };
	response: unknown;
}

function loadSandboxCases(): SandboxCase[] {
	try {
		return (
			JSON.parse(readFileSync(join(SPECS, 'sp-api-messaging-sandbox-cases.json'), 'utf8')) as {
				cases: SandboxCase[];
			}
		).cases;
	} catch {
		return [];
	}
}

/** The Messaging operations: path segment, whether it is a message, text limit, attachments. */
interface MessagingRoute {
	operation: string;
	action: string;
	textMax?: number;
	attachments?: 'optional' | 'required';
	noBody?: boolean;
}

export const MESSAGE_ROUTES: MessagingRoute[] = [
	{
		operation: 'confirmCustomizationDetails',
		action: 'confirmCustomizationDetails',
		textMax: 800,
		attachments: 'optional',
	},
	{ operation: 'createConfirmDeliveryDetails', action: 'confirmDeliveryDetails', textMax: 2000 },
	{ operation: 'createConfirmOrderDetails', action: 'confirmOrderDetails', textMax: 2000 },
	{ operation: 'createConfirmServiceDetails', action: 'confirmServiceDetails', textMax: 2000 },
	{
		operation: 'createDigitalAccessKey',
		action: 'digitalAccessKey',
		textMax: 400,
		attachments: 'optional',
	},
	{ operation: 'createLegalDisclosure', action: 'legalDisclosure', attachments: 'required' },
	{ operation: 'createUnexpectedProblem', action: 'unexpectedProblem', textMax: 2000 },
	{ operation: 'CreateWarranty', action: 'warranty', attachments: 'required' },
	{ operation: 'sendInvoice', action: 'invoice', attachments: 'required' },
	{ operation: 'CreateAmazonMotors', action: 'amazonMotors', attachments: 'required' },
	{ operation: 'createNegativeFeedbackRemoval', action: 'negativeFeedbackRemoval', noBody: true },
];

const ALL_ACTIONS = MESSAGE_ROUTES.map((r) => r.action);

const RFC_3339_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export interface EmulatedOrder {
	id: string;
	marketplaceId: string;
	locale: string;
	/** Message types the order allows. */
	actions: string[];
}

export interface SentMessage {
	amazonOrderId: string;
	action: string;
	body: Record<string, unknown> | undefined;
	at: number;
}

interface UploadDestination {
	id: string;
	resource: string;
	contentMD5: string;
	expiresAt: number;
	uploaded?: Buffer;
}

const errors = (
	status: number,
	code: string,
	message: string,
	details = '',
	headers: Record<string, string> = {},
): EmulatorResponse => ({
	status,
	headers: { 'content-type': 'application/json', ...headers },
	body: { errors: [{ code, message, details }] },
});

const s3Error = (status: number, code: string, message: string): EmulatorResponse => ({
	status,
	headers: { 'content-type': 'application/xml' },
	body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>EMU${Date.now()}</RequestId></Error>`,
});

function deepEqual(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** The Login with Amazon token endpoint (contract provider "lwa"). */
export class LwaEmulator extends Emulator {
	/** access token → vendor-clock expiry (ms). */
	readonly tokens = new Map<string, number>();
	clientId = SP_CLIENT_ID;
	clientSecret = SP_CLIENT_SECRET;
	refreshToken = SP_REFRESH_TOKEN;
	/** Lifetime of an access token in vendor seconds (Amazon: 3600). */
	expiresIn = 3600;
	private issued = 0;

	constructor(options: EmulatorOptions = {}) {
		super({ ...options, contractProvider: 'lwa' });
		this.route('POST', '/auth/o2/token', 'refreshToken', (req) => this.token(req));
	}

	private token(req: EmulatorRequest): EmulatorResponse {
		const type = req.header('content-type') ?? '';
		let form: Record<string, string> = {};
		try {
			form = type.includes('json')
				? (req.json<Record<string, string>>() ?? {})
				: Object.fromEntries(new URLSearchParams(req.text()));
		} catch {
			form = {};
		}
		const fail = (status: number, error: string, description: string): EmulatorResponse => ({
			status,
			headers: {
				'content-type': 'application/json;charset=UTF-8',
				'x-amzn-errortype': `OA2${error}Exception:http://internal.amazon.com/coral/com.amazon.panda/`,
			},
			body: { error_description: description, error, request_id: randomUUID() },
		});
		if (form.grant_type !== 'refresh_token')
			return fail(
				400,
				'unsupported_grant_type',
				'The authorization grant type is not supported by the authorization server',
			);
		if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret)
			return fail(401, 'invalid_client', 'Client authentication failed');
		if (form.refresh_token !== this.refreshToken)
			return fail(
				400,
				'invalid_grant',
				'The request has an invalid grant parameter : refresh_token',
			);
		const token = `Atza|IwEBIemu-access-${++this.issued}-${randomUUID()}`;
		this.tokens.set(token, this.clock.now() + this.expiresIn * 1000);
		this.count('token');
		return {
			status: 200,
			headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
			body: {
				access_token: token,
				refresh_token: this.refreshToken,
				token_type: 'bearer',
				expires_in: this.expiresIn,
			},
		};
	}

	/** Whether the token was issued here and has not expired. */
	check(token: string | undefined): 'valid' | 'expired' | 'unknown' {
		if (!token) return 'unknown';
		const expiresAt = this.tokens.get(token);
		if (expiresAt === undefined) return 'unknown';
		return this.clock.now() < expiresAt ? 'valid' : 'expired';
	}

	/** Makes every issued token expire now (as an hour passing would). */
	expireAll(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, -1);
	}
}

/** Presigned S3 uploads (contract provider "s3"): checks the signature, the expiry and Content-MD5 as S3 does. */
export class S3UploadEmulator extends Emulator {
	readonly destinations = new Map<string, UploadDestination>();
	readonly signingKey = randomUUID();

	constructor(options: EmulatorOptions = {}) {
		super({ ...options, contractProvider: 's3' });
		this.route('PUT', '/buyer-seller-messaging-attachment/:key', 'uploadAttachment', (req) =>
			this.put(req),
		);
		this.route('POST', '/buyer-seller-messaging-attachment/:key', 'postNotAllowed', () =>
			s3Error(
				405,
				'MethodNotAllowed',
				'The specified method is not allowed against this resource.',
			),
		);
	}

	override reset(): void {
		super.reset();
		this.destinations.clear();
	}

	sign(id: string, contentMD5: string, date: string): string {
		return createHmac('sha256', this.signingKey)
			.update(`${id}\n${contentMD5}\naws:kms\n${date}`)
			.digest('hex');
	}

	presignedUrl(destination: UploadDestination): string {
		const date = new Date()
			.toISOString()
			.replace(/[-:]/g, '')
			.replace(/\.\d+Z$/, 'Z');
		const query = new URLSearchParams({
			'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
			'X-Amz-Date': date,
			'X-Amz-SignedHeaders': 'content-md5;host;x-amz-server-side-encryption',
			'X-Amz-Expires': '900',
			'X-Amz-Credential': 'AKIAEMULATOR/20261122/us-east-1/s3/aws4_request',
			'X-Amz-Signature': this.sign(destination.id, destination.contentMD5, date),
		});
		return `${this.baseUrl}/buyer-seller-messaging-attachment/${encodeURIComponent(`/${destination.id}`)}?${query.toString()}`;
	}

	private put(req: EmulatorRequest): EmulatorResponse {
		const id = req.params.key.replace(/^\//, '');
		const destination = this.destinations.get(id);
		if (!destination) return s3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
		const md5 = req.header('content-md5');
		const signature = req.query.get('X-Amz-Signature') ?? '';
		if (this.clock.now() > destination.expiresAt)
			return s3Error(403, 'AccessDenied', 'Request has expired');
		if (md5 === undefined)
			return s3Error(
				403,
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided.',
			);
		// S3 first checks the header is a base64 MD5 at all (hex is refused as InvalidDigest).
		if (Buffer.from(md5, 'base64').length !== 16 || !/^[A-Za-z0-9+/]{22}==$/.test(md5)) {
			return s3Error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
		}
		if (
			signature !== this.sign(id, md5, req.query.get('X-Amz-Date') ?? '') ||
			req.header('x-amz-server-side-encryption') !== 'aws:kms'
		) {
			return s3Error(
				403,
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided.',
			);
		}
		if (createHash('md5').update(req.rawBody).digest('base64') !== md5) {
			return s3Error(
				400,
				'BadDigest',
				'The Content-MD5 you specified did not match what we received.',
			);
		}
		destination.uploaded = Buffer.from(req.rawBody);
		this.count('upload');
		return {
			status: 200,
			headers: { etag: `"${createHash('md5').update(req.rawBody).digest('hex')}"` },
			body: '',
		};
	}
}

/**
 * The Selling Partner API (contract provider "sp-api"): every Messaging path, the static sandbox cases honoured
 * exactly, the Uploads API, per-operation token buckets with x-amzn-RateLimit-Limit, and {"errors": [...]} bodies.
 * Owns the LWA and S3 emulators: start/stop/reset act on all three.
 */
export class AmazonSellingPartnerEmulator extends Emulator {
	readonly lwa: LwaEmulator;
	readonly s3: S3UploadEmulator;
	readonly orders = new Map<string, EmulatedOrder>();
	readonly messages: SentMessage[] = [];
	private readonly sandboxCases = loadSandboxCases();
	private readonly buckets = new Map<string, EmulatedBucket>();
	/** Usage plans: rate per second and burst, per operation (Messaging 1/5, Uploads 10/10). */
	readonly plans = new Map<string, { rate: number; burst: number }>();
	/** Ids the next upload destinations get, before random ones: lets a node run reach a sandbox case that names its attachment. */
	readonly nextUploadDestinationIds: string[] = [];

	constructor(options: Omit<EmulatorOptions, 'contractProvider'> = {}) {
		super({ ...options, contractProvider: 'sp-api' });
		this.lwa = new LwaEmulator(options);
		this.s3 = new S3UploadEmulator(options);
		for (const r of MESSAGE_ROUTES) this.plans.set(r.operation, { rate: 1, burst: 5 });
		this.plans.set('getMessagingActionsForOrder', { rate: 1, burst: 5 });
		this.plans.set('GetAttributes', { rate: 1, burst: 5 });
		this.plans.set('createUploadDestinationForResource', { rate: 10, burst: 10 });

		// Authentication, then the operation's token bucket (per token's seller-app pair: one seller here).
		this.use((req, route) => {
			const state = this.lwa.check(req.header('x-amz-access-token'));
			if (state !== 'valid') {
				return errors(
					403,
					'Unauthorized',
					'Access to requested resource is denied.',
					state === 'expired' ? 'The access token you provided has expired.' : '',
					this.requestId(),
				);
			}
			if (route && !this.bucket(route.operation).take()) {
				return errors(
					429,
					'QuotaExceeded',
					'You exceeded your quota for the requested resource.',
					'',
					this.requestId(),
				);
			}
			return undefined;
		});
		// x-amzn-RateLimit-Limit on 2xx, 400 and 404 as documented; x-amzn-RequestId everywhere.
		this.after((_req, res, route) => {
			res.headers = { ...this.requestId(), ...(res.headers ?? {}) };
			const plan = route ? this.plans.get(route.operation) : undefined;
			if (plan && (res.status < 300 || res.status === 400 || res.status === 404))
				res.headers['x-amzn-RateLimit-Limit'] = String(plan.rate);
			if (res.status < 300 && res.body !== undefined)
				res.headers['content-type'] = 'application/hal+json';
		});

		this.route('GET', '/messaging/v1/orders/:amazonOrderId', 'getMessagingActionsForOrder', (req) =>
			this.getActions(req),
		);
		this.route('GET', '/messaging/v1/orders/:amazonOrderId/attributes', 'GetAttributes', (req) =>
			this.getAttributes(req),
		);
		for (const r of MESSAGE_ROUTES) {
			this.route(
				'POST',
				`/messaging/v1/orders/:amazonOrderId/messages/${r.action}`,
				r.operation,
				(req) => this.sendMessage(req, r),
			);
		}
		this.route(
			'POST',
			'/uploads/2020-11-01/uploadDestinations/:resource*',
			'createUploadDestinationForResource',
			(req) => this.createUploadDestination(req),
		);
		this.addOrder({
			id: SANDBOX_ORDER_OK,
			marketplaceId: 'ATVPDKIKX0DER',
			locale: 'en-US',
			actions: [...ALL_ACTIONS],
		});
	}

	private requestId(): Record<string, string> {
		return { 'x-amzn-RequestId': randomUUID() };
	}

	bucket(operation: string): EmulatedBucket {
		let bucket = this.buckets.get(operation);
		if (!bucket) {
			const plan = this.plans.get(operation) ?? { rate: 1, burst: 5 };
			bucket = new EmulatedBucket(plan.burst, plan.rate, this.clock);
			this.buckets.set(operation, bucket);
		}
		return bucket;
	}

	/** Empties one operation's bucket, as another app of the same seller would. */
	drain(operation: string): void {
		this.bucket(operation).empty();
	}

	addOrder(order: EmulatedOrder): void {
		this.orders.set(order.id, order);
	}

	/** A few realistic orders for `npm start`. */
	seedDemoData(): void {
		this.addOrder({
			id: SANDBOX_ORDER_OK,
			marketplaceId: 'ATVPDKIKX0DER',
			locale: 'en-US',
			actions: [...ALL_ACTIONS],
		});
		this.addOrder({
			id: DEMO_ORDER,
			marketplaceId: 'ATVPDKIKX0DER',
			locale: 'en-US',
			actions: [
				'confirmDeliveryDetails',
				'legalDisclosure',
				'unexpectedProblem',
				'warranty',
				'invoice',
			],
		});
		this.addOrder({
			id: '028-1234567-7654321',
			marketplaceId: 'A1PA6795UKMFR9',
			locale: 'de-DE',
			actions: ['confirmOrderDetails', 'invoice', 'legalDisclosure'],
		});
		this.addOrder({
			id: '249-7654321-1234567',
			marketplaceId: 'A1VC38T7YXB528',
			locale: 'ja-JP',
			actions: ['digitalAccessKey', 'unexpectedProblem'],
		});
	}

	override async start(port = 0, ports: { lwa?: number; s3?: number } = {}): Promise<string> {
		await this.lwa.start(ports.lwa ?? (port ? port + 1 : 0));
		await this.s3.start(ports.s3 ?? (port ? port + 2 : 0));
		return await super.start(port);
	}

	override async stop(): Promise<void> {
		await Promise.all([super.stop(), this.lwa.stop(), this.s3.stop()]);
	}

	override reset(): void {
		super.reset();
		this.lwa.reset();
		this.s3.reset();
		this.messages.length = 0;
		this.buckets.clear();
		this.nextUploadDestinationIds.length = 0;
	}

	override withoutContractLog(): this {
		super.withoutContractLog();
		this.lwa.withoutContractLog();
		this.s3.withoutContractLog();
		return this;
	}

	/** The exact static sandbox answer for this request, when one of Amazon's cases matches it. */
	private sandboxCase(operation: string, req: EmulatorRequest): EmulatorResponse | undefined {
		const orderId = req.params.amazonOrderId;
		let body: unknown;
		try {
			body = req.json();
		} catch {
			body = undefined;
		}
		const match = this.sandboxCases.find(
			(c) =>
				c.operationId === operation &&
				c.request.parameters.amazonOrderId.value === orderId &&
				(c.request.parameters.body === undefined ||
					deepEqual(c.request.parameters.body.value, body)),
		);
		if (!match) return undefined;
		if (
			match.status < 300 &&
			operation !== 'getMessagingActionsForOrder' &&
			operation !== 'GetAttributes'
		) {
			this.record(orderId, operation, body as Record<string, unknown> | undefined);
		}
		return { status: match.status, body: match.response };
	}

	/** Error cases of the sandbox apply whatever the body (they list only the order id). */
	private sandboxErrorOrder(orderId: string): boolean {
		return this.sandboxCases.some(
			(c) => c.status >= 400 && c.request.parameters.amazonOrderId.value === orderId,
		);
	}

	private marketplaceError(req: EmulatorRequest): EmulatorResponse | undefined {
		const ids = req.query.getAll('marketplaceIds').join(',').split(',').filter(Boolean);
		if (ids.length !== 1)
			return errors(
				400,
				'InvalidInput',
				'marketplaceIds: Missing or invalid request parameter: marketplaceId',
			);
		return undefined;
	}

	private order(req: EmulatorRequest): EmulatedOrder | EmulatorResponse {
		const order = this.orders.get(req.params.amazonOrderId);
		if (!order)
			return errors(
				404,
				'NotFound',
				'The resource specified does not exist.',
				`Order ${req.params.amazonOrderId} was not found.`,
			);
		return order;
	}

	private getActions(req: EmulatorRequest): EmulatorResponse {
		const sandbox = this.sandboxCase('getMessagingActionsForOrder', req);
		if (sandbox) return sandbox;
		const bad = this.marketplaceError(req);
		if (bad) return bad;
		const order = this.order(req);
		if ('status' in order) return order;
		const mp = req.query.get('marketplaceIds');
		const base = `/messaging/v1/orders/${order.id}`;
		return {
			status: 200,
			body: {
				_links: {
					actions: order.actions.map((a) => ({
						href: `${base}/messages/${a}?marketplaceIds=${mp}`,
						name: a,
					})),
					self: { href: `${base}?marketplaceIds=${mp}` },
				},
				_embedded: {
					actions: order.actions.map((a) => ({
						_links: {
							schema: { href: `${base}/messages/${a}/schema`, name: a },
							self: { href: `${base}/messages/${a}?marketplaceIds=${mp}`, name: a },
						},
						_embedded: {
							schema: {
								_links: { self: { href: `${base}/messages/${a}/schema` } },
								payload: {
									$schema: 'http://json-schema.org/draft-04/schema#',
									title: a.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()),
									type: 'object',
								},
							},
						},
						payload: { name: a },
					})),
				},
			},
		};
	}

	private getAttributes(req: EmulatorRequest): EmulatorResponse {
		const sandbox = this.sandboxCase('GetAttributes', req);
		if (sandbox) return sandbox;
		const bad = this.marketplaceError(req);
		if (bad) return bad;
		const order = this.order(req);
		if ('status' in order) return order;
		return { status: 200, body: { buyer: { locale: order.locale } } };
	}

	private record(
		amazonOrderId: string,
		operation: string,
		body: Record<string, unknown> | undefined,
	): void {
		const route = MESSAGE_ROUTES.find((r) => r.operation === operation);
		this.messages.push({ amazonOrderId, action: route?.action ?? operation, body, at: Date.now() });
		this.count('message');
	}

	private sendMessage(req: EmulatorRequest, route: MessagingRoute): EmulatorResponse {
		const sandbox = this.sandboxCase(route.operation, req);
		if (sandbox) return sandbox;
		if (this.sandboxErrorOrder(req.params.amazonOrderId))
			return errors(400, 'InvalidInput', 'Invalid Input');
		const bad = this.marketplaceError(req);
		if (bad) return bad;
		const order = this.order(req);
		if ('status' in order) return order;
		if (!order.actions.includes(route.action))
			return errors(403, 'Unauthorized', 'Invalid amazonOrderId and template combination.');
		let body: Record<string, unknown> | undefined;
		try {
			body = req.json<Record<string, unknown>>();
		} catch {
			return errors(415, 'InvalidInput', 'The request payload is in an unsupported format.');
		}
		if (route.noBody) {
			this.record(order.id, route.operation, undefined);
			return { status: 201, body: {} };
		}
		if (!body) return errors(400, 'InvalidInput', 'Missing request body.');
		if (route.textMax) {
			const text = body.text;
			if (typeof text !== 'string' || text.length < 1 || text.length > route.textMax) {
				return errors(
					400,
					'InvalidInput',
					`text: must be between 1 and ${route.textMax} characters.`,
				);
			}
		}
		const attachments = (body.attachments ?? []) as Array<{
			uploadDestinationId?: string;
			fileName?: string;
		}>;
		if (
			!Array.isArray(attachments) ||
			attachments.length > 5 ||
			(route.attachments === 'required' && attachments.length < 1)
		) {
			return errors(400, 'InvalidInput', 'attachments: between 1 and 5 attachments are required.');
		}
		if (!route.attachments && body.attachments !== undefined)
			return errors(400, 'InvalidInput', 'attachments: not accepted for this message type.');
		for (const a of attachments) {
			const destination = a.uploadDestinationId
				? this.s3.destinations.get(a.uploadDestinationId)
				: undefined;
			if (!destination?.uploaded || !a.fileName) {
				return errors(
					400,
					'InvalidInput',
					`Attachment with ID ${a.uploadDestinationId ?? '(none)'} does not exist`,
				);
			}
		}
		if (route.operation === 'CreateWarranty') {
			// format date-time: RFC 3339, offset required (Z or ±HH:MM, as the sandbox case's -08:00)
			for (const k of ['coverageStartDate', 'coverageEndDate']) {
				const value = body[k];
				if (
					value !== undefined &&
					(typeof value !== 'string' ||
						!RFC_3339_DATE_TIME.test(value) ||
						Number.isNaN(Date.parse(value)))
				)
					return errors(400, 'InvalidInput', `${k}: not a date-time.`);
			}
		}
		this.record(order.id, route.operation, body);
		return { status: 201, body: {} };
	}

	private createUploadDestination(req: EmulatorRequest): EmulatorResponse {
		const bad = this.marketplaceError(req);
		if (bad) return bad;
		const contentMD5 = req.query.get('contentMD5');
		if (!contentMD5)
			return errors(
				400,
				'InvalidInput',
				'contentMD5: Missing or invalid request parameter: contentMD5',
			);
		const resource = decodeURIComponent(req.params.resource);
		const m = /^messaging\/v1\/orders\/([^/]+)\/messages\/([A-Za-z]+)$/.exec(resource);
		if (!m || !ALL_ACTIONS.includes(m[2]))
			return errors(
				400,
				'InvalidInput',
				`resource: ${resource} is not a resource that accepts uploads.`,
			);
		const destination: UploadDestination = {
			id: this.nextUploadDestinationIds.shift() ?? randomUUID(),
			resource,
			contentMD5,
			expiresAt: this.clock.now() + 900_000,
		};
		this.s3.destinations.set(destination.id, destination);
		this.count('uploadDestination');
		return {
			status: 201,
			body: {
				payload: {
					uploadDestinationId: destination.id,
					url: this.s3.presignedUrl(destination),
					headers: { 'Content-MD5': contentMD5, 'x-amz-server-side-encryption': 'aws:kms' },
				},
			},
		};
	}
}
