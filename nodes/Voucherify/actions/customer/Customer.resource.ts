import type { INodeProperties } from 'n8n-workflow';

import * as deleteCustomer from './deleteCustomer.operation';
import * as deletePermanently from './deletePermanently.operation';
import * as get from './get.operation';
import * as getActivities from './getActivities.operation';
import * as getActivity from './getActivity.operation';
import * as getAll from './getAll.operation';
import * as getRedeemables from './getRedeemables.operation';
import * as getSegments from './getSegments.operation';
import * as importCsv from './importCsv.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';
import * as updateManyMetadata from './updateManyMetadata.operation';
import * as upsert from './upsert.operation';

export { deleteCustomer, deletePermanently, get, getActivities, getActivity, getAll, getRedeemables, getSegments, importCsv, update, updateMany, updateManyMetadata, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update a customer' },
			{ name: 'Delete', value: 'delete', description: 'Delete a customer', action: 'Delete a customer' },
			{ name: 'Delete Permanently', value: 'deletePermanently', description: 'Erase a customer and all their data', action: 'Delete a customer permanently' },
			{ name: 'Get', value: 'get', description: 'Get a customer by ID or source ID', action: 'Get a customer' },
			{ name: 'Get Activities (Deprecated)', value: 'getActivities', description: "List a customer's activities (deprecated endpoint)", action: 'Get customer activities' },
			{ name: 'Get Activity', value: 'getActivity', description: "List a customer's activity", action: 'Get customer activity' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many customers, with filters', action: 'Get many customers' },
			{ name: 'Get Redeemables', value: 'getRedeemables', description: "List a customer's vouchers and other redeemables", action: 'Get customer redeemables' },
			{ name: 'Get Segments', value: 'getSegments', description: 'List the segments a customer belongs to', action: 'Get customer segments' },
			{ name: 'Import From CSV File', value: 'importCsv', description: 'Import customers from a CSV file', action: 'Import customers from a CSV file' },
			{ name: 'Update', value: 'update', description: 'Update a customer', action: 'Update a customer' },
			{ name: 'Update Many', value: 'updateMany', description: 'Update or create the customers of all input items in one bulk request', action: 'Update many customers' },
			{ name: 'Update Metadata of Many', value: 'updateManyMetadata', description: 'Set the same metadata on many customers', action: 'Update metadata of many customers' },
		],
		default: 'upsert',
	},
	...upsert.description,
	...deleteCustomer.description,
	...deletePermanently.description,
	...get.description,
	...getActivities.description,
	...getActivity.description,
	...getAll.description,
	...getRedeemables.description,
	...getSegments.description,
	...importCsv.description,
	...update.description,
	...updateMany.description,
	...updateManyMetadata.description,
];
