/**
 * The bench's cases and the one workflow that holds them: per case a Webhook (POST, answers when the last node is
 * done), a Split Out that turns the posted `items` into n8n items, and the node measured. Each case has its own
 * webhook path; a call runs only that case's chain.
 */
import * as crypto from 'node:crypto';

import type { Latency } from '../../test/emulators/kit';
import { loadEmulatorModule, PACKAGE_NAME, PROVIDERS, type AnyEmulator } from '../lib/providers';
import { latestVersion, nodeDescription, type Workflow, type WorkflowNode } from '../lib/workflows';

export const WORKFLOW_ID = 'benchN8nCases001';

export interface Credential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A node that runs once per case call, after the items are split out. */
interface MeasuredNode {
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface BenchCase {
	key: string;
	label: string;
	/** Undefined for the baseline: webhook and split only. */
	node?: MeasuredNode;
}

// ---------------------------------------------------------------- CPU per item (Voucherify Get customer)

export interface CpuCase extends BenchCase {
	/** How the requests are sent, for the report. */
	how: string;
}

const HTTP_REQUEST = { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };
/** n8n's HTTP Request node sends every item's request at once unless batching says otherwise. */
const oneAtATime = { batching: { batch: { batchSize: 1, batchInterval: 1 } } };
const batched = (size: number) => ({ batching: { batch: { batchSize: size, batchInterval: 1 } } });

export function cpuCases(
	emu: AnyEmulator,
	m: Record<string, unknown>,
): {
	cases: CpuCase[];
	credentials: Credential[];
} {
	const ours: Credential = {
		id: 'benchVoucherCpu1',
		name: 'Voucherify (bench, CPU)',
		type: 'voucherifyApi',
		data: {
			applicationId: m.VOUCHERIFY_APP_ID,
			secretKey: m.VOUCHERIFY_SECRET,
			region: 'custom',
			customBaseUrl: emu.baseUrl,
		},
	};
	const headerAuth: Credential = {
		id: 'benchHeaderAuth1',
		name: 'Header Auth X-App-Token (bench)',
		type: 'httpHeaderAuth',
		data: { name: 'X-App-Token', value: m.VOUCHERIFY_SECRET },
	};
	const ref = (c: Credential) => ({ id: c.id, name: c.name });
	const url = `=${emu.baseUrl}/v1/customers/{{ $json.id }}`;
	const headerAuthParams = {
		method: 'GET',
		url,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'X-App-Id', value: String(m.VOUCHERIFY_APP_ID) }] },
	};
	const voucherify = nodeDescription('Voucherify');
	return {
		credentials: [ours, headerAuth],
		cases: [
			{ key: 'cpu-baseline', label: 'Baseline: Webhook and Split Out only', how: 'no request' },
			{
				key: 'cpu-ours',
				label: 'Voucherify node, Get customer',
				how: 'our node as it is (its own pacing and concurrency), VoucherifyApi credential',
				node: {
					type: `${PACKAGE_NAME}.${voucherify.name}`,
					typeVersion: latestVersion(voucherify.version),
					parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
					credentials: { voucherifyApi: ref(ours) },
				},
			},
			{
				key: 'cpu-http-header-1',
				label: 'HTTP Request, Header Auth, one at a time',
				how: 'batch size 1, interval 1 ms (n8n waits 1 ms before each item); Header Auth credential (X-App-Token) and an X-App-Id header',
				node: {
					...HTTP_REQUEST,
					parameters: { ...headerAuthParams, options: oneAtATime },
					credentials: { httpHeaderAuth: ref(headerAuth) },
				},
			},
			{
				key: 'cpu-http-header-50',
				label: 'HTTP Request, Header Auth, batched (50)',
				how: 'batch size 50, interval 1 ms (a batch in flight together); same credential',
				node: {
					...HTTP_REQUEST,
					parameters: { ...headerAuthParams, options: batched(50) },
					credentials: { httpHeaderAuth: ref(headerAuth) },
				},
			},
			{
				key: 'cpu-http-predefined-1',
				label: 'HTTP Request, VoucherifyApi credential, one at a time',
				how: "predefined credential type voucherifyApi (our credential's authenticate), batch size 1, interval 1 ms",
				node: {
					...HTTP_REQUEST,
					parameters: {
						method: 'GET',
						url,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'voucherifyApi',
						options: oneAtATime,
					},
					credentials: { voucherifyApi: ref(ours) },
				},
			},
		],
	};
}

// ---------------------------------------------------------------- pacing with latency, per vendor and plan

export interface PacingCase extends BenchCase {
	vendor: string;
	plan: string;
	/** What the vendor's limit is, in words. */
	limit: string;
	items: number;
	/** The vendor's bucket: requests at once, and per second after that. */
	burst: number;
	ratePerSecond: number;
	/** The vendor refuses concurrent requests (UltraCart): at best one round trip after another. */
	serial: boolean;
	/** Port offset from the bench's pacing base port (SP-API takes two more). */
	portOffset: number;
	/** Builds and seeds the emulator (its plan), before it starts. */
	create: () => AnyEmulator;
	/** After start: seeds data; returns the credential the node uses. */
	prepare: (emu: AnyEmulator) => Credential;
	/** The items posted to the webhook. */
	input: (emu: AnyEmulator) => Array<Record<string, unknown>>;
	/** Requests of the work at the emulator (each item should cost exactly one). */
	workRequests: (emu: AnyEmulator) => Array<{ status: number }>;
	/** Writes the vendor applied (when the work writes). */
	applied?: (emu: AnyEmulator) => number;
}

function provider(key: string) {
	const p = PROVIDERS.find((x) => x.key === key);
	if (!p) throw new Error(`no provider ${key}`);
	const { mod, create } = loadEmulatorModule(p);
	const Ctor = mod[p.emulatorClass] as new (options?: Record<string, unknown>) => AnyEmulator;
	const description = nodeDescription(p.node);
	return {
		p,
		mod,
		create,
		Ctor,
		type: `${PACKAGE_NAME}.${description.name}`,
		typeVersion: latestVersion(description.version),
		/** The provider's first demo credential, under a bench id of its own (its own pacing bucket in n8n). */
		credential: (emu: AnyEmulator, id: string, name: string): Credential => {
			const demo = p.credentials(mod, emu)[0];
			return { id, name, type: demo.type, data: demo.data };
		},
	};
}

/** Items `{ id }` with ids from a list, repeated as needed. */
const ids = (count: number, of: (i: number) => unknown) =>
	Array.from({ length: count }, (_, i) => ({ id: of(i) }));

export interface PacingSizes {
	nuvemshopBasic: number;
	nuvemshopX10: number;
	voucherifyBusiness: number;
	voucherifyOrganization: number;
	sellingPartner: number;
	ultraCart: number;
	mws: number;
}

export const DEFAULT_PACING_SIZES: PacingSizes = {
	nuvemshopBasic: 100,
	nuvemshopX10: 1000,
	voucherifyBusiness: 150,
	voucherifyOrganization: 400,
	sellingPartner: 20,
	ultraCart: 60,
	mws: 16,
};

export function pacingCases(sizes: PacingSizes): PacingCase[] {
	const nuv = provider('nuvemshop');
	const vf = provider('voucherify');
	const uc = provider('ultracart');
	const sp = provider('amazon-selling-partner');
	const mws = provider('amazon-mws');
	const ref = (c: { id: string; name: string }) => ({ id: c.id, name: c.name });

	const nuvemshop = (
		key: string,
		/** n8n credential id (16 characters): its own pacing bucket in n8n. */
		id: string,
		plan: string,
		bucket: number,
		drain: number,
		items: number,
		portOffset: number,
	): PacingCase => {
		const credential = {
			id,
			name: `Nuvemshop ${plan} (bench)`,
		};
		return {
			key,
			vendor: 'Nuvemshop',
			plan,
			limit: `leaky bucket of ${bucket}, drains ${drain}/s`,
			label: `Nuvemshop ${plan}: Update customer`,
			items,
			burst: bucket,
			ratePerSecond: drain,
			serial: false,
			portOffset,
			create: () => new nuv.Ctor({ bucketSize: bucket, drainPerSecond: drain }),
			prepare: (emu) => {
				emu.seed(items);
				return nuv.credential(emu, credential.id, credential.name);
			},
			input: () => ids(items, (i) => 1001 + i),
			workRequests: (emu) => emu.calls('updateCustomer'),
			applied: (emu) => emu.sideEffects('update'),
			node: {
				type: nuv.type,
				typeVersion: nuv.typeVersion,
				parameters: {
					resource: 'customer',
					operation: 'update',
					customerId: '={{ $json.id }}',
					updateFields: { note: 'bench' },
				},
				credentials: { nuvemshopApi: ref(credential) },
			},
		};
	};

	const voucherify = (
		key: string,
		id: string,
		plan: string,
		perMinute: number,
		items: number,
		portOffset: number,
	): PacingCase => {
		const credential = {
			id,
			name: `Voucherify ${plan} (bench)`,
		};
		return {
			key,
			vendor: 'Voucherify',
			plan,
			limit: `${perMinute.toLocaleString('en-US')} requests/minute`,
			label: `Voucherify ${plan}: Get customer`,
			items,
			burst: perMinute,
			ratePerSecond: perMinute / 60,
			serial: false,
			portOffset,
			create: () => new vf.Ctor({ requestsPerMinute: perMinute }),
			prepare: (emu) => {
				emu.seedDemoData();
				return vf.credential(emu, credential.id, credential.name);
			},
			input: (emu) => {
				const first = [...emu.customers.values()][0] as { id: string };
				return ids(items, () => first.id);
			},
			workRequests: (emu) => emu.requests.filter((r: { method: string }) => r.method === 'GET'),
			node: {
				type: vf.type,
				typeVersion: vf.typeVersion,
				parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
				credentials: { voucherifyApi: ref(credential) },
			},
		};
	};

	const spCredential = { id: 'benchSellingPtnr', name: 'Amazon SP-API (bench)' };
	const ucCredential = { id: 'benchUltraCart01', name: 'UltraCart (bench)' };
	const mwsCredential = { id: 'benchAmazonMws01', name: 'Amazon MWS (bench)' };
	return [
		nuvemshop('pace-nuvemshop-basic', 'benchNuvemBasic1', 'basic', 40, 2, sizes.nuvemshopBasic, 0),
		nuvemshop(
			'pace-nuvemshop-x10',
			'benchNuvemX10001',
			'×10 (Next, Evolution)',
			400,
			20,
			sizes.nuvemshopX10,
			1,
		),
		voucherify(
			'pace-voucherify-business',
			'benchVoucherBus1',
			'Business',
			100,
			sizes.voucherifyBusiness,
			2,
		),
		voucherify(
			'pace-voucherify-org',
			'benchVoucherOrg1',
			'Organization',
			2000,
			sizes.voucherifyOrganization,
			3,
		),
		{
			key: 'pace-sp-api',
			vendor: 'Amazon SP-API',
			plan: 'Messaging usage plan',
			limit: '1 request/s, burst 5, per operation',
			label: 'Amazon SP-API: Send confirm order details',
			items: sizes.sellingPartner,
			burst: 5,
			ratePerSecond: 1,
			serial: false,
			portOffset: 4,
			create: () => new sp.Ctor({}),
			prepare: (emu) => {
				emu.seedDemoData();
				return sp.credential(emu, spCredential.id, spCredential.name);
			},
			input: () => ids(sizes.sellingPartner, (i) => i + 1),
			workRequests: (emu) => emu.calls('createConfirmOrderDetails'),
			applied: (emu) => emu.sideEffects('message'),
			node: {
				type: sp.type,
				typeVersion: sp.typeVersion,
				parameters: {
					resource: 'message',
					operation: 'sendConfirmOrderDetails',
					amazonOrderId: sp.mod.SANDBOX_ORDER_OK,
					marketplaceId: 'ATVPDKIKX0DER',
					text: '=Order question {{ $json.id }}',
				},
				credentials: { amazonSellingPartnerApi: ref(spCredential) },
			},
		},
		{
			key: 'pace-ultracart',
			vendor: 'UltraCart',
			plan: 'standard',
			limit: '1,000 requests/hour, no concurrent requests',
			label: 'UltraCart: Get customer',
			items: sizes.ultraCart,
			burst: 1000,
			ratePerSecond: 1000 / 3600,
			serial: true,
			portOffset: 7,
			create: () => new uc.Ctor({}),
			prepare: (emu) => {
				emu.seedDemoData();
				return uc.credential(emu, ucCredential.id, ucCredential.name);
			},
			input: () => ids(sizes.ultraCart, () => '1001'),
			workRequests: (emu) => emu.calls('get_customer'),
			node: {
				type: uc.type,
				typeVersion: uc.typeVersion,
				parameters: {
					resource: 'customer',
					operation: 'get',
					customerProfileOid: '={{ $json.id }}',
				},
				credentials: { ultraCartApi: ref(ucCredential) },
			},
		},
		{
			key: 'pace-mws',
			vendor: 'Amazon MWS',
			plan: 'GetCustomersForCustomerId quota',
			limit: '15 at once, 1 restored every 12 s',
			label: 'Amazon MWS: Get customers by id',
			items: sizes.mws,
			burst: 15,
			ratePerSecond: 1 / 12,
			serial: false,
			portOffset: 8,
			create: () => new mws.Ctor({}),
			prepare: (emu) => {
				emu.seedDemoData();
				return mws.credential(emu, mwsCredential.id, mwsCredential.name);
			},
			input: () => ids(sizes.mws, (i) => `CUST${String((i % 25) + 1).padStart(5, '0')}`),
			workRequests: (emu) => emu.requests,
			node: {
				type: mws.type,
				typeVersion: mws.typeVersion,
				parameters: { resource: 'customer', operation: 'getByIds', customerIds: '={{ $json.id }}' },
				credentials: { amazonMwsApi: ref(mwsCredential) },
			},
		},
	];
}

/**
 * The time the vendor's limit allows for the work, in seconds: every request sent the moment the bucket allows it
 * (the burst at once, then one per 1/rate), the last answer one mean round trip later; for a vendor that refuses
 * concurrent requests, never less than one mean round trip per request.
 */
export function limitBoundSeconds(c: PacingCase, latency: Latency | undefined): number {
	const roundTrip = (latency?.meanMs ?? 0) / 1000;
	const byRate = Math.max(0, c.items - c.burst) / c.ratePerSecond + roundTrip;
	return c.serial ? Math.max(byRate, c.items * roundTrip) : byRate;
}

// ---------------------------------------------------------------- the workflow

/** One workflow with a webhook chain per case; the webhook answers with the last node's first item. */
export function benchWorkflow(cases: BenchCase[]): Workflow {
	const nodes: WorkflowNode[] = [];
	const connections: Workflow['connections'] = {};
	cases.forEach((c, row) => {
		const y = row * 200;
		const webhook = `Webhook ${c.key}`;
		const split = `Items ${c.key}`;
		nodes.push({
			id: crypto.randomUUID(),
			name: webhook,
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, y],
			webhookId: crypto.randomUUID(),
			parameters: {
				httpMethod: 'POST',
				path: webhookPath(c),
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				options: {},
			},
		});
		nodes.push({
			id: crypto.randomUUID(),
			name: split,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, y],
			parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
		});
		connections[webhook] = { main: [[{ node: split, type: 'main', index: 0 }]] };
		if (c.node) {
			nodes.push({
				id: crypto.randomUUID(),
				name: c.label.slice(0, 60),
				type: c.node.type,
				typeVersion: c.node.typeVersion,
				position: [440, y],
				parameters: c.node.parameters,
				...(c.node.credentials ? { credentials: c.node.credentials } : {}),
			});
			connections[split] = { main: [[{ node: c.label.slice(0, 60), type: 'main', index: 0 }]] };
		}
	});
	return {
		id: WORKFLOW_ID,
		name: 'Benchmarks (bench:n8n)',
		active: false,
		nodes,
		connections,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'none',
			saveManualExecutions: false,
		},
		pinData: {},
	};
}

export const webhookPath = (c: BenchCase): string => `bench-${c.key}`;
