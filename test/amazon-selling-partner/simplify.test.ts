// Simplify on the Selling Partner reads, through n8n's real engine. Version 1 already made Amazon's HAL answers plain
// (with the raw answer on request), so from version 1.1 Simplify is that output, on by default, and off gives
// Amazon's answer itself; version 1 workflows keep their output and have no switch.
import type { INodeParameters } from 'n8n-workflow';

import type { ProviderRunOptions } from '../harness/provider-runner';
import { sellingPartnerRunner, setupVendor, US } from './setup';

const vendor = setupVendor();
const sp = sellingPartnerRunner(() => vendor.get());
const run = async (parameters: INodeParameters, options: ProviderRunOptions = {}) =>
	await sp.run({ amazonOrderId: ORDER, ...parameters }, options);
const VERSION_1: ProviderRunOptions = { nodeSettings: { typeVersion: 1 } };

const ORDER = '113-5550001-0000042';
const base = `/messaging/v1/orders/${ORDER}`;

beforeEach(() => {
	vendor.get().seedDemoData();
	vendor.get().addOrder({
		id: ORDER,
		marketplaceId: US,
		locale: 'fr-CA',
		actions: ['invoice', 'unexpectedProblem'],
	});
});

const actionsSimplified = {
	amazonOrderId: ORDER,
	marketplaceId: US,
	actions: ['invoice', 'unexpectedProblem'],
	messageTypes: [
		{ name: 'invoice', operation: 'sendInvoice', title: 'Invoice' },
		{ name: 'unexpectedProblem', operation: 'sendUnexpectedProblem', title: 'Unexpected Problem' },
	],
};

/** getMessagingActionsForOrder's answer for the order, as Amazon's HAL has it. */
const embedded = (name: string, title: string) => ({
	_links: {
		schema: { href: `${base}/messages/${name}/schema`, name },
		self: { href: `${base}/messages/${name}?marketplaceIds=${US}`, name },
	},
	_embedded: {
		schema: {
			_links: { self: { href: `${base}/messages/${name}/schema` } },
			payload: { $schema: 'http://json-schema.org/draft-04/schema#', title, type: 'object' },
		},
	},
	payload: { name },
});
const actionsAnswer = {
	_links: {
		actions: [
			{ href: `${base}/messages/invoice?marketplaceIds=${US}`, name: 'invoice' },
			{
				href: `${base}/messages/unexpectedProblem?marketplaceIds=${US}`,
				name: 'unexpectedProblem',
			},
		],
		self: { href: `${base}?marketplaceIds=${US}` },
	},
	_embedded: {
		actions: [embedded('invoice', 'Invoice'), embedded('unexpectedProblem', 'Unexpected Problem')],
	},
};

const attributesSimplified = {
	amazonOrderId: ORDER,
	marketplaceId: US,
	buyerLocale: 'fr-CA',
	buyer: { locale: 'fr-CA' },
};

describe('Simplify on (the default of a node added now)', () => {
	test('Get Allowed Message Types: the names, and each type with its title and the operation that sends it', async () => {
		const result = await run({ operation: 'getActions' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([actionsSimplified]);
	});

	test('Include Raw Response still adds the HAL answer', async () => {
		const result = await run({ operation: 'getActions', options: { includeRawResponse: true } });
		expect(result.items.map((i) => i.json)).toEqual([{ ...actionsSimplified, raw: actionsAnswer }]);
	});

	test('Get Buyer Attributes: the locale as a field of its own', async () => {
		const result = await run({ operation: 'getAttributes' });
		expect(result.error).toBeUndefined();
		expect(vendor.get().calls('GetAttributes')[0].path).toBe(`${base}/attributes`);
		expect(result.items.map((i) => i.json)).toEqual([attributesSimplified]);
	});
});

describe('Simplify off', () => {
	test("Amazon's answers as they came (Include Raw Response has nothing to add)", async () => {
		const actions = await run({
			operation: 'getActions',
			simplify: false,
			options: { includeRawResponse: true },
		});
		expect(actions.items.map((i) => i.json)).toEqual([actionsAnswer]);
		const attributes = await run({ operation: 'getAttributes', simplify: false });
		expect(attributes.items.map((i) => i.json)).toEqual([{ buyer: { locale: 'fr-CA' } }]);
	});
});

describe('version 1 (workflows saved before Simplify)', () => {
	test('no switch: the output version 1 always gave, raw answer on request', async () => {
		const actions = await run({ operation: 'getActions' }, VERSION_1);
		expect(actions.items.map((i) => i.json)).toEqual([actionsSimplified]);
		const withRaw = await run(
			{ operation: 'getActions', options: { includeRawResponse: true } },
			VERSION_1,
		);
		expect(withRaw.items.map((i) => i.json)).toEqual([
			{ ...actionsSimplified, raw: actionsAnswer },
		]);
		// a value the version-1 editor never shows is not read
		const attributes = await run({ operation: 'getAttributes', simplify: false }, VERSION_1);
		expect(attributes.items.map((i) => i.json)).toEqual([attributesSimplified]);
	});
});
