// 20 messages through the real engine against the emulator at Amazon's real usage plan (1 request per second,
// burst 5, per operation; vendor clock at real time): the time the plan allows, the time measured, and the
// messages the emulator recorded (must be exactly 20, none refused, none twice).
import { sellingPartnerRunner } from '../amazon-selling-partner/setup';
import {
	AmazonSellingPartnerEmulator,
	SANDBOX_ORDER_OK,
} from '../emulators/amazon-selling-partner';

const MESSAGES = 20;

export async function run(): Promise<void> {
	const vendor = new AmazonSellingPartnerEmulator({ timeScale: 1 });
	await vendor.start();
	try {
		vendor.seedDemoData();
		const sellingPartner = sellingPartnerRunner(() => vendor);
		const input = Array.from({ length: MESSAGES }, (_, i) => ({ json: { n: i + 1 } }));
		const plan = vendor.plans.get('createConfirmOrderDetails')!;
		const allowedMs = (Math.max(0, MESSAGES - plan.burst) / plan.rate) * 1000;

		const started = Date.now();
		const result = await sellingPartner.run(
			{
				operation: 'sendConfirmOrderDetails',
				amazonOrderId: SANDBOX_ORDER_OK,
				text: '=Order question {{$json.n}}',
			},
			{ input },
		);
		const measuredMs = Date.now() - started;

		const calls = vendor.calls('createConfirmOrderDetails');
		const recorded = vendor.sideEffects('message');
		const texts = vendor.messages.map((m) => String(m.body?.text));
		const distinct = new Set(texts).size;
		const refused = calls.filter((c) => c.status === 429).length;
		console.log(
			`messages sent by the node:          ${result.items.filter((i) => i.json.success === true).length} of ${MESSAGES} (status ${result.status})`,
		);
		console.log(
			`usage plan:                          ${plan.rate} request/s, burst ${plan.burst} (per operation)`,
		);
		console.log(
			`time the usage plan allows:          ${(allowedMs / 1000).toFixed(2)} s  (${MESSAGES - plan.burst} requests after the burst at ${plan.rate}/s)`,
		);
		console.log(
			`measured time (engine, incl. token): ${(measuredMs / 1000).toFixed(2)} s  (${(((measuredMs - allowedMs) / allowedMs) * 100).toFixed(1)}% over the plan)`,
		);
		console.log(
			`messages recorded by the emulator:   ${recorded} (distinct texts ${distinct}; requests ${calls.length}; refused with 429: ${refused})`,
		);
		console.log(`LWA token requests:                  ${vendor.lwa.sideEffects('token')}`);
		if (recorded !== MESSAGES || distinct !== MESSAGES)
			throw new Error(
				`expected exactly ${MESSAGES} distinct messages, got ${recorded} (${distinct} distinct)`,
			);
		if (measuredMs > allowedMs * 1.1)
			throw new Error(
				`took ${measuredMs} ms, more than 10% over the ${allowedMs} ms the plan allows`,
			);
	} finally {
		await vendor.stop();
	}
}
