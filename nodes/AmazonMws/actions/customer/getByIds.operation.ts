import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	invalidParameter,
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
} from '../../../shared';
import { customersOf, mwsRequest } from '../../transport';
import { marketplaceIdProperty } from './fields';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get by IDs',
	description: 'Get customers by their IDs (GetCustomersForCustomerId)',
	action: 'Get customers by their identifiers',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Customer IDs',
		name: 'customerIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'A1B2C3, D4E5F6',
		description: 'Comma-separated customer IDs, or a list from an expression',
	},
	marketplaceIdProperty,
	...simplifyProperty(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const raw = this.getNodeParameter('customerIds', itemIndex, '') as unknown;
	const ids = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((id) => id.trim())
		.filter(Boolean);
	if (ids.length === 0)
		invalidParameter(this, itemIndex, 'Customer IDs', 'is empty: give at least one ID');
	const params: IDataObject = {};
	ids.forEach((id, index) => (params[`CustomerIdList.CustomerId.${index + 1}`] = id));
	const marketplaceId = this.getNodeParameter('marketplaceId', itemIndex, '') as string;
	if (marketplaceId) params.MarketplaceId = marketplaceId;
	const customers = customersOf(
		await mwsRequest(this, itemIndex, 'GetCustomersForCustomerId', params),
	);
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
