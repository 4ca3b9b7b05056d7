// The shared polling loop, through n8n-core's real PollContext: first run remembers, later runs emit each change once.
import { useEmulator } from '../emulators/kit';
import { credentialsStore, pollingTrigger } from '../harness/harness';
import { ProbeKeyApi, ProbeTrigger } from './probe';
import { PROBE_KEY, ProbeEmulator } from './probe-emulator';

const vendor = useEmulator(() => new ProbeEmulator());

function trigger(mode: 'trigger' | 'manual' = 'trigger') {
	const helper = credentialsStore([new ProbeKeyApi()], {
		k: { type: 'probeKeyApi', data: { baseUrl: vendor.get().baseUrl, apiKey: PROBE_KEY } },
	});
	return pollingTrigger({
		nodeType: new ProbeTrigger(),
		parameters: {},
		credentials: { probeKeyApi: 'k' },
		credentialsHelper: helper,
		mode,
	});
}

test('first poll only remembers; later polls emit each new or changed customer once, oldest first', async () => {
	vendor.get().seed(0);
	vendor
		.get()
		.customers.set('old', { id: 'old', name: 'Old', updated_at: '2020-01-01T00:00:00.000Z' });
	const poller = await trigger();
	expect(await poller.poll()).toBeNull();
	expect(poller.staticData().since).toEqual(expect.any(String));

	const t1 = new Date(Date.now() + 1000).toISOString();
	const t2 = new Date(Date.now() + 2000).toISOString();
	vendor.get().customers.set('b', { id: 'b', name: 'B', updated_at: t2 });
	vendor.get().customers.set('a', { id: 'a', name: 'A', updated_at: t1 });
	expect((await poller.poll())?.map((i) => i.json.id)).toEqual(['a', 'b']);

	// the boundary record (same timestamp as the cursor) is not emitted again; a later change is
	expect(await poller.poll()).toBeNull();
	vendor.get().customers.set('a', {
		id: 'a',
		name: 'A2',
		updated_at: new Date(Date.now() + 3000).toISOString(),
	});
	expect((await poller.poll())?.map((i) => i.json.name)).toEqual(['A2']);
	expect(
		vendor
			.get()
			.calls('list')
			.every((r) => /updated_since=/.test(r.query)),
	).toBe(true);
});

test('a manual test run shows the newest record at once', async () => {
	vendor.get().seed(2);
	const poller = await trigger('manual');
	const items = await poller.poll();
	expect(items).toHaveLength(1);
	expect(vendor.get().calls('list')[0].query).toBe('limit=1');
});
