// Our nodes as AI Agent tools, run through n8n's real engine the way the agent runs a tool call: the tool's parameters
// are those of scripts/lib/agent-tools.ts (model-filled values through $fromAI()), and the input item carries the
// model's arguments next to what n8n adds (the agent's own input, the tool call's id), as n8n 2.41's engine builds it.
// $fromAI() reads its value from that item, so a left-out argument is undefined here exactly as in the agent.
// The end-to-end proof with n8n's AI Agent is scripts/e2e/agents.ts.
import type { INodeParameters } from 'n8n-workflow';

import {
	AMAZON_MESSAGE_TYPES,
	MWS_STATUS,
	SEARCH_NUVEMSHOP,
	ULTRACART_BY_EMAIL,
	UPSERT_VOUCHERIFY,
	type AgentToolSpec,
} from '../../scripts/lib/agent-tools';
import { mwsRunner } from '../amazon-mws/setup';
import { sellingPartnerRunner } from '../amazon-selling-partner/setup';
import { AmazonMwsEmulator } from '../emulators/amazon-mws';
import { AmazonSellingPartnerEmulator, DEMO_ORDER } from '../emulators/amazon-selling-partner';
import { useEmulator } from '../emulators/kit';
import { NuvemshopEmulator } from '../emulators/nuvemshop';
import { UltraCartEmulator } from '../emulators/ultracart';
import { VoucherifyEmulator } from '../emulators/voucherify';
import { type ProviderRunner } from '../harness/provider-runner';
import { nuvemshopRunner } from '../nuvemshop/setup';
import { ultraCartRunner } from '../ultracart/setup';
import { voucherifyRunner } from '../voucherify/setup';

const nuvemshop = useEmulator(() => new NuvemshopEmulator({ timeScale: 50 }));
const voucherify = useEmulator(() => new VoucherifyEmulator({ timeScale: 20 }));
const ultracart = useEmulator(() => new UltraCartEmulator({ timeScale: 100 }));
const sellingPartner = useEmulator(() => new AmazonSellingPartnerEmulator());
const mws = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000 }));

const runners: Record<string, ProviderRunner> = {
	nuvemshop: nuvemshopRunner(() => nuvemshop.get()),
	voucherify: voucherifyRunner(() => voucherify.get()),
	ultracart: ultraCartRunner(() => ultracart.get()),
	'amazon-selling-partner': sellingPartnerRunner(() => sellingPartner.get()),
	'amazon-mws': mwsRunner(() => mws.get()),
};

/** The item n8n hands a tool node for one tool call: the agent's input item, the model's arguments, the call's id. */
const toolCallItem = (args: Record<string, unknown>) => ({
	json: { chatInput: 'a question', sessionId: 'session-1', ...args, toolCallId: 'call_1' },
});

/** Runs a tool as the agent does for one call with these arguments. */
const callTool = async (tool: AgentToolSpec, args: Record<string, unknown>) =>
	await runners[tool.provider].run(tool.parameters as INodeParameters, {
		input: [toolCallItem(args)],
	});

/** What the model reads back from a failed call is the error's message: short, naming what to change. */
const expectShortError = (message: string | undefined, mentions: RegExp) => {
	expect(message).toMatch(mentions);
	expect((message ?? '').length).toBeLessThanOrEqual(300);
};

beforeEach(() => {
	nuvemshop.get().seedDemoData();
	voucherify.get().seedDemoData();
	ultracart.get().seedDemoData();
	sellingPartner.get().seedDemoData();
	mws.get().seedDemoData();
});

describe('the arguments a model gives reach the vendor', () => {
	test('Nuvemshop Get Many searches for the text the model gave', async () => {
		const result = await callTool(SEARCH_NUVEMSHOP, { search_text: 'Ana Souza' });
		expect(result.error).toBeUndefined();
		const [sent] = nuvemshop.get().calls('listCustomers');
		expect(new URLSearchParams(sent.query).get('q')).toBe('Ana Souza');
		expect(result.items.map((i) => i.json.email)).toContain('ana.souza@example.com.br');
	});

	test('Voucherify Create or Update sends the source ID, name and email the model gave', async () => {
		const result = await callTool(UPSERT_VOUCHERIFY, {
			source_id: 'linus.pauling@example.com',
			name: 'Linus Pauling',
			email: 'linus.pauling@example.com',
		});
		expect(result.error).toBeUndefined();
		const [sent] = voucherify.get().calls('create-customer');
		expect(JSON.parse(sent.body)).toEqual({
			source_id: 'linus.pauling@example.com',
			name: 'Linus Pauling',
			email: 'linus.pauling@example.com',
		});
		expect(result.items[0].json.source_id).toBe('linus.pauling@example.com');
	});

	test('UltraCart Get by Email asks for the address the model gave', async () => {
		const result = await callTool(ULTRACART_BY_EMAIL, { email: 'jane.doe@example.com' });
		expect(result.error).toBeUndefined();
		expect(ultracart.get().calls('get_customer_by_email')[0].path).toBe(
			'/rest/v2/customer/customers/by_email/jane.doe%40example.com',
		);
		expect(result.items[0].json.email).toBe('jane.doe@example.com');
	});

	test('Amazon Get Allowed Message Types asks about the order the model gave', async () => {
		const result = await callTool(AMAZON_MESSAGE_TYPES, { order_id: DEMO_ORDER });
		expect(result.error).toBeUndefined();
		const [sent] = sellingPartner.get().calls('getMessagingActionsForOrder');
		expect(sent.path).toBe(`/messaging/v1/orders/${DEMO_ORDER}`);
		expect(result.items[0].json.actions).toContain('invoice');
	});

	test('MWS Get Status needs no argument', async () => {
		const result = await callTool(MWS_STATUS, {});
		expect(result.error).toBeUndefined();
		expect(JSON.stringify(result.items[0].json)).toContain('GREEN');
	});
});

describe('optional arguments the model leaves out', () => {
	test('Nuvemshop without the search text lists the newest customers and sends no "q"', async () => {
		const result = await callTool(SEARCH_NUVEMSHOP, {});
		expect(result.error).toBeUndefined();
		const [sent] = nuvemshop.get().calls('listCustomers');
		expect(new URLSearchParams(sent.query).has('q')).toBe(false);
		expect(result.items.length).toBeGreaterThanOrEqual(3);
	});

	test('Voucherify with only the source ID sends only the source ID (no "undefined" values)', async () => {
		const result = await callTool(UPSERT_VOUCHERIFY, { source_id: 'member-77' });
		expect(result.error).toBeUndefined();
		const [sent] = voucherify.get().calls('create-customer');
		expect(JSON.parse(sent.body)).toEqual({ source_id: 'member-77' });
	});
});

describe("a model's bad call fails with a short error it can correct, before anything is sent", () => {
	test('an empty {} call to Voucherify Create or Update creates nobody (not a customer "undefined")', async () => {
		const before = voucherify.get().customers.size;
		const result = await callTool(UPSERT_VOUCHERIFY, {});
		expectShortError(result.error?.message, /give a source ID or at least one field/);
		expect(voucherify.get().calls('create-customer')).toHaveLength(0);
		expect(voucherify.get().customers.size).toBe(before);
	});

	test('an empty {} call to UltraCart Get by Email names the missing email', async () => {
		const result = await callTool(ULTRACART_BY_EMAIL, {});
		expectShortError(result.error?.message, /"Email" is empty/);
		expect(ultracart.get().requests).toHaveLength(0);
	});

	test('a value that is not an email address is refused, naming it', async () => {
		const result = await callTool(ULTRACART_BY_EMAIL, { email: 'Jane Doe' });
		expectShortError(result.error?.message, /"Email" is not an email address: "Jane Doe"/);
		expect(ultracart.get().requests).toHaveLength(0);
	});

	test('an empty {} call to Amazon Get Allowed Message Types names the missing order ID', async () => {
		const result = await callTool(AMAZON_MESSAGE_TYPES, {});
		expectShortError(result.error?.message, /"Order ID" is empty/);
		expect(sellingPartner.get().calls('getMessagingActionsForOrder')).toHaveLength(0);
	});
});

describe("ids that do not exist come back as the vendor's own reason", () => {
	test('UltraCart: no customer with that email', async () => {
		const result = await callTool(ULTRACART_BY_EMAIL, { email: 'nobody@example.com' });
		expect(ultracart.get().calls('get_customer_by_email')).toHaveLength(1);
		expectShortError(result.error?.message, /not found|no customer|does not exist/i);
	});

	test('Amazon: an order Amazon does not know', async () => {
		const result = await callTool(AMAZON_MESSAGE_TYPES, { order_id: '111-1111111-1111111' });
		expect(sellingPartner.get().calls('getMessagingActionsForOrder')).toHaveLength(1);
		expectShortError(result.error?.message, /111-1111111-1111111 was not found|does not exist/);
	});
});
