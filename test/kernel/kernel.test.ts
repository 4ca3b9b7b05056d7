// Every rule of the shared kernel, proved through n8n's real engine against an emulator.
import { createServer } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { EmulatedBucket, useEmulator } from '../emulators/kit';
import {
	credentialsStore,
	everyString,
	runNode,
	testCredential,
	type RunNodeOptions,
	type SourceItem,
} from '../harness/harness';
import { KernelProbe, ProbeKeyApi, ProbeSessionApi } from './probe';
import { PROBE_KEY, PROBE_REFRESH, PROBE_SIGNATURE, ProbeEmulator } from './probe-emulator';

const vendor = useEmulator(() => new ProbeEmulator());
// Requests sent with a wrong key on purpose go to an emulator that never writes the contract log.
const unlogged = useEmulator(() => new ProbeEmulator().withoutContractLog());
let credentialCounter = 0;

/** A fresh credential id per run, so pacing buckets (kept per credential) never leak between tests. */
function keyCredentials(apiKey = PROBE_KEY, baseUrl = vendor.get().baseUrl) {
	const id = `key-${++credentialCounter}`;
	return {
		id,
		helper: credentialsStore([new ProbeKeyApi(), new ProbeSessionApi()], {
			[id]: { type: 'probeKeyApi', data: { baseUrl, apiKey } },
		}),
	};
}

async function run(
	parameters: INodeParameters,
	options: {
		input?: SourceItem[];
		continueOnFail?: boolean;
		apiKey?: string;
		baseUrl?: string;
		nodeSettings?: RunNodeOptions['nodeSettings'];
		cancelAfterMs?: number;
	} = {},
) {
	const { id, helper } = keyCredentials(options.apiKey, options.baseUrl);
	return await runNode({
		nodeType: new KernelProbe(),
		parameters,
		credentials: { probeKeyApi: id },
		credentialsHelper: helper,
		input: options.input,
		continueOnFail: options.continueOnFail,
		nodeSettings: options.nodeSettings,
		cancelAfterMs: options.cancelAfterMs,
	});
}

beforeEach(() => {
	vendor.get().seed(3);
	vendor.get().bucket = undefined;
});

describe('retry', () => {
	test('a 429 is retried no earlier than its Retry-After in seconds', async () => {
		vendor.get().inject(
			{
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '1' },
				body: { message: 'slow down' },
			},
			{ operation: 'get' },
		);
		const result = await run({ operation: 'get', customerId: '1' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ id: '1', name: 'Customer 1' }]);
		const [refused, accepted] = vendor.get().calls('get');
		expect(accepted.at - refused.at).toBeGreaterThanOrEqual(1000);
	});

	test('a 429 is retried no earlier than its Retry-After as an HTTP date', async () => {
		const retryAt = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
		vendor
			.get()
			.inject(
				{ kind: 'status', status: 429, headers: { 'retry-after': retryAt.toUTCString() } },
				{ operation: 'get' },
			);
		const result = await run({ operation: 'get', customerId: '2' });
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('get')[1].at).toBeGreaterThanOrEqual(retryAt.getTime());
	});

	test("the vendor's own retry header is honoured when there is no Retry-After", async () => {
		const retryAt = Date.now() + 800;
		vendor
			.get()
			.inject(
				{ kind: 'status', status: 429, headers: { 'x-ratelimit-retry-at': String(retryAt) } },
				{ operation: 'get' },
			);
		const result = await run({ operation: 'get', customerId: '2' });
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('get')[1].at).toBeGreaterThanOrEqual(retryAt);
	});

	test('a create refused with 429 is sent again and done exactly once', async () => {
		vendor.get().inject({ kind: 'status', status: 429 }, { operation: 'create', times: 2 });
		const result = await run({ operation: 'create', name: 'Ada' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ name: 'Ada' });
		expect(vendor.get().calls('create')).toHaveLength(3);
		expect(vendor.get().sideEffects('create')).toBe(1);
	});

	test('a read that meets 500, 502 and 503 is retried until it succeeds', async () => {
		for (const status of [500, 502, 503])
			vendor.get().inject({ kind: 'status', status }, { operation: 'get' });
		const result = await run({ operation: 'get', customerId: '3' });
		expect(result.error).toBeUndefined();
		expect(
			vendor
				.get()
				.calls('get')
				.map((r) => r.status),
		).toEqual([500, 502, 503, 200]);
	});

	test('a create that meets a 503 is not repeated, and the error says why', async () => {
		vendor
			.get()
			.inject(
				{ kind: 'status', status: 503, body: { message: 'Service unavailable' } },
				{ operation: 'create' },
			);
		const result = await run({ operation: 'create', name: 'Ada' });
		expect(result.status).toBe('error');
		expect(vendor.get().calls('create')).toHaveLength(1);
		expect(result.error?.message).toBe('Probe: Service unavailable');
		expect(result.error?.description).toMatch(/not repeated/);
	});

	test('a create whose connection is reset after the vendor acted is not sent twice', async () => {
		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'create' });
		const result = await run({ operation: 'create', name: 'Ada' });
		expect(result.status).toBe('error');
		expect(vendor.get().sideEffects('create')).toBe(1);
		expect(vendor.get().calls('create')).toHaveLength(1);
		expect(result.error?.message).toBe('The connection to Probe broke before it answered');
		expect(result.error?.description).toMatch(/^ECONNRESET on POST \/customers\./);
		expect(result.error?.description).toMatch(/not repeated/);
	});

	test('an update by id whose connection is reset is repeated (safe to repeat)', async () => {
		vendor.get().inject({ kind: 'resetAfterHandling' }, { operation: 'update' });
		const result = await run({ operation: 'update', customerId: '1', name: 'Grace' });
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('update')).toHaveLength(2);
		expect(result.items[0].json).toEqual({ id: '1', name: 'Grace' });
	});

	test('a read whose connection is reset before it was handled is repeated', async () => {
		vendor.get().inject({ kind: 'reset' }, { operation: 'get' });
		const result = await run({ operation: 'get', customerId: '1' });
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('get')).toHaveLength(2);
	});

	test('a create that times out is not repeated; a read that times out is', async () => {
		vendor.get().inject({ kind: 'slow', delayMs: 1500 }, { operation: 'create' });
		const create = await run({
			operation: 'create',
			name: 'Ada',
			requestSettings: { timeoutSeconds: 1 },
		});
		expect(create.status).toBe('error');
		expect(vendor.get().calls('create')).toHaveLength(1);
		expect(create.error?.description).toMatch(/not repeated/);
		expect(create.error?.description).toMatch(/Timeout/);

		vendor.get().inject({ kind: 'slow', delayMs: 1500 }, { operation: 'get' });
		const get = await run({
			operation: 'get',
			customerId: '1',
			requestSettings: { timeoutSeconds: 1 },
		});
		expect(get.error).toBeUndefined();
		expect(vendor.get().calls('get')).toHaveLength(2);
	});

	test('a read cut off because the user stopped the execution is not sent again', async () => {
		vendor.get().inject({ kind: 'slow', delayMs: 3000 }, { operation: 'get', times: 5 });
		const result = await run(
			{ operation: 'get', customerId: '1' },
			{ cancelAfterMs: 300, continueOnFail: true },
		);
		expect(result.status).toBe('canceled');
		expect(vendor.get().calls('get')).toHaveLength(1);
		const error = JSON.stringify(result.run.data.resultData.runData['Node Under Test']?.[0] ?? {});
		expect(error).not.toMatch(/Tried \d+ times/);
	});

	test('a create that never left the machine (connection refused) is sent once the vendor is up', async () => {
		const port = await freePort();
		const late = new ProbeEmulator();
		setTimeout(() => void late.start(port), 150);
		try {
			const result = await run(
				{ operation: 'create', name: 'Ada' },
				{ baseUrl: `http://127.0.0.1:${port}` },
			);
			expect(result.error).toBeUndefined();
			expect(late.sideEffects('create')).toBe(1);
			expect(late.calls('create')).toHaveLength(1);
		} finally {
			await late.stop();
		}
	});

	test('total waiting is capped by Max Retry Wait, and the error says how long it waited', async () => {
		vendor.get().inject(
			{
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '1' },
				body: { message: 'Too many requests' },
			},
			{ operation: 'get', times: 10 },
		);
		const result = await run({
			operation: 'get',
			customerId: '1',
			requestSettings: { maxRetryWaitSeconds: 2.5 },
		});
		expect(result.status).toBe('error');
		expect(vendor.get().calls('get')).toHaveLength(3);
		expect(result.error?.message).toBe('Probe: Too many requests');
		expect(result.error?.description).toMatch(
			/Tried 3 times and waited 2\.\d s in total; the next wait \(1\.\d s\) would pass the limit of 2\.5 s/,
		);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('429');
		expect((result.error as unknown as { failure: unknown }).failure).toMatchObject({
			cause: 'rate-limited',
			retryAfterMs: 1000,
		});
	});

	test('a Retry-After longer than the cap fails at once instead of waiting', async () => {
		vendor
			.get()
			.inject(
				{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } },
				{ operation: 'get' },
			);
		const result = await run({
			operation: 'get',
			customerId: '1',
			requestSettings: { maxRetryWaitSeconds: 5 },
		});
		expect(result.status).toBe('error');
		expect(vendor.get().calls('get')).toHaveLength(1);
		expect(result.error?.description).toMatch(
			/waited 0\.0 s in total; the next wait \(3600\.0 s\)/,
		);
	});
});

describe('pacing', () => {
	test("many items run at the vendor's limit instead of into it", async () => {
		vendor.get().bucket = new EmulatedBucket(3, 10, vendor.get().clock);
		const input = Array.from({ length: 10 }, (_, i) => ({ json: { i } }));
		const result = await run(
			{ operation: 'get', customerId: '1', rateLimitGroup: 'strict' },
			{ input },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10);
		expect(
			vendor
				.get()
				.calls('get')
				.filter((r) => r.status === 429),
		).toHaveLength(0);
	});

	test('a wait for the quota longer than Max Retry Wait fails at once, sending nothing, and says why', async () => {
		const input = Array.from({ length: 10 }, () => ({ json: {} }));
		// the strict group holds 3 requests and restores 10 a second: items beyond the first 3 must wait up to 100 ms
		const result = await run(
			{
				operation: 'get',
				customerId: '1',
				rateLimitGroup: 'strict',
				requestSettings: { maxRetryWaitSeconds: 0.02 },
			},
			{ input, continueOnFail: true },
		);
		expect(result.items).toHaveLength(10);
		const refused = result.items.filter((i) => i.json.error);
		expect(refused.length).toBeGreaterThan(0);
		for (const item of refused) {
			expect(item.json.error).toMatch(
				/^Probe's rate limit allows the next request in 0\.\d s, longer than the node's "Max Retry Wait" of 0\.0 s$/,
			);
			expect(item.json.details).toMatch(/^GET \/customers\/1 was not sent\. The "strict" quota/);
		}
		// a refused item sent nothing and gave its token back
		expect(vendor.get().calls('get')).toHaveLength(10 - refused.length);
	});

	test('without pacing the same workflow runs into the limit (the test above can fail)', async () => {
		// slow enough that even a loaded machine sends faster than the bucket refills
		vendor.get().bucket = new EmulatedBucket(3, 2, vendor.get().clock);
		const input = Array.from({ length: 10 }, (_, i) => ({ json: { i } }));
		const result = await run(
			{ operation: 'get', customerId: '1', rateLimitGroup: 'default' },
			{ input },
		);
		expect(result.error).toBeUndefined();
		expect(
			vendor
				.get()
				.calls('get')
				.filter((r) => r.status === 429).length,
		).toBeGreaterThan(0);
	});

	test('two processes on one account stay within its limit when each is told the account is shared by 2', async () => {
		// one vendor bucket for the account; each run has its own credential id, so its own pacing bucket, as two
		// queue-mode workers each have their own memory
		vendor.get().bucket = new EmulatedBucket(3, 10, vendor.get().clock);
		const input = Array.from({ length: 12 }, (_, i) => ({ json: { i } }));
		const parameters = {
			operation: 'get',
			customerId: '1',
			rateLimitGroup: 'strict',
			requestSettings: { processesSharingAccount: 2 },
		};
		const results = await Promise.all([run(parameters, { input }), run(parameters, { input })]);
		for (const result of results) {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(12);
		}
		const calls = vendor.get().calls('get');
		expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
		expect(calls).toHaveLength(24);
	});

	test('two processes that each believe they own the account run into its limit (the test above can fail)', async () => {
		vendor.get().bucket = new EmulatedBucket(3, 10, vendor.get().clock);
		const input = Array.from({ length: 12 }, (_, i) => ({ json: { i } }));
		const parameters = { operation: 'get', customerId: '1', rateLimitGroup: 'strict' };
		const results = await Promise.all([run(parameters, { input }), run(parameters, { input })]);
		for (const result of results) expect(result.error).toBeUndefined();
		expect(
			vendor
				.get()
				.calls('get')
				.filter((r) => r.status === 429).length,
		).toBeGreaterThan(0);
	});

	test("pacing is corrected from the vendor's rate-limit headers", async () => {
		let blockedUntil = 0;
		let refused = 0;
		vendor.get().use((req) => {
			if (req.path.startsWith('/customers/') && Date.now() < blockedUntil) {
				refused++;
				return { status: 429, body: { message: 'limit' } };
			}
			return undefined;
		});
		vendor.get().after((req, res) => {
			if (res.status === 200 && req.path.startsWith('/customers/')) {
				blockedUntil = Date.now() + 300;
				res.headers = {
					...res.headers,
					'x-ratelimit-remaining': '0',
					'x-ratelimit-reset-ms': '300',
				};
			}
		});
		const input = Array.from({ length: 4 }, (_, i) => ({ json: { i } }));
		const result = await run({ operation: 'get', customerId: '1' }, { input });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(refused).toBe(0);
	});
});

describe('errors', () => {
	test("a vendor error body becomes a NodeApiError with the vendor's message, code and status", async () => {
		const result = await run({ operation: 'get', customerId: '99' });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Probe: Customer 99 not found');
		expect(result.error?.description).toMatch(/Code: not_found\. GET \/customers\/99 → HTTP 404\./);
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
	});

	test('an HTML error page is reported as such, not as a parse failure', async () => {
		vendor.get().inject({ kind: 'html', status: 502 }, { operation: 'create' });
		const result = await run({ operation: 'create', name: 'Ada' });
		expect(result.error?.message).toBe(
			'Probe: Probe answered 502 with an HTML page instead of the API answer',
		);
	});

	test('a cut-off JSON body is a clear error', async () => {
		vendor.get().inject({ kind: 'malformed' }, { operation: 'get' });
		const result = await run({ operation: 'get', customerId: '1' });
		expect(result.error?.message).toBe('Probe answered with something that is not JSON');
		expect(result.error?.description).toMatch(/try again later/);
	});

	test('an unreadable answer to a write says the vendor may already have acted, and it is not sent again', async () => {
		vendor.get().inject({ kind: 'malformed' }, { operation: 'create' });
		const result = await run({ operation: 'create', name: 'Ada' });
		expect(result.error?.message).toBe('Probe answered with something that is not JSON');
		expect(result.error?.description).toMatch(
			/^HTTP 200: .*Probe may already have carried out POST \/customers, but its answer cannot be read\. The request was not repeated, because Probe may already have acted on it: check before running it again\.$/,
		);
		expect(result.error?.description).not.toMatch(/try again later/);
		expect(vendor.get().calls('create')).toHaveLength(1);
	});

	test('bad input is a NodeOperationError naming the parameter, and nothing is sent', async () => {
		const result = await run({ operation: 'get', customerId: '  ' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Parameter "Customer ID" is empty: enter a value or map one from the input',
		);
		expect(vendor.get().requests).toHaveLength(0);
	});

	test('ids in URL paths are encoded', async () => {
		await run({ operation: 'get', customerId: 'a/b?c=1#d' });
		expect(vendor.get().requests[0].path).toBe('/customers/a%2Fb%3Fc%3D1%23d');
	});

	test('an id of "." or ".." (which URL parsing would resolve to another path) is refused before sending', async () => {
		for (const customerId of ['..', '.']) {
			const result = await run({ operation: 'get', customerId });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(
				`Parameter "Customer ID" cannot be "${customerId}": URL parsing turns it into another path, so it cannot name a record`,
			);
		}
		expect(vendor.get().requests).toHaveLength(0);
	});
});

describe('secrets', () => {
	test('a secret echoed by the vendor never appears in the error', async () => {
		vendor.get().inject(
			{
				kind: 'status',
				status: 401,
				body: {
					message: `Invalid API key ${PROBE_KEY}`,
					details: `key=${PROBE_KEY}; header X-Api-Key: ${PROBE_KEY}`,
				},
			},
			// n8n itself sends a request again once after a 401 (its token-refresh path), so refuse both
			{ operation: 'get', times: 2 },
		);
		const result = await run({ operation: 'get', customerId: '1' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Probe: Invalid API key **hidden**');
		const strings = everyString(result.error).join('\n') + JSON.stringify(result.run.data);
		expect(strings).not.toContain(PROBE_KEY);
	});

	test('a secret never appears in error items with continueOnFail', async () => {
		vendor
			.get()
			.inject(
				{ kind: 'status', status: 500, body: { message: `boom ${PROBE_KEY}` } },
				{ operation: 'create' },
			);
		const result = await run({ operation: 'create', name: 'Ada' }, { continueOnFail: true });
		expect(result.items[0].json.error).toBe('Probe: boom **hidden**');
		expect(JSON.stringify(result.run.data)).not.toContain(PROBE_KEY);
	});
});

describe('items', () => {
	test('items run in order, paired, and continueOnFail turns one failure into exactly one error item', async () => {
		const input = ['1', '404', '3'].map((customerId) => ({ json: { customerId } }));
		const result = await run(
			{ operation: 'get', customerId: '={{ $json.customerId }}' },
			{ input, continueOnFail: true },
		);
		expect(result.status).toBe('success');
		expect(result.items.map((i) => [i.pairedItem, i.json.id ?? i.json.error])).toEqual([
			[{ item: 0 }, '1'],
			[{ item: 1 }, 'Probe: Customer 404 not found'],
			[{ item: 2 }, '3'],
		]);
		expect(
			vendor
				.get()
				.calls('get')
				.map((r) => r.path),
		).toEqual(['/customers/1', '/customers/404', '/customers/3']);
	});

	test('"Continue (using error output)" sends exactly the failed item down the error output, with the details', async () => {
		const input = ['1', '404', '3'].map((customerId) => ({ json: { customerId } }));
		const result = await run(
			{ operation: 'get', customerId: '={{ $json.customerId }}' },
			{ input, nodeSettings: { onError: 'continueErrorOutput' } },
		);
		expect(result.status).toBe('success');
		expect(result.items.map((i) => i.json.id)).toEqual(['1', '3']);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json).toMatchObject({
			customerId: '404',
			error: 'Probe: Customer 404 not found',
			details: expect.stringContaining('HTTP 404'),
		});
	});

	test('without continueOnFail the failing item stops the workflow and names its index', async () => {
		const input = ['1', '404', '3'].map((customerId) => ({ json: { customerId } }));
		const result = await run(
			{ operation: 'get', customerId: '={{ $json.customerId }}' },
			{ input },
		);
		expect(result.status).toBe('error');
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(
			1,
		);
		expect(vendor.get().calls('get')).toHaveLength(2);
	});
});

describe('paging', () => {
	test('Return All follows offsets to the end', async () => {
		vendor.get().seed(10);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items.map((i) => i.json.id)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
			'8',
			'9',
			'10',
		]);
		expect(
			vendor
				.get()
				.calls('list')
				.map((r) => r.query),
		).toEqual(['offset=0&limit=4', 'offset=4&limit=4', 'offset=8&limit=4']);
	});

	test('Limit stops early and asks the last page for only what is missing', async () => {
		vendor.get().seed(10);
		const result = await run({ operation: 'getAll', returnAll: false, limit: 5 });
		expect(result.items).toHaveLength(5);
		expect(
			vendor
				.get()
				.calls('list')
				.map((r) => r.query),
		).toEqual(['offset=0&limit=4', 'offset=4&limit=1']);
	});
});

describe('requests without a credential type', () => {
	test('go out without the credential, and a safe one is still retried after a 5xx', async () => {
		vendor.get().inject({ kind: 'status', status: 503 }, { operation: 'presigned' });
		const url = `${vendor.get().baseUrl}/presigned/customers/2?signature=${PROBE_SIGNATURE}`;
		const result = await run({ operation: 'getPresigned', url });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ id: '2', name: 'Customer 2' }]);
		const calls = vendor.get().calls('presigned');
		expect(calls.map((r) => r.status)).toEqual([503, 200]);
		// the node has a key credential: it was not applied
		for (const call of calls) expect(call.headers['x-api-key']).toBeUndefined();
	});

	test("the vendor's refusal is a NodeApiError like any other", async () => {
		const result = await run({
			operation: 'getPresigned',
			url: `${vendor.get().baseUrl}/presigned/customers/2?signature=wrong`,
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Probe: Signature does not match');
		expect(result.error?.description).toBe(
			'Code: bad_signature. GET /presigned/customers/2 → HTTP 403.',
		);
		expect(vendor.get().calls('presigned')).toHaveLength(1);
	});
});

describe('credentials', () => {
	test('preAuthentication: a stale token is refreshed after a 401, retried once and stored', async () => {
		const helper = credentialsStore([new ProbeKeyApi(), new ProbeSessionApi()], {
			s1: {
				type: 'probeSessionApi',
				data: { baseUrl: vendor.get().baseUrl, refreshToken: PROBE_REFRESH, accessToken: 'stale' },
			},
		});
		vendor.get().validAccessToken = 'fresh-1';
		const input = [{ json: {} }, { json: {} }];
		const result = await runNode({
			nodeType: new KernelProbe(),
			parameters: { authentication: 'session', operation: 'get', customerId: '1' },
			credentials: { probeSessionApi: 's1' },
			credentialsHelper: helper,
			input,
		});
		expect(result.error).toBeUndefined();
		expect(
			vendor
				.get()
				.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['x-access-token'] ?? '')}`),
		).toEqual([
			'GET /customers/1 stale',
			'POST /token ',
			'GET /customers/1 fresh-1',
			'GET /customers/1 fresh-1',
		]);
		expect(helper.store.get('s1')?.data.accessToken).toBe('fresh-1');
	});

	test('the Test button passes with the right key and fails with a wrong one', async () => {
		const good = keyCredentials();
		expect(await testCredential(good.helper, new ProbeKeyApi(), good.id)).toMatchObject({
			ok: true,
		});
		const bad = keyCredentials('wrong-key', unlogged.get().baseUrl);
		const outcome = await testCredential(bad.helper, new ProbeKeyApi(), bad.id);
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toMatch(/Authorization failed|401|credentials/i);
	});
});

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
