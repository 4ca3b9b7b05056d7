// A small vendor for the kernel tests: customers CRUD with key or session-token auth, presigned reads and an optional strict bucket.
import { EmulatedBucket, Emulator } from '../emulators/kit';

export const PROBE_KEY = 'probe-key-5ecr3t-value';
export const PROBE_REFRESH = 'probe-refresh-5ecr3t';
export const PROBE_SIGNATURE = 'probe-signature-1';

export class ProbeEmulator extends Emulator {
	customers = new Map<string, { id: string; name: string; updated_at?: string }>();
	validAccessToken = 'access-1';
	bucket?: EmulatedBucket;
	private nextId = 1;

	constructor() {
		super();
		this.use((req) => {
			// a presigned URL carries its own signature instead of the credential
			if (req.path === '/token' || req.path.startsWith('/presigned/')) return undefined;
			const key = req.header('x-api-key');
			const access = req.header('x-access-token');
			if (key !== PROBE_KEY && access !== this.validAccessToken) {
				return { status: 401, body: { message: 'Invalid credentials', code: 'unauthorized' } };
			}
			if (this.bucket && !this.bucket.take()) {
				return {
					status: 429,
					headers: { 'retry-after': '1' },
					body: { message: 'Too many requests', code: 'rate_limited' },
				};
			}
			return undefined;
		});
		this.route('POST', '/token', 'token', (req) => {
			const body = req.json<{ refresh_token: string }>();
			if (body.refresh_token !== PROBE_REFRESH)
				return { status: 400, body: { message: 'invalid_grant' } };
			this.count('token');
			return { status: 200, body: { access_token: this.validAccessToken } };
		});
		this.route('GET', '/me', 'me', () => ({ status: 200, body: { ok: true } }));
		this.route('GET', '/presigned/customers/:id', 'presigned', (req) => {
			if (req.query.get('signature') !== PROBE_SIGNATURE)
				return {
					status: 403,
					body: { message: 'Signature does not match', code: 'bad_signature' },
				};
			const customer = this.customers.get(req.params.id);
			return customer
				? { status: 200, body: customer }
				: {
						status: 404,
						body: { message: `Customer ${req.params.id} not found`, code: 'not_found' },
					};
		});
		this.route('GET', '/customers', 'list', (req) => {
			const offset = Number(req.query.get('offset') ?? 0);
			const limit = Number(req.query.get('limit') ?? 10);
			const since = req.query.get('updated_since');
			const all = [...this.customers.values()].filter(
				(c) => !since || (c.updated_at ?? '') >= since,
			);
			return {
				status: 200,
				body: { customers: all.slice(offset, offset + limit), more: offset + limit < all.length },
			};
		});
		this.route('GET', '/customers/:id', 'get', (req) => {
			const customer = this.customers.get(req.params.id);
			return customer
				? { status: 200, body: customer }
				: {
						status: 404,
						body: { message: `Customer ${req.params.id} not found`, code: 'not_found' },
					};
		});
		this.route('POST', '/customers', 'create', (req) => {
			const body = req.json<{ name: string }>();
			const id = String(this.nextId++);
			this.customers.set(id, { id, name: body.name });
			this.count('create');
			return { status: 201, body: { id, name: body.name } };
		});
		this.route('PUT', '/customers/:id', 'update', (req) => {
			const body = req.json<{ name: string }>();
			this.customers.set(req.params.id, { id: req.params.id, name: body.name });
			this.count('update');
			return { status: 200, body: { id: req.params.id, name: body.name } };
		});
	}

	seed(count: number): void {
		this.customers.clear();
		for (let i = 1; i <= count; i++)
			this.customers.set(String(i), { id: String(i), name: `Customer ${i}` });
		this.nextId = count + 1;
	}
}
