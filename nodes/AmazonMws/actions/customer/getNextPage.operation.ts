import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredString } from '../../../shared';
import { customersOf, mwsRequest, nextTokenOf } from '../../transport';

const displayOptions = { show: { resource: ['customer'], operation: ['getNextPage'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Page Cursor',
		name: 'pageToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The NextToken value of an earlier page; each output customer carries the NextToken of the page after this one',
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const token = requiredString(this, 'pageToken', itemIndex, 'Page Cursor');
	const result = await mwsRequest(this, itemIndex, 'ListCustomersByNextToken', { NextToken: token });
	const page = nextTokenOf(result);
	// Each customer carries where the next page starts, so a loop can continue from any item.
	return customersOf(result).map((customer) => ({ ...customer, NextToken: page.nextToken ?? null, MoreResultsAvailable: page.more }));
}
