/** Builds importable n8n workflow JSON: a Manual Trigger, optionally a file to send, then one of our nodes. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PACKAGE_NAME, type CaseInput, type DemoCredential } from './providers';
import { REPO_ROOT } from './runtime';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** Nodes that listen (a Chat Trigger): the id in their webhook URL. */
	webhookId?: string;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	/** By source node, then connection type (`main`, or `ai_tool`, `ai_languageModel` for an agent's sub-nodes). */
	connections: Record<
		string,
		Record<string, Array<Array<{ node: string; type: string; index: number }>>>
	>;
	settings: Record<string, unknown>;
	pinData: Record<string, unknown>;
	tags?: unknown[];
}

/** The built node's description (from dist/), for its type version and display name. */
export function nodeDescription(node: string): {
	name: string;
	displayName: string;
	version: number | number[];
	properties: Array<Record<string, any>>;
} {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(path.join(REPO_ROOT, 'dist', 'nodes', node, `${node}.node.js`)) as Record<
		string,
		new () => { description: any }
	>;
	return new mod[node]().description;
}

/** The description of the node's polling trigger (`<Node>Trigger`), when the provider has one. */
export function triggerDescription(node: string):
	| {
			name: string;
			displayName: string;
			version: number | number[];
			defaults: { name: string };
			properties: Array<Record<string, any>>;
	  }
	| undefined {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', node, `${node}Trigger.node.js`);
	if (!fs.existsSync(file)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(file) as Record<string, new () => { description: any }>;
	return new mod[`${node}Trigger`]().description;
}

export function latestVersion(version: number | number[]): number {
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** Every resource/operation pair the node offers. */
export function operationsOf(
	node: string,
): Array<{ resource: string; operation: string; name: string }> {
	const d = nodeDescription(node);
	const out: Array<{ resource: string; operation: string; name: string }> = [];
	for (const p of d.properties) {
		if (p.name !== 'operation' || p.type !== 'options') continue;
		const resources: string[] = p.displayOptions?.show?.resource ?? ['(none)'];
		for (const resource of resources)
			for (const o of p.options ?? []) out.push({ resource, operation: o.value, name: o.name });
	}
	return out;
}

let idCounter = 0;
const nodeId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`;

export const TRIGGER = 'When clicking ‘Execute workflow’';

/** A 16-character id (n8n's format) derived from a readable key. */
export function workflowId(key: string): string {
	const clean = key.replace(/[^A-Za-z0-9]/g, '');
	const hash = Buffer.from(key)
		.reduce((a, b) => (a * 31 + b) >>> 0, 7)
		.toString(36);
	return (clean.slice(0, 16 - Math.min(6, hash.length)) + hash.slice(0, 6))
		.padEnd(16, '0')
		.slice(0, 16);
}

export function credentialRef(cred: DemoCredential): Record<string, { id: string; name: string }> {
	return { [cred.type]: { id: cred.id, name: cred.name } };
}

/** One workflow: trigger → (file) → our node with these parameters. */
export function operationWorkflow(options: {
	id: string;
	name: string;
	node: string;
	nodeLabel: string;
	parameters: Record<string, unknown>;
	credential: DemoCredential;
	input?: CaseInput;
}): Workflow {
	const d = nodeDescription(options.node);
	const nodes: WorkflowNode[] = [
		{
			id: nodeId(),
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const chain = [TRIGGER];
	if (options.input?.file) {
		const f = options.input.file;
		nodes.push({
			id: nodeId(),
			name: 'File Content',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'file-content', name: 'fileContent', value: f.base64, type: 'string' },
					],
				},
				options: {},
			},
		});
		nodes.push({
			id: nodeId(),
			name: 'Make File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [440, 0],
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'fileContent',
				binaryPropertyName: 'data',
				options: { fileName: f.fileName, mimeType: f.mimeType },
			},
		});
		chain.push('File Content', 'Make File');
	}
	nodes.push({
		id: nodeId(),
		name: options.nodeLabel,
		type: `${PACKAGE_NAME}.${d.name}`,
		typeVersion: latestVersion(d.version),
		position: [220 * chain.length, 0],
		parameters: options.parameters,
		credentials: credentialRef(options.credential),
	});
	chain.push(options.nodeLabel);
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < chain.length - 1; i++)
		connections[chain[i]] = { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] };
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

/** A workflow that starts with the provider's polling trigger (checked every minute) and nothing else. */
export function triggerWorkflow(options: {
	id: string;
	name: string;
	node: string;
	parameters: Record<string, unknown>;
	credential: DemoCredential;
}): Workflow {
	const d = triggerDescription(options.node)!;
	const trigger: WorkflowNode = {
		id: nodeId(),
		name: d.defaults.name,
		type: `${PACKAGE_NAME}.${d.name}`,
		typeVersion: latestVersion(d.version),
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...options.parameters },
		credentials: credentialRef(options.credential),
	};
	return {
		id: options.id,
		name: options.name,
		active: false,
		nodes: [trigger],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** A published workflow whose only node is a provider's webhook trigger (its webhookId fixes its URLs). */
export function webhookTriggerWorkflow(options: {
	id: string;
	name: string;
	node: string;
	folder: string;
	webhookId: string;
	parameters: Record<string, unknown>;
	credential: DemoCredential;
}): Workflow {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(
		path.join(REPO_ROOT, 'dist', 'nodes', options.folder, `${options.node}.node.js`),
	) as Record<string, new () => { description: any }>;
	const d = new mod[options.node]().description;
	return {
		id: options.id,
		name: options.name,
		active: false,
		nodes: [
			{
				id: nodeId(),
				name: d.defaults.name,
				type: `${PACKAGE_NAME}.${d.name}`,
				typeVersion: latestVersion(d.version),
				position: [0, 0],
				parameters: options.parameters,
				credentials: credentialRef(options.credential),
				webhookId: options.webhookId,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
