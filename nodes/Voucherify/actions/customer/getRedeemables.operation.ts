import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { jsonObjectParameter, returnAllOrLimit } from '../../../shared';
import { customerCursorList } from './cursorList';
import { customerIdProperty } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['getRedeemables'] } };

const properties: INodeProperties[] = [
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
		description: "Voucherify's filter object: fields ID, created_at, redeemable_id, redeemable_object with conditions such as $is, $in, $after",
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Flattens a filter object into deepObject query keys: filters[a][b][c]=v. */
export function deepObjectQuery(prefix: string, value: unknown, out: IDataObject = {}): IDataObject {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value as IDataObject)) deepObjectQuery(`${prefix}[${k}]`, v, out);
	} else if (Array.isArray(value)) {
		out[prefix] = value.map(String).join(',');
	} else if (value !== undefined && value !== '') {
		out[prefix] = String(value);
	}
	return out;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = jsonObjectParameter(this, 'filters', itemIndex, 'Filters (JSON)');
	return await customerCursorList(this, itemIndex, 'redeemables', { order: this.getNodeParameter('order', itemIndex, 'id'), ...deepObjectQuery('filters', filters) });
}
