import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await ultraCartRequest<{ lists?: IDataObject[] }>(this, itemIndex, { method: 'GET', path: '/customer/email_lists', safeToRepeat: true });
	return response.lists ?? [];
}
