import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: 'Get the email lists of the account',
	action: 'Get many email lists',
};

export const properties: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await ultraCartRequest<{ lists?: IDataObject[] }>(this, itemIndex, {
		method: 'GET',
		path: '/customer/email_lists',
		safeToRepeat: true,
	});
	return response.lists ?? [];
}
