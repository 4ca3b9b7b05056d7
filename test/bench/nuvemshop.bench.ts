// 200 customer updates against the emulator's leaky bucket at the vendor's real speed (40 burst, 2 per second).
import { NuvemshopApi } from '../../credentials/NuvemshopApi.credentials';
import { Nuvemshop } from '../../nodes/Nuvemshop/Nuvemshop.node';
import { NUVEMSHOP_STORE_ID, NUVEMSHOP_TOKEN, NuvemshopEmulator } from '../emulators/nuvemshop';
import { credentialsStore, runNode } from '../harness/harness';

/** The bench's Nuvemshop access-token credential (id `bench`) against an emulator. */
export function nuvemshopBenchCredentials(baseUrl: string) {
	return credentialsStore([new NuvemshopApi()], {
		bench: {
			type: 'nuvemshopApi',
			data: {
				storeId: NUVEMSHOP_STORE_ID,
				accessToken: NUVEMSHOP_TOKEN,
				appName: 'Bench',
				appContact: 'bench@example.com',
				apiVersion: '2025-03',
				customBaseUrl: baseUrl,
			},
		},
	});
}

export async function run(): Promise<void> {
	const count = Number(process.env.BENCH_NUVEMSHOP_COUNT ?? 200);
	const vendor = new NuvemshopEmulator();
	await vendor.start();
	vendor.seed(count);
	try {
		const helper = nuvemshopBenchCredentials(vendor.baseUrl);
		const input = Array.from({ length: count }, (_, i) => ({ json: { id: 1001 + i } }));
		const allowedSeconds =
			Math.max(0, count - vendor.bucket.capacity) / vendor.bucket.ratePerSecond;
		const started = performance.now();
		const result = await runNode({
			nodeType: new Nuvemshop(),
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId: '={{ $json.id }}',
				updateFields: { note: 'bench' },
			},
			credentials: { nuvemshopApi: 'bench' },
			credentialsHelper: helper,
			input,
		});
		const seconds = (performance.now() - started) / 1000;
		const refused = vendor.requests.filter((r) => r.status === 429).length;
		console.log(
			`nuvemshop: ${count} updates, status ${result.status}, ${result.items.length} items, ${vendor.sideEffects('update')} updates recorded, ${refused} refused with 429; ` +
				`the bucket allows ${allowedSeconds.toFixed(1)} s, measured ${seconds.toFixed(1)} s (${((seconds / allowedSeconds - 1) * 100).toFixed(1)} % over)`,
		);
	} finally {
		await vendor.stop();
	}
}
