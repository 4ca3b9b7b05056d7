// Each provider's bound on items in flight and its credential read once per execution, through n8n's real engine.
// (UltraCart's emulator refuses concurrent requests with 429, as UltraCart does: its own tests prove it stays at one.)
import {
	SANDBOX_ORDER_OK,
	type AmazonSellingPartnerEmulator,
} from '../emulators/amazon-selling-partner';
import { useEmulator, type Emulator } from '../emulators/kit';
import { NuvemshopEmulator } from '../emulators/nuvemshop';
import { VoucherifyEmulator } from '../emulators/voucherify';
import { nuvemshopTransport } from '../../nodes/Nuvemshop/transport';
import { spApiTransport } from '../../nodes/AmazonSellingPartner/transport';
import { voucherifyTransport } from '../../nodes/Voucherify/transport';
import { sellingPartnerRunner, setupVendor } from '../amazon-selling-partner/setup';
import { nuvemshopRunner } from '../nuvemshop/setup';
import { voucherifyRunner } from '../voucherify/setup';

const nuvemshop = useEmulator(() => new NuvemshopEmulator());
const voucherify = useEmulator(() => new VoucherifyEmulator());
const sellingPartner = setupVendor();

/** Holds each request 30 ms after the vendor admitted it, and records the most in flight at once. */
function held(vendor: Emulator): { most: number } {
	const seen = { most: 0 };
	let inFlight = 0;
	vendor.use(async () => {
		seen.most = Math.max(seen.most, ++inFlight);
		await new Promise((resolve) => setTimeout(resolve, 30));
		inFlight--;
		return undefined;
	});
	return seen;
}

test('Nuvemshop: updates go several at once, within the bound, in order, the credential read once', async () => {
	const customers = nuvemshop.get().seed(16);
	const seen = held(nuvemshop.get());
	const { run } = nuvemshopRunner(() => nuvemshop.get(), { resource: 'customer' });
	const input = customers.map((c, i) => ({ json: { id: c.id, note: `note ${i}` } }));
	const result = await run(
		{
			operation: 'update',
			customerId: '={{ $json.id }}',
			updateFields: { note: '={{ $json.note }}' },
		},
		{ input },
	);
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => [i.json.id, i.json.note, i.pairedItem])).toEqual(
		input.map((i, item) => [i.json.id, i.json.note, { item }]),
	);
	expect(seen.most).toBeGreaterThan(1);
	expect(seen.most).toBeLessThanOrEqual(nuvemshopTransport.config.maxInFlight!);
	expect(nuvemshop.get().sideEffects('update')).toBe(16);
	expect(result.credential.helper.decryptions.get('nuvemshopApi')).toBe(1);
});

test('Voucherify: gets go several at once, within the bound, in order, the credential read once', async () => {
	const customers = voucherify.get().seed(14);
	const seen = held(voucherify.get());
	const { run } = voucherifyRunner(() => voucherify.get(), { resource: 'customer' });
	const result = await run(
		{ operation: 'get', customerId: '={{ $json.id }}' },
		{ input: customers.map((c) => ({ json: { id: c.id } })) },
	);
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.id)).toEqual(customers.map((c) => c.id));
	expect(seen.most).toBeGreaterThan(1);
	expect(seen.most).toBeLessThanOrEqual(voucherifyTransport.config.maxInFlight!);
	expect(result.credential.helper.decryptions.get('voucherifyApi')).toBe(1);
});

test('Amazon SP-API: reads go several at once and the access token is fetched once', async () => {
	const vendor: AmazonSellingPartnerEmulator = sellingPartner.get();
	const seen = held(vendor);
	const { run } = sellingPartnerRunner(() => vendor);
	const result = await run(
		{ resource: 'message', operation: 'getAttributes', amazonOrderId: SANDBOX_ORDER_OK },
		{ input: Array.from({ length: 6 }, () => ({ json: {} })) },
	);
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.pairedItem)).toEqual(
		Array.from({ length: 6 }, (_, item) => ({ item })),
	);
	expect(seen.most).toBeGreaterThan(1);
	expect(seen.most).toBeLessThanOrEqual(spApiTransport.config.maxInFlight!);
	expect(result.credential.helper.preAuthenticationCalls.get('amazonSellingPartnerApi')).toBe(1);
	expect(result.credential.helper.decryptions.get('amazonSellingPartnerApi')).toBe(1);
});
