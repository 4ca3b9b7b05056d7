import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredPathId } from '../../../shared';
import { awaitAsyncAction, getAsyncAction, waitForCompletionProperties } from '../../transport';

const displayOptions = { show: { resource: ['asyncAction'], operation: ['get'] } };

const properties: INodeProperties[] = [
	{ displayName: 'Async Action ID', name: 'asyncActionId', type: 'string', required: true, default: '', placeholder: 'aa_…', description: 'The ID returned by an import or bulk update' },
	...waitForCompletionProperties.map((p) => (p.name === 'waitForCompletion' ? { ...p, default: false } : p)),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredPathId(this, 'asyncActionId', itemIndex, 'Async Action ID');
	if (this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean) return await awaitAsyncAction(this, itemIndex, id);
	return await getAsyncAction(this, itemIndex, id);
}
