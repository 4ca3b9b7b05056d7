/**
 * Our nodes as tools of n8n's own AI Agent, inside the real n8n: an AI Agent with the OpenAI Chat Model node, whose
 * `openAiApi` credential points at the chat model emulator (scripts/lib/chat-model-emulator.ts, on loopback), and
 * our five tools attached (scripts/lib/agent-tools.ts; parameters filled by the model through `$fromAI()`).
 *
 * Each case is one workflow run with `n8n execute`: the scripted model calls a tool with the arguments the case
 * names and answers by quoting the tool's result. The case checks what the vendor's emulator received, that the
 * agent's answer carries the vendor's data, and what the agent sent the model (the tools' names, descriptions and
 * JSON schemas; the tool results, errors included). Two cases send a bad call first (an empty `{}`, an address
 * nobody has) and then a good one: the run must end with the good result. Finally the example
 * `examples/ask-about-a-customer.json` (chat trigger → agent → our tools) answers a chat message over its webhook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	AMAZON_MESSAGE_TYPES,
	AGENT_TOOLS,
	MWS_STATUS,
	SEARCH_NUVEMSHOP,
	toolNameOf,
	ULTRACART_BY_EMAIL,
	UPSERT_VOUCHERIFY,
	type AgentToolSpec,
} from '../lib/agent-tools';
import {
	AGENT_NODE,
	agentWorkflow,
	CHAT_MODEL_API_KEY,
	CHAT_MODEL_PORT_OFFSET,
	chatModelCredential,
	CHAT_TRIGGER,
	DEMO_SCRIPTS,
	demoFallback,
	EXAMPLE_AGENT_ID,
	EXAMPLE_LOYALTY_TOOL,
	EXAMPLE_SHOP_TOOL,
} from '../lib/agent-workflows';
import {
	ChatModelEmulator,
	toolResultsIn,
	type ChatScript,
	type RecordedRequest,
	type ScriptTurn,
	type ToolResult,
} from '../lib/chat-model-emulator';
import { cliOrThrow, url, type Instance } from '../lib/n8n';
import type { AnyEmulator, DemoCredential } from '../lib/providers';
import type { Stack } from '../lib/stack';
import { nodeDescription, workflowId, type Workflow, type WorkflowNode } from '../lib/workflows';
import { exampleWorkflows } from './examples';
import { itemsOf, type WorkflowRunner } from './execute';
import { noteOutbound } from './outbound';
import { check, log, record } from './report';
import { ARTIFACTS, CASE_FILTER, EMULATOR_BASE, PORT } from './settings';

/** What a case may look at once its run ended. */
interface CaseContext {
	/** The agent's final answer (its output item's `output`). */
	output: string;
	/** The requests each vendor emulator received during this case, by provider key. */
	sent: (
		provider: string,
		operation?: string,
	) => Array<{ path: string; query: string; body: string }>;
	emulators: Record<string, AnyEmulator>;
	/** Every chat completion request the agent made for this case's prompt. */
	conversation: RecordedRequest[];
	/** The tool results the agent sent the model, in order. */
	toolResults: ToolResult[];
}

interface AgentCase {
	name: string;
	prompt: string;
	turns: ScriptTurn[];
	/** Test setup on the emulators before the run. */
	prepare?: (emulators: Record<string, AnyEmulator>) => void;
	check: (c: CaseContext) => string | undefined;
}

export interface AgentPlan {
	model: ChatModelEmulator;
	modelCredential: DemoCredential;
	cases: Array<{ c: AgentCase; workflow: Workflow }>;
	/** The example with its Chat Trigger public (the shipped one answers only the editor's chat), published. */
	chatExample?: { workflow: Workflow; webhookId: string };
	credentials: DemoCredential[];
}

const ARTIFACT_DIR = path.join(ARTIFACTS, 'agents');
const MAX_ERROR_LENGTH = 300;

/** The final answer: what the last tool call returned, quoted as the model received it. */
const quoteLastResult = (results: ToolResult[]): string => {
	const last = results[results.length - 1];
	return last ? `${last.tool} returned: ${last.content.slice(0, 3000)}` : 'No tool was called.';
};

const call = (tool: AgentToolSpec, args: Record<string, unknown>): ScriptTurn => ({
	call: [{ tool: toolNameOf(tool.nodeName), arguments: args }],
});
const answer: ScriptTurn = { answer: (results) => quoteLastResult(results) };

const contains = (output: string, ...values: Array<string | number>): string | undefined => {
	const missing = values.map(String).filter((v) => !output.includes(v));
	return missing.length
		? `the agent's answer lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}: ${output.slice(0, 400)}`
		: undefined;
};

/** Equal as JSON objects, whatever the order of their keys. */
const sameJson = (a: unknown, b: unknown): boolean => {
	const canonical = (v: unknown): unknown =>
		Array.isArray(v)
			? v.map(canonical)
			: v && typeof v === 'object'
				? Object.fromEntries(
						Object.keys(v)
							.sort()
							.map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
					)
				: v;
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
};

const first = (...problems: Array<() => string | undefined>): string | undefined => {
	for (const p of problems) {
		const problem = p();
		if (problem) return problem;
	}
	return undefined;
};

/** A tool result the model must be able to act on: an error, short, saying what is wrong. */
const shortError = (result: ToolResult | undefined, mentions: RegExp): string | undefined => {
	if (!result) return 'the model never got this tool result';
	// n8n sends a failed tool's output item: [{ "error": "<the node error's message>" }]
	const json = Array.isArray(result.json) ? result.json[0] : result.json;
	const error = (json as { error?: unknown } | undefined)?.error;
	if (typeof error !== 'string')
		return `expected an error for the model, it got: ${result.content.slice(0, 300)}`;
	if (!mentions.test(error)) return `the error does not say ${mentions}: ${error}`;
	if (error.length > MAX_ERROR_LENGTH)
		return `the error is ${error.length} characters long (at most ${MAX_ERROR_LENGTH}): ${error}`;
	return undefined;
};

/** The published Nuvemshop trigger workflows poll the same endpoint meanwhile, always with a created/updated window. */
const notTriggerPoll = (r: { query: string }) => !/(?:created|updated)_at_min=/.test(r.query);

const JANE = 'jane.doe@example.com';
const AMAZON_ORDER = '902-3159896-1390916';
const LINUS = {
	source_id: 'linus.pauling@example.com',
	name: 'Linus Pauling',
	email: 'linus.pauling@example.com',
};
const MARIE = {
	source_id: 'marie.curie@example.com',
	name: 'Marie Curie',
	email: 'marie.curie@example.com',
};

const ultraCartOid = (emulators: Record<string, AnyEmulator>, email: string): number | undefined =>
	[...emulators.ultracart.customers.values()].find((c: { email?: string }) => c.email === email)
		?.customer_profile_oid;
const voucherifyIdOf = (
	emulators: Record<string, AnyEmulator>,
	sourceId: string,
): string | undefined =>
	[...emulators.voucherify.customers.values()].find(
		(c: { source_id?: string }) => c.source_id === sourceId,
	)?.id;

function agentCases(): AgentCase[] {
	return [
		{
			name: 'Nuvemshop Get Many customers with the search text the model gives',
			prompt: 'Find the shop customer Ana Souza.',
			turns: [call(SEARCH_NUVEMSHOP, { search_text: 'Ana Souza' }), answer],
			check: ({ sent, output }) => {
				const list = sent('nuvemshop', 'listCustomers').filter(notTriggerPoll);
				if (list.length !== 1) return `Nuvemshop received ${list.length} list requests, expected 1`;
				const q = new URLSearchParams(list[0].query).get('q');
				if (q !== 'Ana Souza')
					return `Nuvemshop was asked for q=${JSON.stringify(q)}, expected "Ana Souza"`;
				return contains(output, 'ana.souza@example.com.br', '1001');
			},
		},
		{
			name: 'Nuvemshop Get Many customers when the model leaves the optional search text out',
			prompt: 'List the newest shop customers.',
			turns: [call(SEARCH_NUVEMSHOP, {}), answer],
			check: ({ sent, output }) => {
				const list = sent('nuvemshop', 'listCustomers').filter(notTriggerPoll);
				if (list.length !== 1) return `Nuvemshop received ${list.length} list requests, expected 1`;
				if (new URLSearchParams(list[0].query).has('q'))
					return `Nuvemshop was sent a search text the model never gave: ${list[0].query}`;
				return contains(output, 'ana.souza@example.com.br');
			},
		},
		{
			name: 'Voucherify Create or Update a customer with the source ID, name and email the model gives',
			prompt: `Add Linus Pauling (${LINUS.email}) to the loyalty program.`,
			turns: [call(UPSERT_VOUCHERIFY, LINUS), answer],
			check: ({ sent, output, emulators }) => {
				const created = sent('voucherify', 'create-customer');
				if (created.length !== 1)
					return `Voucherify received ${created.length} create requests, expected 1`;
				const body = JSON.parse(created[0].body) as Record<string, unknown>;
				if (!sameJson(body, LINUS))
					return `Voucherify received ${created[0].body}, expected ${JSON.stringify(LINUS)}`;
				const id = voucherifyIdOf(emulators, LINUS.source_id);
				return id ? contains(output, id) : 'Voucherify has no customer with that source ID';
			},
		},
		{
			name: 'UltraCart Get by Email with the address the model gives',
			prompt: `What does UltraCart know about ${JANE}?`,
			turns: [call(ULTRACART_BY_EMAIL, { email: JANE }), answer],
			check: ({ sent, output, emulators }) => {
				const got = sent('ultracart', 'get_customer_by_email');
				const expected = '/rest/v2/customer/customers/by_email/jane.doe%40example.com';
				if (got.length !== 1 || got[0].path !== expected)
					return `UltraCart received ${JSON.stringify(got.map((g) => g.path))}, expected ["${expected}"]`;
				return contains(output, ultraCartOid(emulators, JANE) ?? 'the customer id');
			},
		},
		{
			name: 'Amazon Selling Partner Get Allowed Message Types for the order the model gives',
			prompt: `Which messages may I send the buyer of Amazon order ${AMAZON_ORDER}?`,
			turns: [call(AMAZON_MESSAGE_TYPES, { order_id: AMAZON_ORDER }), answer],
			check: ({ sent, output }) => {
				const got = sent('amazon-selling-partner', 'getMessagingActionsForOrder');
				if (got.length !== 1 || got[0].path !== `/messaging/v1/orders/${AMAZON_ORDER}`)
					return `Amazon received ${JSON.stringify(got.map((g) => g.path))}, expected the order's path once`;
				if (new URLSearchParams(got[0].query).get('marketplaceIds') !== 'ATVPDKIKX0DER')
					return `Amazon was asked about marketplace ${got[0].query}`;
				return contains(output, 'invoice', 'warranty', 'legalDisclosure');
			},
		},
		{
			name: 'Amazon MWS Get Status, a tool with nothing to fill',
			prompt: 'Is the Amazon MWS Customer Information API up?',
			turns: [call(MWS_STATUS, {}), answer],
			// test setup: the GetServiceStatus quota (2, one back every 5 minutes) as after a pause, whatever ran before
			prepare: (emulators) => emulators['amazon-mws'].refillQuotas(),
			check: ({ sent, output }) => {
				const got = sent('amazon-mws').filter((r) => r.body.includes('Action=GetServiceStatus'));
				if (got.length !== 1)
					return `MWS received ${got.length} GetServiceStatus requests, expected 1`;
				return contains(output, 'GREEN');
			},
		},
		{
			name: 'UltraCart: a bad call ({}), then an address nobody has, then the right one: the run ends with the customer',
			prompt: 'Look up the UltraCart customer Jane Doe.',
			turns: [
				call(ULTRACART_BY_EMAIL, {}),
				call(ULTRACART_BY_EMAIL, { email: 'nobody@example.com' }),
				call(ULTRACART_BY_EMAIL, { email: JANE }),
				answer,
			],
			check: ({ sent, output, emulators, toolResults }) =>
				first(
					() =>
						toolResults.length === 3
							? undefined
							: `the model got ${toolResults.length} tool results, expected 3`,
					() => shortError(toolResults[0], /"Email" is empty/),
					() => shortError(toolResults[1], /not found|does not exist|no customer/i),
					() =>
						(toolResults[2]?.content ?? '').includes(JANE)
							? undefined
							: `the third call did not give the model the customer: ${toolResults[2]?.content.slice(0, 300)}`,
					() => {
						const got = sent('ultracart', 'get_customer_by_email').map((g) =>
							g.path.split('/').pop(),
						);
						return JSON.stringify(got) ===
							JSON.stringify(['nobody%40example.com', 'jane.doe%40example.com'])
							? undefined
							: `UltraCart received ${JSON.stringify(got)}; the empty call must send nothing`;
					},
					() => contains(output, ultraCartOid(emulators, JANE) ?? 'the customer id'),
					() =>
						output.includes('"error"')
							? `the final answer is an error: ${output.slice(0, 300)}`
							: undefined,
				),
		},
		{
			name: 'Voucherify: an empty {} call creates nobody, the model corrects it, the customer is created',
			prompt: `Sign Marie Curie up for the loyalty program: ${MARIE.email}.`,
			turns: [call(UPSERT_VOUCHERIFY, {}), call(UPSERT_VOUCHERIFY, MARIE), answer],
			check: ({ sent, output, emulators, toolResults }) =>
				first(
					() => shortError(toolResults[0], /give a source ID or at least one field/),
					() =>
						voucherifyIdOf(emulators, 'undefined')
							? 'the empty call created a customer with the source ID "undefined"'
							: undefined,
					() => {
						const created = sent('voucherify', 'create-customer').map((r) => r.body);
						return created.length === 1 && sameJson(JSON.parse(created[0]), MARIE)
							? undefined
							: `Voucherify received ${JSON.stringify(created)}, expected one create of Marie Curie`;
					},
					() => contains(output, voucherifyIdOf(emulators, MARIE.source_id) ?? 'the customer id'),
				),
		},
	];
}

/** Starts the chat model emulator and builds the cases' workflows; the credentials they use are imported with them. */
export async function planAgents(stack: Stack): Promise<AgentPlan | undefined> {
	const byProvider = Object.fromEntries(stack.running.map((r) => [r.provider.key, r]));
	const missing = AGENT_TOOLS.filter((t) => !byProvider[t.provider]).map((t) => t.provider);
	if (missing.length) {
		record('AI Agent cases can run', false, `no emulator for ${missing.join(', ')}`, 0);
		return undefined;
	}
	const cases = agentCases().filter(
		(c) => !CASE_FILTER || `agent: ${c.name}`.includes(CASE_FILTER),
	);
	const model = new ChatModelEmulator({
		apiKey: CHAT_MODEL_API_KEY,
		scripts: [
			...cases.map<ChatScript>((c) => ({
				name: c.name,
				matches: (m) => m === c.prompt,
				turns: c.turns,
			})),
			...DEMO_SCRIPTS,
		],
		fallback: demoFallback,
	});
	await model.start(EMULATOR_BASE + CHAT_MODEL_PORT_OFFSET);
	log(`chat model emulator: ${model.baseUrl}`);
	const modelCredential = chatModelCredential(model.baseUrl);
	const tools = AGENT_TOOLS.map((spec) => ({
		spec,
		credential: byProvider[spec.provider].credentials[0],
	}));
	const planned = cases.map((c) => ({
		c,
		workflow: agentWorkflow({
			id: workflowId(`e2e agent ${c.name}`),
			name: `E2E agent: ${c.name}`,
			prompt: c.prompt,
			tools,
			model: modelCredential,
		}),
	}));
	const example = exampleWorkflows().find((w) => w.id === EXAMPLE_AGENT_ID);
	let chatExample: AgentPlan['chatExample'];
	if (!example)
		record(
			'the AI Agent example exists',
			false,
			`examples/ has no workflow ${EXAMPLE_AGENT_ID}`,
			0,
		);
	else {
		const webhookId = '5f0c2a8e-4b1d-4c3e-9a7f-2d6b8e1ce2e0';
		const copy = JSON.parse(JSON.stringify(example)) as Workflow;
		copy.id = 'e2eAskCustomerPb';
		copy.name = `${example.name} (public chat, e2e)`;
		const trigger = copy.nodes.find((n) => n.name === CHAT_TRIGGER) as WorkflowNode;
		trigger.webhookId = webhookId;
		trigger.parameters = {
			...trigger.parameters,
			public: true,
			mode: 'hostedChat',
			authentication: 'none',
		};
		chatExample = { workflow: copy, webhookId };
	}
	const credentials = [
		...new Map(tools.map((t) => [t.credential.id, t.credential])).values(),
		modelCredential,
	];
	return { model, modelCredential, cases: planned, chatExample, credentials };
}

/** Imports the cases' workflows and credentials and publishes the public copy of the chat example (before n8n starts). */
export async function importAgents(inst: Instance, plan: AgentPlan): Promise<void> {
	const credsFile = path.join(inst.home, 'agent-credentials.json');
	const wfFile = path.join(inst.home, 'agent-workflows.json');
	fs.writeFileSync(
		credsFile,
		JSON.stringify(plan.credentials.map(({ id, name, type, data }) => ({ id, name, type, data }))),
	);
	const workflows = [
		...plan.cases.map((p) => p.workflow),
		...(plan.chatExample ? [plan.chatExample.workflow] : []),
	];
	fs.writeFileSync(wfFile, JSON.stringify(workflows, null, 2));
	try {
		await check(
			`n8n imports ${plan.cases.length} AI Agent workflows${plan.chatExample ? ' and the public chat example' : ''} with the chat model's credential`,
			async () => {
				noteOutbound(
					'n8n import:credentials',
					(await cliOrThrow(inst, ['import:credentials', `--input=${credsFile}`], PORT + 11))
						.stderr,
				);
				noteOutbound(
					'n8n import:workflow',
					(await cliOrThrow(inst, ['import:workflow', `--input=${wfFile}`], PORT + 12)).stderr,
				);
				if (plan.chatExample)
					await cliOrThrow(
						inst,
						['publish:workflow', `--id=${plan.chatExample.workflow.id}`],
						PORT + 14,
					);
			},
		);
	} finally {
		fs.rmSync(credsFile, { force: true });
	}
}

/** The requests an emulator holds (SP-API's LWA and S3 apart). */
const requestsOf = (
	emulator: AnyEmulator,
): Array<{ path: string; query: string; body: string; operation?: string }> =>
	emulator.requests ?? [];

/** Runs every case with `n8n execute`, then checks the tools as the model saw them and the chat example. */
export async function checkAgents(
	plan: AgentPlan,
	stack: Stack,
	runner: WorkflowRunner,
	inst: Instance,
): Promise<void> {
	fs.mkdirSync(ARTIFACT_DIR, { recursive: true });
	const emulators = Object.fromEntries(stack.running.map((r) => [r.provider.key, r.emulator]));
	log(`running ${plan.cases.length} AI Agent workflows with n8n execute`);
	for (const { c, workflow } of plan.cases) {
		await check(`agent: ${c.name}`, async () => {
			c.prepare?.(emulators);
			const before = Object.fromEntries(
				Object.entries(emulators).map(([key, e]) => [key, requestsOf(e).length]),
			);
			const { runData, problem } = await runner.execute(workflow.id);
			const conversation = plan.model.conversation(c.prompt);
			const last = conversation[conversation.length - 1];
			const toolResults = toolResultsIn(last?.body.messages ?? []);
			const output = runData ? String(itemsOf(runData, AGENT_NODE)[0]?.output ?? '') : '';
			fs.writeFileSync(
				path.join(ARTIFACT_DIR, `${workflow.id}.json`),
				JSON.stringify({ name: c.name, prompt: c.prompt, output, problem, conversation }, null, 2),
			);
			if (problem) return problem;
			if (!conversation.length) return 'the agent never asked the chat model';
			const failedTurn = conversation.find((r) => r.status !== 200);
			if (failedTurn)
				return `the chat model refused a request (${failedTurn.status}): ${JSON.stringify(failedTurn.reply ?? failedTurn.body).slice(0, 300)}`;
			return c.check({
				output,
				emulators,
				conversation,
				toolResults,
				sent: (provider, operation) =>
					requestsOf(emulators[provider])
						.slice(before[provider])
						.filter((r) => !operation || r.operation === operation),
			});
		});
	}
	await checkToolsAsTheModelSeesThem(plan);
	if (plan.chatExample) await checkChatExample(plan, inst);
}

/** What the agent told the model about our tools: names, descriptions, and schemas naming only what the model fills. */
async function checkToolsAsTheModelSeesThem(plan: AgentPlan): Promise<void> {
	const request = plan.model.requests.find(
		(r) => r.path.endsWith('/chat/completions') && r.body.tools?.length,
	);
	await check(
		'the model is shown each tool with its description and a schema of only what it must fill',
		async () => {
			if (!request) return 'no chat completion request offered tools';
			const offered = new Map((request.body.tools ?? []).map((t) => [t.function.name, t.function]));
			fs.writeFileSync(
				path.join(ARTIFACT_DIR, 'tools-as-the-model-sees-them.json'),
				JSON.stringify(request.body.tools, null, 2),
			);
			const problems: string[] = [];
			for (const spec of AGENT_TOOLS) {
				const name = toolNameOf(spec.nodeName);
				const tool = offered.get(name);
				if (!tool) {
					problems.push(`${name} is not offered (offered: ${[...offered.keys()].join(', ')})`);
					continue;
				}
				const d = nodeDescription(spec.node) as ReturnType<typeof nodeDescription> & {
					defaults: { name: string };
				};
				const action = d.properties
					.filter(
						(p) =>
							p.name === 'operation' &&
							(p.displayOptions?.show?.resource ?? []).includes(spec.parameters.resource),
					)
					.flatMap((p) => (p.options ?? []) as Array<{ value: string; action?: string }>)
					.find((o) => o.value === spec.parameters.operation)?.action;
				const expected = `${action} in ${d.defaults.name}`;
				if (tool.description !== expected)
					problems.push(
						`${name}: description ${JSON.stringify(tool.description)}, expected ${JSON.stringify(expected)}`,
					);
				const properties = tool.parameters?.properties ?? {};
				const keys = Object.keys(properties).sort();
				const wanted = Object.keys(spec.arguments).sort();
				if (JSON.stringify(keys) !== JSON.stringify(wanted))
					problems.push(
						`${name}: the schema names ${JSON.stringify(keys)}, expected ${JSON.stringify(wanted)}`,
					);
				const required = [...(tool.parameters?.required ?? [])].sort();
				const wantedRequired = wanted.filter((k) => spec.arguments[k].required);
				if (JSON.stringify(required) !== JSON.stringify(wantedRequired))
					problems.push(
						`${name}: required ${JSON.stringify(required)}, expected ${JSON.stringify(wantedRequired)}`,
					);
				for (const [key, schema] of Object.entries(properties)) {
					if (schema.type !== 'string')
						problems.push(`${name}.${key}: type ${schema.type}, expected string`);
					if (!/e\.g\. "/.test(schema.description ?? ''))
						problems.push(
							`${name}.${key}: the description gives no example: ${JSON.stringify(schema.description)}`,
						);
				}
			}
			return problems.length ? problems.join('\n') : undefined;
		},
	);
}

/** The shipped example, its chat made public, answers a chat message over its webhook with both systems' data. */
async function checkChatExample(plan: AgentPlan, inst: Instance): Promise<void> {
	const { webhookId } = plan.chatExample!;
	const message = 'What do we know about ana.souza@example.com.br?';
	await check(
		'example: Ask about a customer answers a chat message with the shop and the loyalty program',
		async () => {
			const res = await fetch(`${url(inst)}/webhook/${webhookId}/chat`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					action: 'sendMessage',
					sessionId: 'e2e-chat-1',
					chatInput: message,
				}),
			});
			const text = await res.text();
			fs.writeFileSync(
				path.join(ARTIFACT_DIR, 'chat-example.json'),
				JSON.stringify(
					{
						message,
						status: res.status,
						response: text,
						conversation: plan.model.conversation(message),
					},
					null,
					2,
				),
			);
			if (res.status !== 200)
				return `POST /webhook/${webhookId}/chat answered ${res.status}: ${text.slice(0, 300)}`;
			let output = '';
			try {
				output = String((JSON.parse(text) as { output?: unknown }).output ?? '');
			} catch {
				return `the chat answer is not JSON: ${text.slice(0, 300)}`;
			}
			const calls = plan.model
				.conversation(message)
				.flatMap((r) => r.reply?.toolCalls ?? [])
				.map((c) => c.tool);
			for (const tool of [EXAMPLE_SHOP_TOOL, EXAMPLE_LOYALTY_TOOL])
				if (!calls.includes(toolNameOf(tool)))
					return `the model never called ${toolNameOf(tool)}: ${JSON.stringify(calls)}`;
			return contains(
				output,
				'Shop (Nuvemshop): Ana Souza <ana.souza@example.com.br> (id 1001)',
				'Loyalty program (Voucherify):',
			);
		},
	);
}

export async function stopAgents(plan: AgentPlan | undefined): Promise<void> {
	await plan?.model.stop();
}
