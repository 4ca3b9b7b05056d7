// 10,000 customers into Voucherify: Update Many (one bulk request) beside per-item Update.
import { VoucherifyApi } from '../../credentials/VoucherifyApi.credentials';
import { Voucherify } from '../../nodes/Voucherify/Voucherify.node';
import { VOUCHERIFY_APP_ID, VOUCHERIFY_SECRET, VoucherifyEmulator } from '../emulators/voucherify';
import { credentialsStore, runNode } from '../harness/harness';

export async function run(): Promise<void> {
	const count = Number(process.env.BENCH_VOUCHERIFY_COUNT ?? 10_000);
	// A limit far above any plan, so the figures show the node's own cost; the plan limit is computed beside them.
	const vendor = new VoucherifyEmulator({ timeScale: 10, requestsPerMinute: 1_000_000 });
	await vendor.start();
	try {
		const input = Array.from({ length: count }, (_, i) => ({
			json: { sourceId: `src-${i + 1}`, city: 'Lisbon', tier: i % 3 ? 'silver' : 'gold' },
		}));
		const common = {
			resource: 'customer',
			updateFields: { address: { city: '={{ $json.city }}' } },
			metadata: { entry: [{ key: 'tier', value: '={{ $json.tier }}' }] },
		};
		for (const mode of ['updateMany', 'update'] as const) {
			vendor.seed(count);
			const id = `bench-${mode}`;
			const helper = credentialsStore([new VoucherifyApi()], {
				[id]: {
					type: 'voucherifyApi',
					data: {
						applicationId: VOUCHERIFY_APP_ID,
						secretKey: VOUCHERIFY_SECRET,
						region: 'custom',
						customBaseUrl: vendor.baseUrl,
					},
				},
			});
			const parameters =
				mode === 'updateMany'
					? {
							...common,
							operation: 'updateMany',
							sourceId: '={{ $json.sourceId }}',
							waitForCompletion: true,
							pollIntervalSeconds: 0.2,
						}
					: { ...common, operation: 'update', customerId: '={{ $json.sourceId }}' };
			const started = performance.now();
			const result = await runNode({
				nodeType: new Voucherify(),
				parameters,
				credentials: { voucherifyApi: id },
				credentialsHelper: helper,
				input,
			});
			const seconds = (performance.now() - started) / 1000;
			const writes = vendor.requests.filter((r) => r.method !== 'GET').length;
			const polls = vendor.requests.length - writes;
			const changed = [...vendor.customers.values()].filter(
				(c) => c.address?.city === 'Lisbon',
			).length;
			console.log(
				`voucherify ${mode}: ${count} customers, status ${result.status}, ${result.items.length} items, ${changed} changed; ${writes} write requests + ${polls} status polls in ${seconds.toFixed(1)} s` +
					(mode === 'update'
						? `; at the Organization plan's 2,000 requests/minute this takes at least ${((count / 2000) * 60).toFixed(0)} s`
						: ''),
			);
		}
	} finally {
		await vendor.stop();
	}
}
