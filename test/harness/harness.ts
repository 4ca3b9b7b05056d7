// Runs our nodes through n8n-core's real WorkflowExecute, in-process: a start node emitting test items, then the node under test.
import './env';

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	BinaryDataService,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';

// n8n-core resolves its own copy of @n8n/di: use that one, or its services are "not decorated".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(
	require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }),
) as typeof import('@n8n/di');
import { ItemsSource, registerItems, type SourceItem } from './items-source.node';

export { HarnessCredentialsHelper } from './credentials-helper';
export type { SourceItem } from './items-source.node';

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(name: string): INodeType {
		return this.getByNameAndVersion(name);
	}
	getByNameAndVersion(name: string): INodeType {
		const t = this.types[name];
		if (!t) throw new Error(`Unknown node type ${name}`);
		return t;
	}
	getKnownTypes(): IDataObject {
		return {};
	}
}

let binaryReady: Promise<void> | undefined;
function initBinaryData(): Promise<void> {
	binaryReady ??= Container.get(BinaryDataService).init();
	return binaryReady;
}

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** credential type name → credential id in the helper's store */
	credentials?: Record<string, string>;
	credentialsHelper: HarnessCredentialsHelper;
	input?: SourceItem[];
	continueOnFail?: boolean;
	/** Node-level retry settings (n8n's own "Retry On Fail"). */
	nodeSettings?: Partial<INode>;
	/** Stops the execution after this many ms, as the editor's Stop button does. */
	cancelAfterMs?: number;
	/** The workflow's time zone (Workflow Settings → Timezone, an IANA name); n8n's default America/New_York otherwise. */
	timezone?: string;
}

export interface NodeRun {
	run: IRun;
	status: IRun['status'];
	/** Output items of the node under test (first output). */
	items: INodeExecutionData[];
	/** Items n8n sent down the error output (node setting On Error: "Continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** The workflow error, when the node failed the workflow. */
	error: IRun['data']['resultData']['error'];
	/** Reads one output item's binary file. */
	binary(itemIndex: number, property?: string): Promise<Buffer>;
}

const UNDER_TEST = 'Node Under Test';

function additionalData(
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	return {
		hooks,
		credentialsHelper,
		executionId: 'exec-1',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		...Object.fromEntries(
			[
				'form',
				'formWaiting',
				'formTest',
				'webhook',
				'webhookWaiting',
				'webhookTest',
				'mcp',
				'mcpTest',
			].map((k) => [`${k}BaseUrl`, `${base}/${k}`]),
		),
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not supported in the harness');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('task runners are not supported in the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs [Items Source] → [node under test] through WorkflowExecute and returns what a user would see. */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	await initBinaryData();
	const { node: underTest, typeName } = testNode(options, 'under-test', UNDER_TEST, [200, 0]);
	const nodeTypes = new NodeTypes({
		'test.itemsSource': new ItemsSource(),
		[typeName]: options.nodeType,
	});
	const itemsId = registerItems(options.input ?? [{ json: {} }]);
	const nodes: INode[] = [
		{
			id: 'source',
			name: 'Items Source',
			type: 'test.itemsSource',
			typeVersion: 1,
			position: [0, 0],
			parameters: { itemsId },
		},
		{
			...underTest,
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...options.nodeSettings,
		},
	];
	const connections = {
		'Items Source': { main: [[{ node: UNDER_TEST, type: 'main' as const, index: 0 }]] },
	};
	// getTimezone() reads workflow.timezone, which the Workflow takes from settings.timezone
	const settings = {
		executionOrder: 'v1' as const,
		...(options.timezone ? { timezone: options.timezone } : {}),
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings,
	});
	const hooks = lifecycleHooks('manual', 'exec-1', {
		id: 'wf-test',
		name: 'test',
		nodes,
		connections,
		active: false,
	});
	const execution = new WorkflowExecute(
		additionalData(options.credentialsHelper, hooks),
		'manual',
	).run({
		workflow,
		startNode: workflow.getNode('Items Source')!,
	});
	const cancelTimer =
		options.cancelAfterMs !== undefined
			? setTimeout(() => execution.cancel(), options.cancelAfterMs)
			: undefined;
	const run = await execution;
	clearTimeout(cancelTimer);
	const outputs = run.data.resultData.runData[UNDER_TEST]?.[0]?.data?.main ?? [];
	const items = outputs[0] ?? [];
	return {
		run,
		status: run.status,
		items,
		errorItems: options.nodeSettings?.onError === 'continueErrorOutput' ? (outputs[1] ?? []) : [],
		error: run.data.resultData.error,
		binary: async (itemIndex, property = 'data') => {
			const data = items[itemIndex]?.binary?.[property];
			if (!data) throw new Error(`item ${itemIndex} has no binary property ${property}`);
			return await Container.get(BinaryDataService).getAsBuffer(data);
		},
	};
}

export interface Poller {
	/** Runs the trigger's poll() once, as n8n's poll scheduler does; null means "nothing new". */
	poll(): Promise<INodeExecutionData[] | null>;
	/** The trigger's stored state (getWorkflowStaticData('node')). */
	staticData(): IDataObject;
}

/** The node under test in its newest version, with its parameters and credentials (type name → credential id). */
function testNode(
	options: {
		nodeType: INodeType;
		parameters: INodeParameters;
		credentials?: Record<string, string>;
	},
	id: string,
	name: string,
	position: [number, number] = [0, 0],
): { node: INode; typeName: string } {
	const description = options.nodeType.description as INodeTypeDescription;
	const typeName = `test.${description.name}`;
	const node: INode = {
		id,
		name,
		type: typeName,
		typeVersion: Array.isArray(description.version)
			? Math.max(...description.version)
			: description.version,
		position,
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.entries(options.credentials ?? {}).map(([type, credentialId]) => [
				type,
				{ id: credentialId, name: credentialId },
			]),
		),
	};
	return { node, typeName };
}

/** The node under test as the only node of a workflow (a trigger, or a node open in the editor). */
function aloneNode(
	options: {
		nodeType: INodeType;
		parameters: INodeParameters;
		credentials?: Record<string, string>;
	},
	id: string,
	name: string,
) {
	const { node, typeName } = testNode(options, id, name);
	return { node, nodeTypes: new NodeTypes({ [typeName]: options.nodeType }) };
}

function lifecycleHooks(
	mode: 'manual' | 'trigger',
	executionId: string,
	workflow: {
		id: string;
		name: string;
		nodes: INode[];
		connections: IConnections;
		active: boolean;
	},
): ExecutionLifecycleHooks {
	const now = new Date();
	return new ExecutionLifecycleHooks(mode, executionId, {
		...workflow,
		settings: {},
		createdAt: now,
		updatedAt: now,
		isArchived: false,
		activeVersionId: null,
	} as never);
}

/** Sets up a polling trigger in an (active or manual) workflow whose static data persists between polls. */
export async function pollingTrigger(options: {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, string>;
	credentialsHelper: HarnessCredentialsHelper;
	mode?: 'trigger' | 'manual';
}): Promise<Poller> {
	await initBinaryData();
	const { node, nodeTypes } = aloneNode(options, 'trigger', 'Trigger');
	const workflow = new Workflow({
		id: 'wf-poll',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
	});
	const hooks = lifecycleHooks('trigger', 'exec-poll', {
		id: 'wf-poll',
		name: 'poll',
		nodes: [node],
		connections: {},
		active: true,
	});
	const data = additionalData(options.credentialsHelper, hooks);
	const mode = options.mode ?? 'trigger';
	return {
		poll: async () => {
			const context = new PollContext(
				workflow,
				workflow.getNode('Trigger')!,
				data,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
			);
			const result = await options.nodeType.poll!.call(context);
			return result?.[0] ?? null;
		},
		staticData: () => workflow.getStaticData('node', workflow.getNode('Trigger')!) as IDataObject,
	};
}

export interface WebhookDeliveryResult {
	/** What the trigger answered the vendor. */
	status: number;
	body: string;
	/** The items the execution started with, or undefined when no execution started. */
	items?: INodeExecutionData[];
}

export interface WebhookTriggerUnderTest {
	/** The URL the trigger registers at the vendor (n8n's Production URL, or the Test URL in 'manual' mode). */
	url: string;
	port: number;
	/** Publishing the workflow: n8n calls checkExists(), then create() when it said false. Returns whether create() ran. */
	activate(): Promise<boolean>;
	/** Unpublishing: n8n calls delete(). */
	deactivate(): Promise<boolean>;
	/** Every delivery that reached n8n's webhook endpoint, in order. */
	deliveries: WebhookDeliveryResult[];
	/** Deliveries that started an execution. */
	executions(): INodeExecutionData[][];
	staticData(): IDataObject;
	/** Waits until every request that reached the endpoint has finished webhook(), work after an early answer included. */
	idle(): Promise<void>;
	/** Calls the webhook endpoint as a vendor (or a forger) would. */
	post(body: string | Buffer, headers?: Record<string, string>): Promise<WebhookDeliveryResult>;
	stop(): Promise<void>;
}

/**
 * A webhook trigger in a workflow as n8n runs it: its webhook methods through n8n-core's HookContext, and an HTTP
 * endpoint on 127.0.0.1 standing in for n8n's /webhook route, which keeps the raw body, runs webhook() through
 * n8n-core's WebhookContext and answers as n8n does (n8n's own answer unless the node answered itself).
 */
export async function webhookTrigger(options: {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, string>;
	credentialsHelper: HarnessCredentialsHelper;
	/** 'manual' is the editor's Listen for Test Event, on the Test URL. */
	mode?: 'trigger' | 'manual';
	/** Static data the workflow already holds (a restart of n8n keeps it). */
	staticData?: IDataObject;
	/** The port of an earlier instance, so a restarted n8n has the same webhook URL. */
	port?: number;
}): Promise<WebhookTriggerUnderTest> {
	await initBinaryData();
	const mode = options.mode ?? 'trigger';
	const { node, nodeTypes } = aloneNode(options, 'trigger', 'Trigger');
	node.webhookId = 'b0e4f7c2-5d1a-4c1e-9f55-0c1f3a6e7d21';
	const workflow = new Workflow({
		id: 'wf-hook',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
		nodeTypes,
		staticData: options.staticData ?? {},
	});
	const hooks = lifecycleHooks(mode, 'exec-hook', {
		id: 'wf-hook',
		name: 'hook',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
	});
	const deliveries: WebhookDeliveryResult[] = [];
	let inFlight = 0;
	const server = createServer((req, res) => {
		inFlight++;
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const result = await deliver(Buffer.concat(chunks), req, res);
				deliveries.push(result);
				inFlight--;
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const data = {
		...additionalData(options.credentialsHelper, hooks),
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
	} as IWorkflowExecuteAdditionalData;
	const description = (options.nodeType.description.webhooks ?? [])[0];
	if (!description) throw new Error(`${node.type} describes no webhook`);
	const webhookData = {
		httpMethod: description.httpMethod,
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: data,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
	} as unknown as IWebhookData;
	const methods = options.nodeType.webhookMethods?.[description.name];
	// n8n registers test webhooks in 'manual' mode but removes every webhook, test or production, in 'internal' mode
	// (active-workflow-manager.js, test-webhooks.js): only the URL tells a test registration from a production one.
	const hookContext = (removing = false) =>
		new HookContext(
			workflow,
			workflow.getNode('Trigger')!,
			data,
			removing ? 'internal' : mode,
			removing ? 'update' : mode === 'manual' ? 'manual' : 'activate',
			webhookData,
		);

	async function deliver(
		rawBody: Buffer,
		req: IncomingMessage,
		res: ServerResponse,
	): Promise<WebhookDeliveryResult> {
		let answeredBody = '';
		const response = Object.assign(res, {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			json(value: unknown) {
				res.setHeader('content-type', 'application/json');
				answeredBody = JSON.stringify(value);
				res.end(answeredBody);
				return response;
			},
			send(value: unknown) {
				answeredBody = typeof value === 'string' ? value : JSON.stringify(value);
				res.end(answeredBody);
				return response;
			},
		});
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const request = Object.assign(req, { body, rawBody, query: {}, params: {} });
		const context = new WebhookContext(
			workflow,
			workflow.getNode('Trigger')!,
			{
				...data,
				httpRequest: request,
				httpResponse: response,
			} as unknown as IWorkflowExecuteAdditionalData,
			mode,
			webhookData,
			[],
			null,
		);
		let items: INodeExecutionData[] | undefined;
		try {
			const result = await options.nodeType.webhook!.call(context);
			items = result.workflowData?.[0];
			if (!result.noWebhookResponse && !res.headersSent) {
				response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
			}
		} catch (error) {
			// n8n answers 500 and records a failed execution
			if (!res.headersSent) response.status(500).json({ message: (error as Error).message });
		}
		if (!res.writableEnded) res.end();
		return { status: res.statusCode, body: answeredBody, items };
	}

	return {
		url: `${base}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${node.webhookId}/${String(description.path)}`,
		port: (server.address() as AddressInfo).port,
		activate: async () => {
			if (!methods) throw new Error(`${node.type} has no webhook methods`);
			if (await methods.checkExists.call(hookContext())) return false;
			await methods.create.call(hookContext());
			return true;
		},
		deactivate: async () => {
			if (!methods) throw new Error(`${node.type} has no webhook methods`);
			return await methods.delete.call(hookContext(true));
		},
		deliveries,
		executions: () => deliveries.flatMap((d) => (d.items ? [d.items] : [])),
		staticData: () => workflow.getStaticData('node', workflow.getNode('Trigger')!) as IDataObject,
		idle: async () => {
			while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
		},
		post: async (body, headers = {}) => {
			const count = deliveries.length;
			const answer = await fetch(
				`${base}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${node.webhookId}/${String(description.path)}`,
				{ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body },
			);
			await answer.arrayBuffer();
			// the record is pushed when webhook() has returned, which may be after the early answer
			while (deliveries.length === count) await new Promise((resolve) => setTimeout(resolve, 5));
			return deliveries[deliveries.length - 1];
		},
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Runs one of the node's loadOptions methods as the editor does: n8n-core's LoadOptionsContext on the node's current parameters. */
export async function loadOptions(options: {
	nodeType: INodeType;
	method: string;
	parameters: INodeParameters;
	credentials?: Record<string, string>;
	credentialsHelper: HarnessCredentialsHelper;
}) {
	await initBinaryData();
	const { node, nodeTypes } = aloneNode(options, 'editor', 'Node In Editor');
	const workflow = new Workflow({
		id: 'wf-editor',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const hooks = lifecycleHooks('manual', 'exec-editor', {
		id: 'wf-editor',
		name: 'editor',
		nodes: [node],
		connections: {},
		active: false,
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData(options.credentialsHelper, hooks),
		`parameters.${options.method}`,
	);
	const method = options.nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`${node.type} has no loadOptions method ${options.method}`);
	return await method.call(context);
}

/** Resolves `={{ … }}` expressions against $credentials, as n8n does for credential test requests. */
export function resolveCredentialExpressions<T>(
	value: T,
	credentials: ICredentialDataDecryptedObject,
): T {
	const node: INode = {
		id: 'n',
		name: 'n',
		type: 'test.itemsSource',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ 'test.itemsSource': new ItemsSource() }),
	});
	const resolve = (v: unknown): unknown => {
		if (typeof v === 'string' && v.startsWith('='))
			return workflow.expression.getSimpleParameterValue(
				node,
				v,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		if (Array.isArray(v)) return v.map(resolve);
		if (v && typeof v === 'object')
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
		return v;
	};
	return resolve(value) as T;
}

const probeRequests = new Map<string, { credentialType: string; request: IHttpRequestOptions }>();

/** Test-only node that sends a credential type's `test.request` through httpRequestWithAuthentication. */
class CredentialTestProbe implements INodeType {
	constructor(private readonly credentialType: ICredentialType) {}
	get description(): INodeTypeDescription {
		return {
			displayName: 'Credential Test Probe',
			name: 'credentialTestProbe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: this.credentialType.name, required: true }],
			properties: [{ displayName: 'Probe', name: 'probeId', type: 'string', default: '' }],
		};
	}
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const probe = probeRequests.get(this.getNodeParameter('probeId', 0) as string)!;
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			probe.credentialType,
			{ ...probe.request, returnFullResponse: true, json: true },
		)) as {
			statusCode: number;
			body: IDataObject;
		};
		return [
			[{ json: { statusCode: response.statusCode, body: response.body }, pairedItem: { item: 0 } }],
		];
	}
}

/**
 * Runs a credential's Test as n8n's Test button does: the type's `test.request` (expressions resolved against
 * the credential), with preAuthentication and authenticate applied. Resolves `{ ok, message }`.
 */
export async function testCredential(
	credentialsHelper: HarnessCredentialsHelper,
	credentialType: ICredentialType,
	credentialId: string,
): Promise<{ ok: boolean; message: string; statusCode?: number }> {
	const stored = credentialsHelper.store.get(credentialId);
	if (!stored) throw new Error(`no credential ${credentialId}`);
	const test = credentialType.test;
	if (!test) throw new Error(`${credentialType.name} has no test request`);
	const data = await credentialsHelper.getDecrypted(
		{} as IWorkflowExecuteAdditionalData,
		{ id: credentialId, name: credentialId },
		credentialType.name,
		'manual',
	);
	const request = resolveCredentialExpressions(test.request as IHttpRequestOptions, data);
	// A Test always re-runs preAuthentication, as the CLI's tester does: clear the expirable field.
	const expirable = credentialType.properties.find(
		(p) => p.type === 'hidden' && p.typeOptions?.expirable,
	);
	if (expirable) stored.data[expirable.name] = '';
	const probeId = `probe-${probeRequests.size + 1}`;
	probeRequests.set(probeId, { credentialType: credentialType.name, request });
	const result = await runNode({
		nodeType: new CredentialTestProbe(credentialType),
		parameters: { probeId },
		credentials: { [credentialType.name]: credentialId },
		credentialsHelper,
	});
	// As n8n's credentials tester: a failed answer whose status has a responseCode rule shows that rule's message.
	const ruleFor = (statusCode: number) =>
		test.rules?.find(
			(rule) => rule.type === 'responseCode' && rule.properties.value === statusCode,
		);
	if (result.status !== 'success') {
		const statusCode =
			Number((result.error as { httpCode?: string } | undefined)?.httpCode) || undefined;
		const rule = statusCode ? ruleFor(statusCode) : undefined;
		if (rule?.type === 'responseCode')
			return { ok: false, message: rule.properties.message, statusCode };
		return {
			ok: false,
			message:
				String(result.error?.message ?? 'failed') +
				(result.error?.description ? ` ${result.error.description}` : ''),
			statusCode,
		};
	}
	const { statusCode, body } = result.items[0].json as { statusCode: number; body: IDataObject };
	const rule = ruleFor(statusCode);
	if (statusCode >= 300 && rule?.type === 'responseCode')
		return { ok: false, message: rule.properties.message, statusCode };
	for (const successRule of test.rules ?? []) {
		if (successRule.type === 'responseSuccessBody') {
			const key = successRule.properties.key
				.split('.')
				.reduce<unknown>((o, k) => (o as IDataObject | undefined)?.[k], body);
			if (key === successRule.properties.value)
				return { ok: false, message: successRule.properties.message, statusCode };
		}
	}
	return { ok: true, message: 'Connection tested successfully', statusCode };
}

/** A credentials helper holding the given credentials. */
export function credentialsStore(
	types: ICredentialType[],
	credentials: Record<string, { type: string; data: ICredentialDataDecryptedObject }>,
): HarnessCredentialsHelper {
	const helper = new HarnessCredentialsHelper(types);
	for (const [id, c] of Object.entries(credentials))
		helper.store.set(id, { type: c.type, data: { ...c.data } });
	return helper;
}

/** Every string in an object graph, for checking that no secret leaked into output or errors. */
export function everyString(
	value: unknown,
	out: string[] = [],
	seen = new Set<unknown>(),
): string[] {
	if (typeof value === 'string') out.push(value);
	else if (value && typeof value === 'object' && !seen.has(value)) {
		seen.add(value);
		if (value instanceof Error) {
			out.push(value.message, String(value.stack ?? ''));
			for (const key of Object.getOwnPropertyNames(value))
				everyString((value as unknown as IDataObject)[key], out, seen);
		}
		for (const v of Object.values(value)) everyString(v, out, seen);
	}
	return out;
}
