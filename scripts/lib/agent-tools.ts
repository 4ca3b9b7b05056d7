/**
 * Our nodes as tools of n8n's AI Agent, as a user sets them up: the node's tool variant (`<package>.<node>Tool`) with
 * its resource and operation fixed and the values a model must choose given through `$fromAI()`, each with a
 * description written for the model (what the value is, its format, an example). The e2e agent phase, the example
 * workflow and the harness tests of tool calls (test/agent-tools/) use these same definitions.
 */

/**
 * A parameter the model fills, stored as n8n's editor stores "Let the model define this parameter"
 * (`={{ /*n8n-auto-generated-fromAI-override*\/ $fromAI('key', `description`, 'type') }}`). With a default the
 * parameter is optional in the tool's schema (the model may leave it out); without one the model must give it.
 */
export function fromAI(
	key: string,
	description: string,
	type: 'string' | 'number' | 'boolean' | 'json' = 'string',
	defaultValue?: string | number | boolean,
): string {
	if (/[`\\]|\$\{/.test(description))
		throw new Error(`unquotable $fromAI description: ${description}`);
	const fallback =
		defaultValue === undefined
			? ''
			: `, ${typeof defaultValue === 'string' ? `'${defaultValue.replace(/'/g, "\\'")}'` : String(defaultValue)}`;
	return `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, '${type}'${fallback}) }}`;
}

/** The name the agent gives a tool: its node's name with anything but letters, digits, _ and - replaced (n8n's nodeNameToToolName). */
export const toolNameOf = (nodeName: string): string =>
	nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 64);

export interface AgentToolSpec {
	/** Provider key (scripts/lib/providers). */
	provider: string;
	/** Node class = folder (`UltraCart`). */
	node: string;
	/** The tool node's name in the workflow; the tool's name is toolNameOf(nodeName). */
	nodeName: string;
	/** The node's parameters: resource and operation fixed, model-filled values through fromAI(). */
	parameters: Record<string, unknown>;
	/** What the model must be shown: every argument, and whether it is required. Nothing else may be in the schema. */
	arguments: Record<string, { required: boolean }>;
}

const EMAIL_EXAMPLE = (example: string) =>
	`The customer's email address, e.g. "${example}". Give the address only, without the name.`;

export const SEARCH_NUVEMSHOP: AgentToolSpec = {
	provider: 'nuvemshop',
	node: 'Nuvemshop',
	nodeName: 'Search Nuvemshop Customers',
	parameters: {
		resource: 'customer',
		operation: 'getAll',
		returnAll: false,
		limit: 10,
		filters: {
			q: fromAI(
				'search_text',
				'Text to look for in the shop customer\'s name, email address or CPF/CNPJ, e.g. "Ana Souza" or "ana.souza@example.com.br". Leave it out to list the newest customers.',
				'string',
				'',
			),
		},
	},
	arguments: { search_text: { required: false } },
};

export const UPSERT_VOUCHERIFY: AgentToolSpec = {
	provider: 'voucherify',
	node: 'Voucherify',
	nodeName: 'Create or Update Loyalty Member',
	parameters: {
		resource: 'customer',
		operation: 'upsert',
		sourceId: fromAI(
			'source_id',
			'The customer\'s unique ID in the loyalty program: use their email address unless you were given another ID, e.g. "linus.pauling@example.com". The member with this ID is updated, or created when there is none.',
		),
		customerFields: {
			name: fromAI('name', 'The customer\'s full name, e.g. "Linus Pauling".', 'string', ''),
			email: fromAI('email', EMAIL_EXAMPLE('linus.pauling@example.com'), 'string', ''),
		},
	},
	arguments: {
		source_id: { required: true },
		name: { required: false },
		email: { required: false },
	},
};

export const ULTRACART_BY_EMAIL: AgentToolSpec = {
	provider: 'ultracart',
	node: 'UltraCart',
	nodeName: 'Get UltraCart Customer by Email',
	parameters: {
		resource: 'customer',
		operation: 'getByEmail',
		email: fromAI('email', EMAIL_EXAMPLE('jane.doe@example.com')),
	},
	arguments: { email: { required: true } },
};

export const AMAZON_MESSAGE_TYPES: AgentToolSpec = {
	provider: 'amazon-selling-partner',
	node: 'AmazonSellingPartner',
	nodeName: 'Get Allowed Amazon Message Types',
	parameters: {
		resource: 'message',
		operation: 'getActions',
		amazonOrderId: fromAI(
			'order_id',
			'The Amazon order number: 3, 7 and 7 digits joined by hyphens, e.g. "902-3159896-1390916".',
		),
		marketplaceId: 'ATVPDKIKX0DER',
	},
	arguments: { order_id: { required: true } },
};

export const MWS_STATUS: AgentToolSpec = {
	provider: 'amazon-mws',
	node: 'AmazonMws',
	nodeName: 'Get MWS Service Status',
	parameters: { resource: 'service', operation: 'getStatus' },
	arguments: {},
};

/** One tool per node, as the e2e agent cases attach them all to the agent. */
export const AGENT_TOOLS: AgentToolSpec[] = [
	SEARCH_NUVEMSHOP,
	UPSERT_VOUCHERIFY,
	ULTRACART_BY_EMAIL,
	AMAZON_MESSAGE_TYPES,
	MWS_STATUS,
];
