import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCustomer from './deleteCustomer.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteCustomer, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer', action: 'Create a customer' },
			{ name: 'Delete', value: 'delete', description: 'Delete a customer who has no orders', action: 'Delete a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many customers, with filters', action: 'Get many customers' },
			{ name: 'Update', value: 'update', description: 'Update a customer', action: 'Update a customer' },
		],
		default: 'getAll',
	},
	...create.description,
	...deleteCustomer.description,
	...get.description,
	...getAll.description,
	...update.description,
];
