// Items per second through n8n's real engine, the kernel and a zero-latency emulator (one GET per item).
import { credentialsStore, runNode } from '../harness/harness';
import { KernelProbe, ProbeKeyApi } from '../kernel/probe';
import { PROBE_KEY, ProbeEmulator } from '../kernel/probe-emulator';

export async function run(): Promise<void> {
	const vendor = new ProbeEmulator();
	await vendor.start();
	vendor.seed(1);
	try {
		for (const count of [1000, 1000, 1000]) {
			const id = `bench-${Math.random()}`;
			const helper = credentialsStore([new ProbeKeyApi()], {
				[id]: { type: 'probeKeyApi', data: { baseUrl: vendor.baseUrl, apiKey: PROBE_KEY } },
			});
			const input = Array.from({ length: count }, (_, i) => ({ json: { i } }));
			const started = performance.now();
			const result = await runNode({
				nodeType: new KernelProbe(),
				parameters: { operation: 'get', customerId: '1' },
				credentials: { probeKeyApi: id },
				credentialsHelper: helper,
				input,
			});
			const ms = performance.now() - started;
			if (result.items.length !== count)
				throw new Error(`expected ${count} items, got ${result.items.length}`);
			console.log(
				`kernel: ${count} items (one GET each) in ${ms.toFixed(0)} ms = ${((count / ms) * 1000).toFixed(0)} items/s; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
			);
		}
	} finally {
		await vendor.stop();
	}
}
