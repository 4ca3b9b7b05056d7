import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { awaitAsyncAction, type AsyncActionWait } from '../transport';

/** "Wait for Completion" settings of the asynchronous operations. */
export const waitForCompletionProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Voucherify has processed the request and output the result, failures included; otherwise output the async action ID at once',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		displayOptions: { show: { waitForCompletion: [true] } },
		description:
			'How long to wait; after that the node outputs the action as it stands (check it later with Async Action → Get)',
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 2,
		displayOptions: { show: { waitForCompletion: [true] } },
		description: 'How often to ask Voucherify whether the action is done',
	},
];

/** How long and how often to wait for an async action, as this item's settings say. */
export function asyncActionWait(ctx: IExecuteFunctions, itemIndex: number): AsyncActionWait {
	return {
		maxWaitMs: (ctx.getNodeParameter('maxWaitSeconds', itemIndex, 300) as number) * 1000,
		intervalMs: Math.max(
			100,
			(ctx.getNodeParameter('pollIntervalSeconds', itemIndex, 2) as number) * 1000,
		),
	};
}

/** Outputs an async operation's answer, waiting for it when the user asked to. */
export async function asyncOutcome(
	ctx: IExecuteFunctions,
	itemIndex: number,
	accepted: IDataObject,
): Promise<IDataObject> {
	const id = String(accepted.async_action_id ?? '');
	if (!id || !(ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean))
		return accepted;
	return {
		async_action_id: id,
		...(await awaitAsyncAction(ctx, itemIndex, id, asyncActionWait(ctx, itemIndex))),
	};
}
