import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	compact,
	dateTimeParameter,
	onlyWithoutSimplify,
	readLimit,
	returnAllOrLimit,
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
} from '../../../shared';
import { listCustomers } from '../../transport/customers';
import { fieldsOptions } from './fields';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: 'Get many customers, with filters',
	action: 'Get many customers',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(undefined),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'created_at_min',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'created_at_max',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or before this time',
			},
			{
				displayName: 'Search Text',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Customers whose name, email or identification contains this text',
			},
			{
				displayName: 'Since ID',
				name: 'since_id',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only customers with an ID greater than this one',
			},
			{
				displayName: 'Updated After',
				name: 'updated_at_min',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed at or after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'updated_at_max',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed at or before this time',
			},
		],
	},
	...simplifyProperty(),
	...onlyWithoutSimplify([fieldsOptions]),
];

const DATE_FILTERS: Record<string, string> = {
	created_at_min: 'Created After',
	created_at_max: 'Created Before',
	updated_at_min: 'Updated After',
	updated_at_max: 'Updated Before',
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	for (const [name, label] of Object.entries(DATE_FILTERS)) {
		if (filters[name]) filters[name] = dateTimeParameter(this, itemIndex, label, filters[name]);
	}
	if (!filters.since_id) delete filters.since_id;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const customers = await listCustomers(
		this,
		itemIndex,
		compact({ ...filters, fields: options.fields }) ?? {},
		limit,
	);
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
