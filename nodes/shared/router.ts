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

/**
 * Declares an operation's items independent of each other, so several may be in flight at once (up to the node's
 * bound, see RouteOptions). `recordKey` names the record an item changes: items with the same key still run one
 * after another, in input order, so the last item's values win as they would one at a time.
 */
export interface ParallelItems {
	recordKey?: (ctx: IExecuteFunctions, itemIndex: number) => string | undefined;
}

/** An operation that runs once per input item. */
export interface ItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** Left out: one item at a time (the operation reads then writes, or its items depend on each other). */
	parallel?: ParallelItems;
}

export interface RouteOptions {
	/**
	 * The most items of a parallel operation in flight at once: the provider's default for its vendor (1 where the
	 * vendor refuses concurrent requests). The pacing still decides when each request leaves.
	 */
	maxInFlight?: number;
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

/** The key of an item's record, or undefined when it cannot be read (execute() then reports the bad parameter). */
function recordKeyOf(
	ctx: IExecuteFunctions,
	parallel: ParallelItems,
	itemIndex: number,
): string | undefined {
	try {
		return parallel.recordKey?.(ctx, itemIndex);
	} catch {
		return undefined;
	}
}

/**
 * Runs every item, at most `maxInFlight` at once. Output is in input order and paired; under continueOnFail a failed
 * item becomes its error item. Otherwise the first failure stops new items from starting, the ones in flight finish
 * (they may already have reached the vendor), and the failure of the lowest item index is thrown. Stop (execution
 * cancel) also stops new items from starting; n8n discards what a stopped execution returns.
 */
async function runItems(
	ctx: IExecuteFunctions,
	operation: ItemOperation,
	itemCount: number,
	maxInFlight: number,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array<INodeExecutionData[]>(itemCount);
	const failures = new Map<number, unknown>();
	const continueOnFail = ctx.continueOnFail();
	const signal = ctx.getExecutionCancelSignal?.();
	const parallel = maxInFlight > 1 ? operation.parallel : undefined;
	/** Per record key: the item of that record that runs last so far. */
	const recordTails = new Map<string, Promise<void>>();
	let nextIndex = 0;
	let stopped = false;

	const runOne = async (itemIndex: number) => {
		if (stopped || signal?.aborted) return;
		try {
			results[itemIndex] = toItems(await operation.execute.call(ctx, itemIndex), itemIndex);
		} catch (error) {
			if (continueOnFail) {
				results[itemIndex] = [errorItem(error, itemIndex)];
				return;
			}
			failures.set(itemIndex, error);
			stopped = true;
		}
	};
	const worker = async () => {
		while (!stopped && !signal?.aborted && nextIndex < itemCount) {
			const itemIndex = nextIndex++;
			const key = parallel ? recordKeyOf(ctx, parallel, itemIndex) : undefined;
			if (key === undefined) {
				await runOne(itemIndex);
				continue;
			}
			const previous = recordTails.get(key);
			const mine = previous
				? previous.then(async () => await runOne(itemIndex))
				: runOne(itemIndex);
			recordTails.set(key, mine);
			await mine;
		}
	};
	const workers = parallel ? Math.max(1, Math.min(maxInFlight, itemCount)) : 1;
	await Promise.all(Array.from({ length: workers }, worker));

	if (failures.size) {
		const first = Math.min(...failures.keys());
		throw asNodeError(ctx.getNode(), failures.get(first), first);
	}
	return results.flat();
}

/** The one item loop of every node: in order, paired, and continueOnFail turning a failure into one error item. */
export async function routeItems(
	this: IExecuteFunctions,
	operations: OperationMap,
	options: RouteOptions = {},
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

	return [await runItems(this, operation, items.length, options.maxInFlight ?? 1)];
}
