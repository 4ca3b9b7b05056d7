import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { customerFilterOptions, customerFilters, listCustomers, listingProperties } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: 'Get many customers, with filters',
	action: 'Get many customers',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: customerFilterOptions,
	},
	...listingProperties(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listCustomers(this, itemIndex, {
		method: 'GET',
		path: '/customer/customers',
		qs: customerFilters(this, itemIndex, 'filters'),
	});
}
