// Items in flight at once (router.ts) and the credential read once per execution (credentials.ts), through n8n's
// real engine against the probe vendor, whose answers come back out of order.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { useEmulator } from '../emulators/kit';
import { credentialsStore, runNode, type SourceItem } from '../harness/harness';
import { KernelProbe, PROBE_MAX_IN_FLIGHT, ProbeKeyApi, ProbeSessionApi } from './probe';
import { PROBE_KEY, PROBE_REFRESH, ProbeEmulator } from './probe-emulator';

const vendor = useEmulator(() => new ProbeEmulator());
let credentialCounter = 0;

function credential(type: 'probeKeyApi' | 'probeSessionApi' = 'probeKeyApi') {
	const id = `parallel-${++credentialCounter}`;
	const data: ICredentialDataDecryptedObject =
		type === 'probeKeyApi'
			? { baseUrl: vendor.get().baseUrl, apiKey: PROBE_KEY }
			: { baseUrl: vendor.get().baseUrl, refreshToken: PROBE_REFRESH, accessToken: '' };
	return {
		id,
		type,
		helper: credentialsStore([new ProbeKeyApi(), new ProbeSessionApi()], { [id]: { type, data } }),
	};
}

async function run(
	parameters: INodeParameters,
	input: SourceItem[],
	options: {
		continueOnFail?: boolean;
		cancelAfterMs?: number;
		using?: ReturnType<typeof credential>;
	} = {},
) {
	const cred = options.using ?? credential();
	const result = await runNode({
		nodeType: new KernelProbe(),
		parameters,
		credentials: { [cred.type]: cred.id },
		credentialsHelper: cred.helper,
		input,
		continueOnFail: options.continueOnFail,
		cancelAfterMs: options.cancelAfterMs,
	});
	return { ...result, credential: cred };
}

/**
 * Holds every customer request a while, later items shorter (so answers arrive out of input order), and records how
 * many were in flight at once, overall and per customer.
 */
function slowVendor(delayOf: (id: string) => number = (id) => 10 + ((40 - Number(id)) % 7) * 15) {
	const seen = { most: 0, mostPerCustomer: 0 };
	let inFlight = 0;
	const perCustomer = new Map<string, number>();
	vendor.get().use(async (req) => {
		const id = /^\/customers\/([^/?]+)/.exec(req.path)?.[1];
		if (!id) return undefined;
		inFlight++;
		perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1);
		seen.most = Math.max(seen.most, inFlight);
		seen.mostPerCustomer = Math.max(seen.mostPerCustomer, perCustomer.get(id)!);
		await new Promise((resolve) => setTimeout(resolve, delayOf(id)));
		inFlight--;
		perCustomer.set(id, perCustomer.get(id)! - 1);
		return undefined;
	});
	return seen;
}

const ids = (count: number, from = 1) =>
	Array.from({ length: count }, (_, i) => ({ json: { id: String(from + i) } }));

/** Requests sent more than once for the same method and path. */
function repeats(operation: string): number {
	const paths = vendor
		.get()
		.calls(operation)
		.map((r) => `${r.method} ${r.path}`);
	return paths.length - new Set(paths).size;
}

beforeEach(() => vendor.get().seed(30));

describe('several items in flight', () => {
	test('output is in input order and paired, with no more requests in flight than the bound', async () => {
		const seen = slowVendor();
		const result = await run({ operation: 'getParallel', customerId: '={{ $json.id }}' }, ids(24));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(ids(24).map((i) => i.json.id));
		expect(result.items.map((i) => i.pairedItem)).toEqual(ids(24).map((_, item) => ({ item })));
		expect(seen.most).toBeGreaterThan(1);
		expect(seen.most).toBeLessThanOrEqual(PROBE_MAX_IN_FLIGHT);
		expect(vendor.get().calls('get')).toHaveLength(24);
		expect(repeats('get')).toBe(0);
	});

	test('an operation not declared parallel still sends one item at a time', async () => {
		const seen = slowVendor();
		const result = await run({ operation: 'get', customerId: '={{ $json.id }}' }, ids(8));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(ids(8).map((i) => i.json.id));
		expect(seen.most).toBe(1);
	});

	test('under continue-on-fail each failed item becomes its own error item, in its place', async () => {
		slowVendor();
		const input = ids(10);
		input[3] = { json: { id: '404' } };
		input[7] = { json: { id: '' } };
		const result = await run({ operation: 'getParallel', customerId: '={{ $json.id }}' }, input, {
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10);
		expect(result.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(result.items[3].json.error).toMatch(/Customer 404 not found/);
		expect(result.items[7].json.error).toMatch(/Customer ID/);
		expect(result.items.filter((i) => i.json.error)).toHaveLength(2);
		expect(result.items[9].json).toEqual({ id: '10', name: 'Customer 10' });
		expect(repeats('get')).toBe(0);
	});

	test('without continue-on-fail the first failing item fails the node and no later item starts', async () => {
		slowVendor();
		const input = ids(20);
		input[5] = { json: { id: '404' } };
		const result = await run({ operation: 'getParallel', customerId: '={{ $json.id }}' }, input);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Customer 404 not found/);
		expect(JSON.stringify(result.error)).toMatch(/"itemIndex":5/);
		// the items already in flight when item 5 failed finish; none after them is sent
		expect(vendor.get().calls('get').length).toBeLessThan(5 + 1 + PROBE_MAX_IN_FLIGHT);
		expect(repeats('get')).toBe(0);
	});

	test('items of the same customer are written one after another, in input order; the last one wins', async () => {
		const seen = slowVendor((id) => (id === '1' ? 40 : 10));
		const input = Array.from({ length: 12 }, (_, i) => ({
			json: { id: String((i % 3) + 1), name: `Name ${i}` },
		}));
		const result = await run(
			{ operation: 'updateParallel', customerId: '={{ $json.id }}', name: '={{ $json.name }}' },
			input,
		);
		expect(result.error).toBeUndefined();
		expect(seen.mostPerCustomer).toBe(1);
		expect(seen.most).toBeGreaterThan(1);
		for (const id of ['1', '2', '3']) {
			const names = vendor
				.get()
				.calls('update')
				.filter((r) => r.path === `/customers/${id}`)
				.map((r) => (JSON.parse(r.body) as { name: string }).name);
			expect(names).toEqual(input.filter((i) => i.json.id === id).map((i) => i.json.name));
		}
		expect(vendor.get().customers.get('1')?.name).toBe('Name 9');
		expect(result.items.map((i) => i.json.name)).toEqual(input.map((i) => i.json.name));
	});

	test('creates refused with 429 are sent again and each is done exactly once', async () => {
		slowVendor();
		vendor.get().inject({ kind: 'status', status: 429 }, { operation: 'create', times: 3 });
		const input = Array.from({ length: 8 }, (_, i) => ({ json: { name: `New ${i}` } }));
		const result = await run({ operation: 'createParallel', name: '={{ $json.name }}' }, input);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(input.map((i) => i.json.name));
		expect(vendor.get().sideEffects('create')).toBe(8);
		expect(
			vendor
				.get()
				.calls('create')
				.filter((r) => r.status === 429),
		).toHaveLength(3);
	});

	test('Stop abandons the items in flight and starts no other', async () => {
		slowVendor(() => 400);
		const result = await run({ operation: 'getParallel', customerId: '={{ $json.id }}' }, ids(20), {
			cancelAfterMs: 600,
			continueOnFail: true,
		});
		expect(result.status).toBe('canceled');
		const sent = vendor.get().calls('get').length;
		expect(sent).toBeLessThan(20);
		await new Promise((resolve) => setTimeout(resolve, 900));
		expect(vendor.get().calls('get')).toHaveLength(sent);
		expect(repeats('get')).toBe(0);
	});
});

describe('the credential is read once per execution', () => {
	test('one decryption for every item, and again for the next execution', async () => {
		slowVendor();
		const cred = credential();
		await run({ operation: 'getParallel', customerId: '={{ $json.id }}' }, ids(12), {
			using: cred,
		});
		expect(cred.helper.decryptions.get('probeKeyApi')).toBe(1);
		await run({ operation: 'get', customerId: '={{ $json.id }}' }, ids(5), { using: cred });
		expect(cred.helper.decryptions.get('probeKeyApi')).toBe(2);
	});

	test('a token from preAuthentication is fetched once, however many items are in flight', async () => {
		slowVendor();
		const cred = credential('probeSessionApi');
		const result = await run(
			{ authentication: 'session', operation: 'getParallel', customerId: '={{ $json.id }}' },
			ids(12),
			{ using: cred },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(12);
		expect(cred.helper.preAuthenticationCalls.get('probeSessionApi')).toBe(1);
		expect(vendor.get().sideEffects('token')).toBe(1);
		expect(cred.helper.decryptions.get('probeSessionApi')).toBe(1);
	});
});
