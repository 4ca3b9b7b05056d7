import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';

export const menu: OperationMenuEntry = {
	name: 'Get Editor Values',
	description: 'Get the values the customer editor offers (countries, terms, …)',
	action: 'Get customer editor values',
};

export const properties: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await ultraCartRequest(this, itemIndex, {
		method: 'GET',
		path: '/customer/editor_values',
		safeToRepeat: true,
	});
}
