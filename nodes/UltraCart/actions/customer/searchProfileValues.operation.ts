import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';

export const menu: OperationMenuEntry = {
	name: 'Search Profile Values',
	description: 'Look up values used in customer profiles, such as tags',
	action: 'Search customer profile values',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: 'tags',
		description: 'What to look up, e.g. tags',
	},
	{
		displayName: 'Matches',
		name: 'matches',
		type: 'string',
		default: '',
		description: 'Text the values must contain',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Hits',
				name: 'max_hits',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 25,
			},
			{
				displayName: 'Storefront Host Name',
				name: 'storefront_host_name',
				type: 'string',
				default: '',
			},
			{ displayName: 'Storefront OID', name: 'storefront_oid', type: 'number', default: 0 },
			{ displayName: 'Subcategory', name: 'subcategory', type: 'string', default: '' },
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = { ...(this.getNodeParameter('options', itemIndex, {}) as IDataObject) };
	if (!options.storefront_oid) delete options.storefront_oid;
	const body = compact({
		category: this.getNodeParameter('category', itemIndex, '') as string,
		matches: this.getNodeParameter('matches', itemIndex, '') as string,
		...options,
	});
	const response = await ultraCartRequest<{ values?: IDataObject[] }>(this, itemIndex, {
		method: 'POST',
		path: '/customer/search',
		body,
		plainJson: true,
		safeToRepeat: true,
	});
	return response.values ?? [];
}
