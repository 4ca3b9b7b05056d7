import { credentialsStore, runNode } from '../harness/harness';
import { KernelProbe, ProbeKeyApi, ProbeSessionApi } from './probe';
import { PROBE_KEY, ProbeEmulator } from './probe-emulator';
import { useEmulator } from '../emulators/kit';

const vendor = useEmulator(() => new ProbeEmulator());

test('smoke: get a customer', async () => {
	vendor.get().seed(2);
	const helper = credentialsStore([new ProbeKeyApi(), new ProbeSessionApi()], {
		k1: { type: 'probeKeyApi', data: { baseUrl: vendor.get().baseUrl, apiKey: PROBE_KEY } },
	});
	const result = await runNode({
		nodeType: new KernelProbe(),
		parameters: { operation: 'get', customerId: '2' },
		credentials: { probeKeyApi: 'k1' },
		credentialsHelper: helper,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([
		{ json: { id: '2', name: 'Customer 2' }, pairedItem: { item: 0 } },
	]);
});
