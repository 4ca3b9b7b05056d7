import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParallelItems, OperationMenuEntry } from '../../../shared';

import { activityProperties, listActivities } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Activities (Deprecated)',
	description: "List a customer's activities (deprecated endpoint)",
	action: 'Get customer activities',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Voucherify has deprecated this endpoint; use Get Activity for new workflows',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
	...activityProperties('The customer whose activities to list', [
		{ displayName: 'Product ID', name: 'product_id', type: 'string', default: '' },
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listActivities(this, itemIndex, 'activities');
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
