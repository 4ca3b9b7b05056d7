import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

export type OperationResult =
	| IDataObject
	| IDataObject[]
	| INodeExecutionData
	| INodeExecutionData[]
	| undefined;

/** An operation that runs once per input item. */
export interface ItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/** An operation that needs all input items at once (bulk updates); it pairs its own output. */
export interface BatchOperation {
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;
/** Resource → operation → how it runs, as a node's execute() passes it: `{ customer: customer.operations, … }` (ResourceOperations fit). */
export type OperationMap = Record<string, Record<string, Operation>>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		!!value &&
		typeof value === 'object' &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

/** Turns what an operation returned into output items paired with the input item. */
export function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: entry.pairedItem ?? { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/** A NodeApiError or NodeOperationError for a failure of one item, keeping the vendor's details and naming the item. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		// re-wrapping hands back the same error, with the vendor's details intact
		return new NodeApiError(node, error as unknown as JsonObject);
	}
	if (error instanceof NodeOperationError && error.context.itemIndex === undefined)
		error.context.itemIndex = itemIndex;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The item a failed input item becomes under "On Error: Continue". Its json holds only `error` and
 * `details`, the keys n8n reads to send an item down the error output ("Continue (using error output)").
 */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const err = error as Error & { description?: string | null };
	return {
		json: { error: err.message, ...(err.description ? { details: err.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** The one item loop of every node: in order, paired, and continueOnFail turning a failure into one error item. */
export async function routeItems(
	this: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
		);
	}

	if ('executeBatch' in operation) {
		return [await operation.executeBatch.call(this, items)];
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...toItems(await operation.execute.call(this, itemIndex), itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
