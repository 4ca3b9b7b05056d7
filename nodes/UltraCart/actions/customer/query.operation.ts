import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared';
import { listCustomers, listingProperties } from '../common';
import { customerFilters } from './getAll.operation';

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
		options: [
			{ displayName: 'Billing City', name: 'billing_city', type: 'string', default: '' },
			{ displayName: 'Billing Country Code', name: 'billing_country_code', type: 'string', default: '' },
			{ displayName: 'Billing State', name: 'billing_state', type: 'string', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Emails', name: 'emails', type: 'string', default: '', description: 'Comma-separated email addresses: any of them matches' },
			{ displayName: 'Has All Tags', name: 'all_tags', type: 'string', default: '', description: 'Comma-separated tags the customer must all have' },
			{ displayName: 'Has Any Tag', name: 'any_tags', type: 'string', default: '', description: 'Comma-separated tags of which the customer has at least one' },
			{ displayName: 'Last Modified After', name: 'last_modified_dts_start', type: 'dateTime', default: '' },
			{ displayName: 'Last Modified Before', name: 'last_modified_dts_end', type: 'dateTime', default: '' },
			{ displayName: 'Pricing Tier Name', name: 'pricing_tier_name', type: 'string', default: '' },
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
			{ displayName: 'Signed Up After', name: 'signup_dts_start', type: 'dateTime', default: '' },
			{ displayName: 'Signed Up Before', name: 'signup_dts_end', type: 'dateTime', default: '' },
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
