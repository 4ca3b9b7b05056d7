import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParallelItems, OperationMenuEntry } from '../../../shared';

import { activityProperties, listActivities } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Activity',
	description: "List a customer's activity",
	action: 'Get customer activity',
};

export const properties: INodeProperties[] = activityProperties(
	'The customer whose activity to list',
	[
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			options: [
				{ name: 'Action', value: 'ACTION', description: 'Things the customer or you did' },
				{ name: 'Effect', value: 'EFFECT', description: 'What followed from them' },
			],
			default: 'ACTION',
		},
		{
			displayName: 'Event Type',
			name: 'type',
			type: 'string',
			default: '',
			placeholder: 'customer.created',
			description: 'One event type, e.g. customer.created or customer.rewarded',
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listActivities(this, itemIndex, 'activity');
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
