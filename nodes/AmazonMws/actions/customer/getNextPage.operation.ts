import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	requiredString,
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
} from '../../../shared';
import { customersOf, mwsRequest, nextTokenOf } from '../../transport';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Next Page',
	description: 'Continue a customer list from a NextToken',
	action: 'Get the next page of customers',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Page Cursor',
		name: 'pageToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'The NextToken value of an earlier page; each output customer carries the NextToken of the page after this one',
	},
	...simplifyProperty(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const token = requiredString(this, 'pageToken', itemIndex, 'Page Cursor');
	const result = await mwsRequest(this, itemIndex, 'ListCustomersByNextToken', {
		NextToken: token,
	});
	const page = nextTokenOf(result);
	// Each customer carries where the next page starts, so a loop can continue from any item.
	return simplifyOutput(this, itemIndex, customersOf(result), simplifyCustomer).map((customer) => ({
		...customer,
		NextToken: page.nextToken ?? null,
		MoreResultsAvailable: page.more,
	}));
}
