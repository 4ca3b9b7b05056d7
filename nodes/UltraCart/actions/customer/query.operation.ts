import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared';
import { listCustomers, listingProperties } from '../common';
import { customerFilterOptions, customerFilters } from './getAll.operation';

const displayOptions = { show: { resource: ['customer'], operation: ['query'] } };

const tagList = (text: unknown) =>
	String(text ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'collection',
		placeholder: 'Add Condition',
		default: {},
		// every CustomerQuery field: the get_customers filters plus email lists, tags and the query target
		options: [
			...customerFilterOptions,
			{ displayName: 'Emails', name: 'emails', type: 'string', default: '', description: 'Comma-separated email addresses: any of them matches' },
			{ displayName: 'Has All Tags', name: 'all_tags', type: 'string', default: '', description: 'Comma-separated tags the customer must all have' },
			{ displayName: 'Has Any Tag', name: 'any_tags', type: 'string', default: '', description: 'Comma-separated tags of which the customer has at least one' },
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
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = customerFilters(this, itemIndex, 'query');
	for (const list of ['emails', 'all_tags', 'any_tags']) if (query[list] !== undefined) query[list] = tagList(query[list]);
	// A search sent as POST: reading it twice does no harm.
	return await listCustomers(this, itemIndex, { method: 'POST', path: '/customer/customers/query', body: compact(query), plainJson: true });
}
