import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredPathId, type OperationMenuEntry, type ParallelItems } from '../../../shared';
import { awaitAsyncAction, getAsyncAction } from '../../transport';
import { asyncActionWait, waitForCompletionProperties } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: 'Get the status and result of an import or bulk update',
	action: 'Get an async action',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Async Action ID',
		name: 'asyncActionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'aa_…',
		description: 'The ID returned by an import or bulk update',
	},
	...waitForCompletionProperties.map((p) =>
		p.name === 'waitForCompletion' ? { ...p, default: false } : p,
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredPathId(this, 'asyncActionId', itemIndex, 'Async Action ID');
	if (this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean)
		return await awaitAsyncAction(this, itemIndex, id, asyncActionWait(this, itemIndex));
	return await getAsyncAction(this, itemIndex, id);
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
