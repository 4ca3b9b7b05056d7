// Per-item operations at a vendor's real speed: each answer takes BENCH_LATENCY_MS (150 by default) after the vendor's
// rate limiter admitted the request. Reports wall time against the time the plan's limit allows, 429s, requests sent
// more than once, the most requests in flight at once, and the process's CPU per item (emulator included).
import { VoucherifyApi } from '../../credentials/VoucherifyApi.credentials';
import { Nuvemshop } from '../../nodes/Nuvemshop/Nuvemshop.node';
import { nuvemshopTransport } from '../../nodes/Nuvemshop/transport';
import { Voucherify } from '../../nodes/Voucherify/Voucherify.node';
import { voucherifyTransport } from '../../nodes/Voucherify/transport';
import type { Emulator } from '../emulators/kit';
import { EmulatedBucket } from '../emulators/kit';
import { NuvemshopEmulator } from '../emulators/nuvemshop';
import { VOUCHERIFY_APP_ID, VOUCHERIFY_SECRET, VoucherifyEmulator } from '../emulators/voucherify';
import { credentialsStore, runNode, type NodeRun } from '../harness/harness';
import { nuvemshopBenchCredentials } from './nuvemshop.bench';

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 150);

/** Answers latencyMs after the vendor's own middlewares (its rate limiter) admitted the request; counts concurrency. */
function withLatency(vendor: Emulator): { maxInFlight: () => number } {
	let inFlight = 0;
	let most = 0;
	vendor.use(async () => {
		inFlight++;
		most = Math.max(most, inFlight);
		await new Promise((resolve) => setTimeout(resolve, latencyMs));
		inFlight--;
		return undefined;
	});
	return { maxInFlight: () => most };
}

function repeatedSends(vendor: Emulator): number {
	const seen = new Map<string, number>();
	for (const r of vendor.requests.filter((r) => r.status !== 429)) {
		const key = `${r.method} ${r.path}`;
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	return [...seen.values()].reduce((sum, n) => sum + (n - 1), 0);
}

async function measure(
	label: string,
	vendor: Emulator,
	allowedSeconds: number,
	count: number,
	maxInFlight: number,
	running: () => Promise<NodeRun>,
	decryptions: () => number | undefined,
): Promise<void> {
	const latency = withLatency(vendor);
	const cpu = process.cpuUsage();
	const started = performance.now();
	const result = await running();
	const seconds = (performance.now() - started) / 1000;
	const used = process.cpuUsage(cpu);
	const refused = vendor.requests.filter((r) => r.status === 429).length;
	// the plan's limit, or the latency when the plan allows more than the node's bound keeps in flight
	const boundSeconds = Math.max(allowedSeconds, (count * latencyMs) / 1000 / maxInFlight);
	console.log(
		`${label}: ${count} items at ${latencyMs} ms latency, status ${result.status}, ${result.items.length} items; ` +
			`${seconds.toFixed(1)} s = ${(seconds / boundSeconds).toFixed(2)}x the ${boundSeconds.toFixed(1)} s allowed ` +
			`(plan ${allowedSeconds.toFixed(1)} s, ${maxInFlight} in flight × latency ${((count * latencyMs) / 1000 / maxInFlight).toFixed(1)} s); ` +
			`${refused} 429s, ${repeatedSends(vendor)} repeated sends, at most ${latency.maxInFlight()} in flight, ` +
			`CPU ${((used.user + used.system) / 1000 / count).toFixed(2)} ms/item (emulator included), ` +
			`credential read ${decryptions() ?? '?'} times`,
	);
}

export async function run(): Promise<void> {
	const count = Number(process.env.BENCH_LATENCY_COUNT ?? 1000);

	// Nuvemshop Next/Evolution (x10): a bucket of 400 draining 20 a second
	const nuvemshop = new NuvemshopEmulator();
	await nuvemshop.start();
	nuvemshop.bucket = new EmulatedBucket(400, 20, nuvemshop.clock);
	nuvemshop.seed(count);
	try {
		const helper = nuvemshopBenchCredentials(nuvemshop.baseUrl);
		await measure(
			'nuvemshop x10 update',
			nuvemshop,
			Math.max(0, count - 400) / 20,
			count,
			nuvemshopTransport.config.maxInFlight ?? 1,
			async () =>
				await runNode({
					nodeType: new Nuvemshop(),
					parameters: {
						resource: 'customer',
						operation: 'update',
						customerId: '={{ $json.id }}',
						updateFields: { note: 'bench' },
					},
					credentials: { nuvemshopApi: 'bench' },
					credentialsHelper: helper,
					input: Array.from({ length: count }, (_, i) => ({ json: { id: 1001 + i } })),
				}),
			() =>
				(helper as unknown as { decryptions?: Map<string, number> }).decryptions?.get(
					'nuvemshopApi',
				),
		);
	} finally {
		await nuvemshop.stop();
	}

	// Voucherify Organization: 2,000 requests a minute
	const voucherify = new VoucherifyEmulator({ requestsPerMinute: 2000 });
	await voucherify.start();
	voucherify.seed(count);
	try {
		const helper = credentialsStore([new VoucherifyApi()], {
			bench: {
				type: 'voucherifyApi',
				data: {
					applicationId: VOUCHERIFY_APP_ID,
					secretKey: VOUCHERIFY_SECRET,
					region: 'custom',
					customBaseUrl: voucherify.baseUrl,
				},
			},
		});
		const ids = [...voucherify.customers.values()].map((c) => c.id);
		await measure(
			'voucherify organization get',
			voucherify,
			Math.max(0, count - 2000) / (2000 / 60),
			count,
			voucherifyTransport.config.maxInFlight ?? 1,
			async () =>
				await runNode({
					nodeType: new Voucherify(),
					parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
					credentials: { voucherifyApi: 'bench' },
					credentialsHelper: helper,
					input: ids.slice(0, count).map((id) => ({ json: { id } })),
				}),
			() =>
				(helper as unknown as { decryptions?: Map<string, number> }).decryptions?.get(
					'voucherifyApi',
				),
		);
	} finally {
		await voucherify.stop();
	}
}
