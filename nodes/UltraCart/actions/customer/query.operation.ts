import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, simplifyOutput, type OperationMenuEntry } from '../../../shared';
import {
	commaList,
	customerFilterOptions,
	customerFilters,
	listCustomers,
	listingProperties,
} from './fields';
import { simplifyCustomer, withSimplify } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Query',
	description: 'Find customers with a query (tags, emails, dates)',
	action: 'Query customers',
};

export const properties: INodeProperties[] = withSimplify([
	{
		displayName: 'Query',
		name: 'query',
		type: 'collection',
		placeholder: 'Add Condition',
		default: {},
		// every CustomerQuery field: the get_customers filters plus email lists, tags and the query target
		options: [
			...customerFilterOptions,
			{
				displayName: 'Emails',
				name: 'emails',
				type: 'string',
				default: '',
				description: 'Comma-separated email addresses: any of them matches',
			},
			{
				displayName: 'Has All Tags',
				name: 'all_tags',
				type: 'string',
				default: '',
				description: 'Comma-separated tags the customer must all have',
			},
			{
				displayName: 'Has Any Tag',
				name: 'any_tags',
				type: 'string',
				default: '',
				description: 'Comma-separated tags of which the customer has at least one',
			},
			{
				displayName: 'Query Target',
				name: 'query_target',
				type: 'options',
				options: [
					{ name: 'Cache (Faster)', value: 'cache' },
					{ name: 'Origin (Up to Date)', value: 'origin' },
				],
				default: 'origin',
			},
		],
	},
	...listingProperties(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = customerFilters(this, itemIndex, 'query');
	for (const list of ['emails', 'all_tags', 'any_tags'])
		if (query[list] !== undefined) query[list] = commaList(query[list]);
	// A search sent as POST: reading it twice does no harm.
	const customers = await listCustomers(this, itemIndex, {
		method: 'POST',
		path: '/customer/customers/query',
		body: compact(query),
		plainJson: true,
	});
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
