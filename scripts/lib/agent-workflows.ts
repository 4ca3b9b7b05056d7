/**
 * n8n's own AI Agent with our nodes as its tools, as importable workflow JSON (n8n 2.41.1's node types), the chat
 * model emulator's demo credential, and the script the demo model follows in `npm start` and the example
 * `examples/ask-about-a-customer.json` (chat trigger → agent → our tools).
 *
 * Node types and versions, from n8n 2.41.1's installed packages: AI Agent `@n8n/n8n-nodes-langchain.agent` 3.1
 * (prompt from a Chat Trigger, or "Define below"), OpenAI Chat Model `@n8n/n8n-nodes-langchain.lmChatOpenAi` 1.3
 * on an `openAiApi` credential whose Base URL (`url`) points at the emulator, with "Use Responses API" off (the
 * emulator speaks Chat Completions), Chat Trigger `@n8n/n8n-nodes-langchain.chatTrigger` 1.5. A community node's tool
 * variant is `<package>.<node>Tool`, connected to the agent by an `ai_tool` connection.
 */
import type { ChatScript, ToolResult } from './chat-model-emulator';
import { SCRIPTED_MODEL_ID } from './chat-model-emulator';
import { fromAI, SEARCH_NUVEMSHOP, toolNameOf, type AgentToolSpec } from './agent-tools';
import { PACKAGE_NAME, type DemoCredential } from './providers';
import {
	credentialRef,
	latestVersion,
	nodeDescription,
	TRIGGER,
	type Workflow,
	type WorkflowNode,
} from './workflows';

/** The chat model emulator listens on the emulators' base port + 8 (after Amazon MWS at + 7). */
export const CHAT_MODEL_PORT_OFFSET = 8;
/** The demo credential's API key: the emulator accepts only this one (it is no OpenAI key). */
export const CHAT_MODEL_API_KEY = 'sk-emulator-demo-3f9a1c7e5b2d';

export const AGENT_NODE = 'AI Agent';
export const MODEL_NODE = 'OpenAI Chat Model';
export const CHAT_TRIGGER = 'When chat message received';

/** The `openAiApi` credential of the demo: n8n's own OpenAI credential type, its Base URL on the emulator. */
export function chatModelCredential(baseUrl: string): DemoCredential {
	return {
		id: 'demoChatModel001',
		name: 'Chat model (demo emulator)',
		type: 'openAiApi',
		data: { apiKey: CHAT_MODEL_API_KEY, organizationId: '', url: baseUrl, header: false },
		secretFields: ['apiKey'],
	};
}

const edge = (node: string, type: string) => [[{ node, type, index: 0 }]];

let counter = 0;
const nodeId = () => `a9e70000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** A tool node: our node's tool variant with the spec's parameters, on one of the provider's credentials. */
export function toolNode(
	spec: AgentToolSpec,
	credential: DemoCredential,
	position: [number, number],
	nodeName = spec.nodeName,
): WorkflowNode {
	const d = nodeDescription(spec.node);
	return {
		id: nodeId(),
		name: nodeName,
		type: `${PACKAGE_NAME}.${d.name}Tool`,
		typeVersion: latestVersion(d.version),
		position,
		parameters: spec.parameters,
		credentials: credentialRef(credential),
	};
}

export function modelNode(credential: DemoCredential, position: [number, number]): WorkflowNode {
	return {
		id: nodeId(),
		name: MODEL_NODE,
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: 1.3,
		position,
		parameters: {
			model: {
				__rl: true,
				mode: 'list',
				value: SCRIPTED_MODEL_ID,
				cachedResultName: SCRIPTED_MODEL_ID,
			},
			responsesApiEnabled: false,
			options: {},
		},
		credentials: credentialRef(credential),
	};
}

/**
 * Manual Trigger → AI Agent with this prompt, the OpenAI Chat Model on the emulator's credential, and these tools
 * (each on its provider's credential). Runs with `n8n execute --id`.
 */
export function agentWorkflow(options: {
	id: string;
	name: string;
	prompt: string;
	tools: Array<{ spec: AgentToolSpec; credential: DemoCredential }>;
	model: DemoCredential;
}): Workflow {
	const tools = options.tools.map(({ spec, credential }, i) =>
		toolNode(spec, credential, [200 + i * 180, 260]),
	);
	const nodes: WorkflowNode[] = [
		{
			id: nodeId(),
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: nodeId(),
			name: AGENT_NODE,
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [260, 0],
			parameters: { promptType: 'define', text: options.prompt, options: {} },
		},
		modelNode(options.model, [0, 260]),
		...tools,
	];
	const connections: Workflow['connections'] = {
		[TRIGGER]: { main: edge(AGENT_NODE, 'main') },
		[MODEL_NODE]: { ai_languageModel: edge(AGENT_NODE, 'ai_languageModel') },
	};
	for (const t of tools) connections[t.name] = { ai_tool: edge(AGENT_NODE, 'ai_tool') };
	return {
		id: options.id,
		name: options.name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// ---------------------------------------------------------------- the example: ask about a customer

export const EXAMPLE_AGENT_ID = 'exAskCustomerAi1';
/** The example's tools: the shop (Nuvemshop) and the loyalty program (Voucherify). */
export const EXAMPLE_SHOP_TOOL = 'Find Shop Customer';
export const EXAMPLE_LOYALTY_TOOL = 'Find Loyalty Member';

/** The example's loyalty tool: Voucherify Get Many, filtered by the email the model gives. */
export const FIND_LOYALTY_MEMBER: AgentToolSpec = {
	provider: 'voucherify',
	node: 'Voucherify',
	nodeName: EXAMPLE_LOYALTY_TOOL,
	parameters: {
		resource: 'customer',
		operation: 'getAll',
		returnAll: false,
		limit: 5,
		filters: {
			email: fromAI(
				'email',
				'The customer\'s email address, e.g. "ada@example.com". Give the address only, without the name.',
			),
		},
	},
	arguments: { email: { required: true } },
};

/** The example's shop tool: the Nuvemshop search of the e2e cases under the example's name. */
export const FIND_SHOP_CUSTOMER: AgentToolSpec = {
	...SEARCH_NUVEMSHOP,
	nodeName: EXAMPLE_SHOP_TOOL,
};

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** One line per record a tool returned (name, email, id), or the tool's error, as a person would report it. */
export function describeResult(result: ToolResult): string {
	const records = (Array.isArray(result.json) ? result.json : [result.json]).filter(isRecord);
	// a failed tool comes back as its error item: [{ "error": "…" }]
	if (records.length === 1 && typeof records[0].error === 'string')
		return `the lookup failed: ${records[0].error}`;
	if (!records.length) return 'no match';
	return records
		.map((r) => {
			const name = r.name || [r.first_name, r.last_name].filter(Boolean).join(' ');
			const id = r.id ?? r.customer_profile_oid;
			return `${String(name || '(no name)')}${r.email ? ` <${String(r.email)}>` : ''}${id !== undefined ? ` (id ${String(id)})` : ''}`;
		})
		.join('; ');
}

/**
 * What the demo model does: for a message with an email address, it asks the shop and the loyalty program about it
 * (both tools at once) and reports what each found. Anything else gets a hint on what to ask.
 */
export const DEMO_SCRIPTS: ChatScript[] = [
	{
		name: 'ask about a customer by email (example "Ask about a customer")',
		matches: (message) => EMAIL.test(message),
		turns: (message) => {
			const email = message.match(EMAIL)![0];
			return [
				{
					call: [
						{ tool: toolNameOf(EXAMPLE_SHOP_TOOL), arguments: { search_text: email } },
						{ tool: toolNameOf(EXAMPLE_LOYALTY_TOOL), arguments: { email } },
					],
				},
				{
					answer: (results) => {
						const of = (tool: string) => results.find((r) => r.tool === toolNameOf(tool));
						const shop = of(EXAMPLE_SHOP_TOOL);
						const loyalty = of(EXAMPLE_LOYALTY_TOOL);
						return [
							`Here is what I found about ${email}:`,
							`- Shop (Nuvemshop): ${shop ? describeResult(shop) : 'not asked'}`,
							`- Loyalty program (Voucherify): ${loyalty ? describeResult(loyalty) : 'not asked'}`,
						].join('\n');
					},
				},
			];
		},
	},
];

export const demoFallback = (message: string): string =>
	`I am the demo's scripted chat model (no real AI): I only know how to look a customer up by email. ` +
	`Try "What do we know about ana.souza@example.com.br?" (a shop customer) or ` +
	`"What do we know about ada@example.com?" (a loyalty member). You wrote: "${message.slice(0, 200)}"`;
