import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	compact,
	dateTimeParameter,
	simplifyOutput,
	type OperationMenuEntry,
} from '../../../shared';
import { listCustomers, listingProperties } from './fields';
import { simplifyCustomer, withSimplify } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Search',
	description: 'Search customers by text',
	action: 'Search customers',
};

export const properties: INodeProperties[] = withSimplify([
	{
		displayName: 'Search Text',
		name: 'searchString',
		type: 'string',
		default: '',
		description: 'Text to look for in the customer',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Signed Up After', name: 'signup_dts_start', type: 'dateTime', default: '' },
			{ displayName: 'Signed Up Before', name: 'signup_dts_end', type: 'dateTime', default: '' },
		],
	},
	...listingProperties(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = compact({
		search_string: this.getNodeParameter('searchString', itemIndex, '') as string,
		signup_dts_start: filters.signup_dts_start
			? dateTimeParameter(this, itemIndex, 'Signed Up After', filters.signup_dts_start)
			: undefined,
		signup_dts_end: filters.signup_dts_end
			? dateTimeParameter(this, itemIndex, 'Signed Up Before', filters.signup_dts_end)
			: undefined,
	});
	const customers = await listCustomers(this, itemIndex, {
		method: 'GET',
		path: '/customer/customers/search',
		qs,
	});
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
