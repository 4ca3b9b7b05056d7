import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared';
import { customerIdProperty } from './fields';
import { activitySort, CAMPAIGN_TYPES, listActivities } from './getActivity.operation';

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
	activitySort,
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listActivities(this, itemIndex, 'activities');
}
