import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyOutput, type OperationMenuEntry } from '../../../shared';
import { customerFilterOptions, customerFilters, listCustomers, listingProperties } from './fields';
import { simplifyCustomer, withSimplify } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: 'Get many customers, with filters',
	action: 'Get many customers',
};

export const properties: INodeProperties[] = withSimplify([
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: customerFilterOptions,
	},
	...listingProperties(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customers = await listCustomers(this, itemIndex, {
		method: 'GET',
		path: '/customer/customers',
		qs: customerFilters(this, itemIndex, 'filters'),
	});
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
