import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await ultraCartRequest(this, itemIndex, { method: 'GET', path: '/customer/editor_values', safeToRepeat: true });
}
