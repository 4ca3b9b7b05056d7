import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { Operation } from './router';

/** How an operation appears in its resource's Operation dropdown. */
export interface OperationMenuEntry {
	/** Title Case, as n8n's menus are */
	name: string;
	description: string;
	/** Sentence case: what the node's action list and an AI agent read */
	action: string;
}

/**
 * One `<operation>.operation.ts` module: its menu entry, its fields and how it runs. It never names its own
 * resource or operation: the resource's operations map does, once, with the module's file name as the key.
 */
export type OperationModule = Operation & {
	menu: OperationMenuEntry;
	properties: INodeProperties[];
};

export type ResourceOperations = Record<string, OperationModule>;

/**
 * The Operation dropdown of one resource, built from its operations map (so every menu value has an operation) and
 * sorted by name, followed by each operation's fields, shown only for that resource and operation (conditions of
 * their own, such as `returnAll: [false]`, kept).
 */
export function resourceDescription<T extends ResourceOperations>(
	resource: string,
	operations: T,
	defaultOperation: keyof T & string,
): INodeProperties[] {
	const entries = Object.entries(operations);
	const menu: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: entries
			.map(([value, operation]) => ({ ...operation.menu, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const fields = entries.flatMap(([value, operation]) =>
		updateDisplayOptions(
			{ show: { resource: [resource], operation: [value] } },
			operation.properties,
		),
	);
	return [menu, ...fields];
}
