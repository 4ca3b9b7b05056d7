import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { dateTimeParameter, returnAllOrLimit } from '../../../shared';
import { customerCursorList } from './cursorList';
import { customerIdProperty } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['getActivity'] } };

export const CAMPAIGN_TYPES = [
	{ name: 'Discount Coupons', value: 'DISCOUNT_COUPONS' },
	{ name: 'Gift Vouchers', value: 'GIFT_VOUCHERS' },
	{ name: 'Loyalty Program', value: 'LOYALTY_PROGRAM' },
	{ name: 'Promotion', value: 'PROMOTION' },
	{ name: 'Referral Program', value: 'REFERRAL_PROGRAM' },
];

export const activitySort: INodeProperties = {
	displayName: 'Sort',
	name: 'order',
	type: 'options',
	options: [
		{ name: 'Newest First', value: '-created_at' },
		{ name: 'Oldest First', value: 'created_at' },
	],
	default: '-created_at',
};

const properties: INodeProperties[] = [
	customerIdProperty('The customer whose activity to list'),
	...returnAllOrLimit(undefined),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Campaign ID', name: 'campaign_id', type: 'string', default: '' },
			{ displayName: 'Campaign Type', name: 'campaign_type', type: 'options', options: CAMPAIGN_TYPES, default: 'PROMOTION' },
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
			{ displayName: 'End Date', name: 'end_date', type: 'dateTime', default: '' },
			{ displayName: 'Event Type', name: 'type', type: 'string', default: '', placeholder: 'customer.created', description: 'One event type, e.g. customer.created or customer.rewarded' },
			{ displayName: 'Start Date', name: 'start_date', type: 'dateTime', default: '' },
		],
	},
	activitySort,
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listActivities(this, itemIndex, 'activity');
}

/** Activity lists (`/activity` and the deprecated `/activities`): dates as RFC 3339, newest first unless asked. */
export async function listActivities(ctx: IExecuteFunctions, itemIndex: number, path: 'activity' | 'activities'): Promise<IDataObject[]> {
	const filters = { ...(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	if (filters.start_date) filters.start_date = dateTimeParameter(ctx, itemIndex, 'Start Date', filters.start_date);
	if (filters.end_date) filters.end_date = dateTimeParameter(ctx, itemIndex, 'End Date', filters.end_date);
	return await customerCursorList(ctx, itemIndex, path, { ...filters, order: ctx.getNodeParameter('order', itemIndex, '-created_at') });
}
