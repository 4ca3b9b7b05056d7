import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	dateTimeParameter,
	readLimit,
	returnAllOrLimit,
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
} from '../../../shared';
import { listCustomers } from '../../transport/customers';
import { filtersCollection } from './fields';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: 'Get many customers, with filters',
	action: 'Get many customers',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(undefined),
	filtersCollection([
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{ displayName: 'Created After', name: 'created_at[after]', type: 'dateTime', default: '' },
		{ displayName: 'Created Before', name: 'created_at[before]', type: 'dateTime', default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			displayName: 'Segment ID',
			name: 'segment_id',
			type: 'string',
			default: '',
			placeholder: 'seg_…',
		},
		{ displayName: 'Updated After', name: 'updated_at[after]', type: 'dateTime', default: '' },
		{ displayName: 'Updated Before', name: 'updated_at[before]', type: 'dateTime', default: '' },
	]),
	{
		displayName: 'Sort',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Created At, Newest First', value: '-created_at' },
			{ name: 'Created At, Oldest First', value: 'created_at' },
			{ name: 'Default (Newest First)', value: '' },
			{ name: 'Source ID, A to Z', value: 'source_id' },
			{ name: 'Source ID, Z to A', value: '-source_id' },
			{ name: 'Updated At, Newest First', value: '-updated_at' },
			{ name: 'Updated At, Oldest First', value: 'updated_at' },
		],
		default: '',
		description: 'More than 9,900 customers can only be read in an order by creation time',
	},
	...simplifyProperty(),
];

const DATE_FILTERS: Record<string, string> = {
	'created_at[after]': 'Created After',
	'created_at[before]': 'Created Before',
	'updated_at[after]': 'Updated After',
	'updated_at[before]': 'Updated Before',
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	for (const [name, label] of Object.entries(DATE_FILTERS))
		if (filters[name]) filters[name] = dateTimeParameter(this, itemIndex, label, filters[name]);
	const customers = await listCustomers(
		this,
		itemIndex,
		filters,
		this.getNodeParameter('order', itemIndex, '') as string,
		readLimit(this, itemIndex),
	);
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
