// The emulator kit: a vendor-like HTTP server on 127.0.0.1 with routes, auth, rate limiting, fault injection,
// side-effect counters and the contract log that ../shared/tools/contract-check reads.
import { appendFileSync } from 'node:fs';
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Json = unknown;

export interface EmulatorRequest {
	method: string;
	/** Path without the query string, as the vendor's host sees it. */
	path: string;
	query: URLSearchParams;
	rawQuery: string;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** Path parameters from the route pattern (decoded). */
	params: Record<string, string>;
	/** The body parsed as JSON; undefined when empty; throws when not JSON. */
	json<T = Json>(): T;
	text(): string;
	header(name: string): string | undefined;
}

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string | number | string[]>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: Json | string | Buffer;
}

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
/** Runs before routing; returns a response to answer instead (auth failures, rate limiting). */
export type Middleware = (
	req: EmulatorRequest,
	route: RouteMatch | undefined,
) => EmulatorResponse | undefined | Promise<EmulatorResponse | undefined>;
/** Decorates every answer (rate-limit headers). */
export type AfterHook = (
	req: EmulatorRequest,
	res: EmulatorResponse,
	route: RouteMatch | undefined,
) => void;

export interface RouteMatch {
	/** The vendor's operation id, used for fault targeting and counters. */
	operation: string;
	params: Record<string, string>;
}

interface Route {
	method: string;
	operation: string;
	/** Endpoints of another vendor service the contract does not describe (an OAuth token server). */
	outsideContract: boolean;
	regex: RegExp;
	names: string[];
	handler: Handler;
}

export type FaultKind =
	| { kind: 'status'; status: number; headers?: Record<string, string>; body?: Json | string }
	| { kind: 'slow'; delayMs: number }
	| { kind: 'reset' }
	| { kind: 'resetAfterHandling' }
	| { kind: 'html'; status?: number }
	| { kind: 'malformed'; status?: number }
	| { kind: 'empty'; status?: number };

export interface Fault {
	fault: FaultKind;
	/** Operation id to hit; any request when omitted. */
	operation?: string;
	/** How many requests this fault answers. */
	times: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	headers: IncomingHttpHeaders;
	body: string;
	operation?: string;
	status: number;
	at: number;
}

export interface EmulatorOptions {
	/** Provider name in the contract log (`sp-api`, `lwa`, `s3`, `mws`, `ultracart`, `voucherify`, `nuvemshop`); no logging when omitted. */
	contractProvider?: string;
	/** How many times faster than real time the vendor's clock runs (rate-limit refills, token expiry). */
	timeScale?: number;
	/** Real milliseconds the vendor takes to handle each admitted request (no jitter; `latency` wins when both are set). */
	latencyMs?: number;
	/** The vendor's answer time with jitter, for each admitted request (see Latency). */
	latency?: Latency;
}

/**
 * How long the vendor takes to answer an admitted request: uniform in [meanMs - jitterMs, meanMs + jitterMs] (never
 * below 0), drawn from a seeded generator so a run's delays repeat from one run to the next. Default: none.
 */
export interface Latency {
	meanMs: number;
	jitterMs?: number;
	/** Seed of the delays' sequence (default 1). */
	seed?: number;
}

/** A small seeded generator (mulberry32): repeatable delays without a dependency. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Reads a latency like `150`, `150:50` or `150±50` (mean and jitter in ms); undefined when empty or 0. */
export function parseLatency(text: string | undefined): Latency | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(?:(?::|±|\+-|,)\s*(\d+(?:\.\d+)?))?\s*$/.exec(text ?? '');
	if (!match) {
		if (text?.trim())
			throw new Error(`latency "${text}" is not "<mean ms>" or "<mean ms>:<jitter ms>"`);
		return undefined;
	}
	const meanMs = Number(match[1]);
	const jitterMs = Number(match[2] ?? 0);
	return meanMs > 0 || jitterMs > 0 ? { meanMs, jitterMs } : undefined;
}

/** `150 ms ± 50 ms`, for reports. */
export function describeLatency(latency: Latency | undefined): string {
	if (!latency) return 'none (answers at once)';
	return latency.jitterMs
		? `${latency.meanMs} ms ± ${latency.jitterMs} ms (uniform, seeded)`
		: `${latency.meanMs} ms`;
}

/** A scaled clock: vendor time runs `scale` times faster than real time. */
export class VendorClock {
	private readonly startedAt = Date.now();
	constructor(readonly scale = 1) {}
	/** Vendor milliseconds since start. */
	now(): number {
		return (Date.now() - this.startedAt) * this.scale;
	}
	/** Converts a vendor duration into the real milliseconds a client will wait. */
	toRealMs(vendorMs: number): number {
		return vendorMs / this.scale;
	}
}

/** A token bucket in vendor time (also a leaky bucket: capacity = bucket size, rate = leak rate). */
export class EmulatedBucket {
	private level: number;
	private updatedAt: number;
	constructor(
		readonly capacity: number,
		readonly ratePerSecond: number,
		private readonly clock: VendorClock,
	) {
		this.level = capacity;
		this.updatedAt = clock.now();
	}
	private refill(): void {
		const now = this.clock.now();
		this.level = Math.min(
			this.capacity,
			this.level + ((now - this.updatedAt) / 1000) * this.ratePerSecond,
		);
		this.updatedAt = now;
	}
	/** Spends every request left, as another app of the same account would. */
	empty(): void {
		this.refill();
		this.level = 0;
	}
	/** Takes one request; false when the bucket is empty. */
	take(): boolean {
		this.refill();
		if (this.level < 1) return false;
		this.level -= 1;
		return true;
	}
	get remaining(): number {
		this.refill();
		return Math.floor(this.level);
	}
	/** Vendor ms until one more request is allowed. */
	get msUntilNext(): number {
		this.refill();
		return this.level >= 1 ? 0 : Math.ceil(((1 - this.level) / this.ratePerSecond) * 1000);
	}
	/** Vendor ms until the bucket is completely full again. */
	get msUntilFull(): number {
		this.refill();
		return Math.ceil(((this.capacity - this.level) / this.ratePerSecond) * 1000);
	}
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
	const names: string[] = [];
	const source = pattern
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				const greedy = segment.endsWith('*');
				names.push(segment.slice(1).replace(/\*$/, ''));
				return greedy ? '(.+)' : '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}/?$`), names };
}

export class Emulator {
	readonly clock: VendorClock;
	readonly requests: RecordedRequest[] = [];
	private readonly routes: Route[] = [];
	private readonly middlewares: Middleware[] = [];
	private readonly afterHooks: AfterHook[] = [];
	private faults: Fault[] = [];
	private readonly effects = new Map<string, number>();
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private contractLog?: string;
	/** Middlewares and hooks present at start; ones a test adds later are dropped by reset(). */
	private baseHooks = { middlewares: 0, after: 0 };
	private latency?: Latency;
	private random: () => number = Math.random;
	baseUrl = '';

	constructor(private readonly options: EmulatorOptions = {}) {
		this.clock = new VendorClock(options.timeScale ?? 1);
		this.contractLog = options.contractProvider ? process.env.CONTRACT_LOG || undefined : undefined;
		this.setLatency(
			options.latency ?? (options.latencyMs ? { meanMs: options.latencyMs } : undefined),
		);
	}

	/** Sets (or, with undefined, removes) the time the vendor takes to answer each admitted request. */
	setLatency(latency: Latency | undefined): this {
		this.latency =
			latency && (latency.meanMs > 0 || (latency.jitterMs ?? 0) > 0) ? latency : undefined;
		this.random = seededRandom(latency?.seed ?? 1);
		return this;
	}

	/** The latency in effect (undefined: answers at once). */
	get answerLatency(): Latency | undefined {
		return this.latency;
	}

	/** Draws the next admitted request's delay in ms (the seeded sequence of the latency in effect). */
	drawAnswerDelayMs(): number {
		if (!this.latency) return 0;
		const jitter = this.latency.jitterMs ?? 0;
		return Math.max(0, this.latency.meanMs + (this.random() * 2 - 1) * jitter);
	}

	route(
		method: string,
		pattern: string,
		operation: string,
		handler: Handler,
		options: { outsideContract?: boolean } = {},
	): this {
		this.routes.push({
			method: method.toUpperCase(),
			operation,
			handler,
			outsideContract: options.outsideContract ?? false,
			...compile(pattern),
		});
		return this;
	}

	use(middleware: Middleware): this {
		this.middlewares.push(middleware);
		return this;
	}

	after(hook: AfterHook): this {
		this.afterHooks.push(hook);
		return this;
	}

	/** Answers the next `times` matching requests with a fault instead of the vendor's answer. */
	inject(fault: FaultKind, options: { operation?: string; times?: number } = {}): this {
		this.faults.push({ fault, operation: options.operation, times: options.times ?? 1 });
		return this;
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Records a side effect (a message sent, a customer created) so tests can prove nothing happened twice. */
	count(effect: string, by = 1): void {
		this.effects.set(effect, (this.effects.get(effect) ?? 0) + by);
	}

	sideEffects(effect: string): number {
		return this.effects.get(effect) ?? 0;
	}

	/** Requests of one operation, in order. */
	calls(operation: string): RecordedRequest[] {
		return this.requests.filter((r) => r.operation === operation);
	}

	reset(): void {
		this.requests.length = 0;
		this.effects.clear();
		this.faults = [];
		this.middlewares.length = this.baseHooks.middlewares;
		this.afterHooks.length = this.baseHooks.after;
	}

	/** Stops writing this emulator's requests to the contract log (for raw negative tests of the emulator itself). */
	withoutContractLog(): this {
		this.contractLog = undefined;
		return this;
	}

	async start(port = 0): Promise<string> {
		this.baseHooks = { middlewares: this.middlewares.length, after: this.afterHooks.length };
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 1000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		const server = this.server;
		await new Promise<void>((resolve, reject) => {
			// Without this handler a busy port (EADDRINUSE) is an uncaught 'error' event that ends the process.
			const onError = (error: NodeJS.ErrnoException) => {
				this.server = undefined;
				const what = `${this.constructor.name} cannot listen on 127.0.0.1:${port}`;
				const why =
					error.code === 'EADDRINUSE'
						? 'the port is already in use (another emulator, npm start or e2e run?)'
						: error.code === 'EACCES'
							? 'permission denied'
							: error.message;
				reject(
					Object.assign(new Error(`${what}: ${why}`), { code: error.code, port, cause: error }),
				);
			};
			server.once('error', onError);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', onError);
				resolve();
			});
		});
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private match(
		method: string,
		path: string,
	): { route: Route; params: Record<string, string> } | undefined {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const m = route.regex.exec(path);
			if (!m) continue;
			const params: Record<string, string> = {};
			route.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1])));
			return { route, params };
		}
		return undefined;
	}

	private takeFault(operation: string | undefined): FaultKind | undefined {
		const index = this.faults.findIndex(
			(f) => f.times > 0 && (f.operation === undefined || f.operation === operation),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.times--;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault.fault;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://emulator');
		// The vendor's host sees the raw path; decode only parameters.
		const path = (req.url ?? '/').split('?')[0];
		const rawQuery = url.search.replace(/^\?/, '');
		const matched = this.match(req.method ?? 'GET', path);
		const request: EmulatorRequest = {
			method: req.method ?? 'GET',
			path,
			query: url.searchParams,
			rawQuery,
			headers: req.headers,
			rawBody,
			params: matched?.params ?? {},
			json: <T>() =>
				rawBody.length ? (JSON.parse(rawBody.toString('utf8')) as T) : (undefined as T),
			text: () => rawBody.toString('utf8'),
			header: (name) => {
				const v = req.headers[name.toLowerCase()];
				return Array.isArray(v) ? v[0] : v;
			},
		};
		const routeMatch = matched
			? { operation: matched.route.operation, params: matched.params }
			: undefined;
		const record: RecordedRequest = {
			method: request.method,
			path,
			query: rawQuery,
			headers: req.headers,
			body: rawBody.toString('utf8'),
			operation: routeMatch?.operation,
			status: 0,
			at: Date.now(),
		};
		this.requests.push(record);

		const logged = !matched?.route.outsideContract;
		const fault = this.takeFault(routeMatch?.operation);
		if (fault && fault.kind !== 'resetAfterHandling') {
			if (logged)
				this.log(
					request,
					rawBody,
					fault.kind === 'status' ? fault.status : fault.kind === 'reset' ? 0 : 200,
				);
			return await this.answerFault(fault, res, record);
		}

		let response: EmulatorResponse | undefined;
		try {
			for (const middleware of this.middlewares) {
				response = await middleware(request, routeMatch);
				if (response) break;
			}
			const delayMs = response ? 0 : this.drawAnswerDelayMs();
			if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
			if (!response) {
				response = matched
					? await matched.route.handler(request)
					: { status: 404, body: { message: `No route for ${request.method} ${path}` } };
			}
		} catch (error) {
			response = { status: 500, body: { message: `emulator error: ${(error as Error).message}` } };
		}
		for (const hook of this.afterHooks) hook(request, response, routeMatch);
		record.status = response.status;
		if (logged) this.log(request, rawBody, response.status);
		if (fault?.kind === 'resetAfterHandling') {
			// The vendor acted on the request, then the connection broke before the answer arrived.
			req.socket.destroy();
			return;
		}
		this.send(res, response);
	}

	private send(res: ServerResponse, response: EmulatorResponse): void {
		const headers: Record<string, string | number | string[]> = { ...(response.headers ?? {}) };
		let body: Buffer | string = '';
		if (Buffer.isBuffer(response.body) || typeof response.body === 'string') body = response.body;
		else if (response.body !== undefined) {
			body = JSON.stringify(response.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
				headers['content-type'] = 'application/json';
		}
		res.writeHead(response.status, headers);
		res.end(body);
	}

	private async answerFault(
		fault: FaultKind,
		res: ServerResponse,
		record: RecordedRequest,
	): Promise<void> {
		switch (fault.kind) {
			case 'status':
				record.status = fault.status;
				return this.send(res, {
					status: fault.status,
					headers: fault.headers,
					body: fault.body ?? { message: `injected ${fault.status}` },
				});
			case 'slow':
				await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
				record.status = 504;
				if (!res.destroyed) this.send(res, { status: 504, body: { message: 'too late' } });
				return;
			case 'reset':
				res.socket?.destroy();
				return;
			case 'html':
				record.status = fault.status ?? 502;
				return this.send(res, {
					status: fault.status ?? 502,
					headers: { 'content-type': 'text/html' },
					body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
				});
			case 'malformed':
				record.status = fault.status ?? 200;
				return this.send(res, {
					status: fault.status ?? 200,
					headers: { 'content-type': 'application/json' },
					body: '{"customers": [ {"id": 1,',
				});
			case 'empty':
				record.status = fault.status ?? 200;
				return this.send(res, {
					status: fault.status ?? 200,
					headers: { 'content-type': 'application/json' },
					body: '',
				});
			default:
				return;
		}
	}

	private log(request: EmulatorRequest, rawBody: Buffer, status: number): void {
		if (!this.contractLog || !this.options.contractProvider) return;
		const text = rawBody.toString('utf8');
		const binary =
			rawBody.length > 0 &&
			(Buffer.from(text, 'utf8').length !== rawBody.length || /[\x00-\x08\x0e-\x1f]/.test(text));
		const entry = {
			provider: this.options.contractProvider,
			method: request.method,
			path: request.path,
			query: request.rawQuery,
			headers: Object.fromEntries(
				Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]),
			),
			body: binary ? rawBody.toString('base64') : text,
			bodyEncoding: binary ? 'base64' : 'utf8',
			status,
		};
		appendFileSync(this.contractLog, `${JSON.stringify(entry)}\n`);
	}
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Starts emulators for a test file and stops them after it. */
export function useEmulator<T extends Emulator>(factory: () => T): { get: () => T } {
	let emulator: T;
	beforeAll(async () => {
		emulator = factory();
		await emulator.start();
	});
	afterAll(async () => {
		await emulator.stop();
	});
	beforeEach(() => emulator.reset());
	return { get: () => emulator };
}
