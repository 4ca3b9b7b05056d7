import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { isoDate, returnAllOrLimit } from '../../../shared';
import { customerCursorList } from './cursorList';
import { customerIdProperty } from './fields';
import { CAMPAIGN_TYPES } from './getActivity.operation';

const displayOptions = { show: { resource: ['customer'], operation: ['getActivities'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Voucherify has deprecated this endpoint; use Get Activity for new workflows',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
	customerIdProperty('The customer whose activities to list'),
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
			{ displayName: 'End Date', name: 'end_date', type: 'dateTime', default: '' },
			{ displayName: 'Product ID', name: 'product_id', type: 'string', default: '' },
			{ displayName: 'Start Date', name: 'start_date', type: 'dateTime', default: '' },
		],
	},
	{
		displayName: 'Sort',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Newest First', value: '-created_at' },
			{ name: 'Oldest First', value: 'created_at' },
		],
		default: '-created_at',
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	if (filters.start_date) filters.start_date = isoDate(this, itemIndex, 'Start Date', filters.start_date);
	if (filters.end_date) filters.end_date = isoDate(this, itemIndex, 'End Date', filters.end_date);
	return await customerCursorList(this, itemIndex, 'activities', { ...filters, order: this.getNodeParameter('order', itemIndex, '-created_at') });
}
