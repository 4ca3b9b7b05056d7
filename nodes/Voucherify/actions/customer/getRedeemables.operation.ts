import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	jsonObjectParameter,
	readLimit,
	returnAllOrLimit,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { deepObjectQuery } from '../../transport';
import { listCustomerItems } from '../../transport/customers';
import { customerIdParameter, customerIdProperty } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Redeemables',
	description: "List a customer's vouchers and other redeemables",
	action: 'Get customer redeemables',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The customer whose vouchers, loyalty cards and other redeemables to list'),
	...returnAllOrLimit(undefined),
	{
		displayName: 'Sort',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'ID, Ascending', value: 'id' },
			{ name: 'ID, Descending', value: '-id' },
		],
		default: 'id',
	},
	{
		displayName: 'Filters (JSON)',
		name: 'filters',
		type: 'json',
		default: '{}',
		placeholder: '{"redeemable_object": {"conditions": {"$is": "voucher"}}}',
		description:
			"Voucherify's filter object: fields ID, created_at, redeemable_id, redeemable_object with conditions such as $is, $in, $after",
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = jsonObjectParameter(this, 'filters', itemIndex, 'Filters (JSON)');
	const { path } = customerIdParameter(this, itemIndex);
	const query = {
		order: this.getNodeParameter('order', itemIndex, 'id'),
		...deepObjectQuery('filters', filters),
	};
	return await listCustomerItems(
		this,
		itemIndex,
		`${path}/redeemables`,
		query,
		readLimit(this, itemIndex),
	);
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
