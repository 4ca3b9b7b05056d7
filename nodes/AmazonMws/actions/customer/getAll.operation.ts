import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	collectPages,
	compact,
	dateInstant,
	dateTimeParameter,
	invalidParameter,
	readLimit,
	returnAllOrLimit,
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
} from '../../../shared';
import { customersOf, mwsRequest, nextTokenOf } from '../../transport';
import { marketplaceIdProperty } from './fields';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: 'List customers (ListCustomers, then ListCustomersByNextToken)',
	action: 'Get many customers',
};

export const properties: INodeProperties[] = [
	marketplaceIdProperty,
	{
		displayName: 'Date Range Type',
		name: 'dateRangeType',
		type: 'options',
		options: [
			{ name: 'Any Time', value: '' },
			{
				name: 'Associated Date',
				value: 'AssociatedDate',
				description: 'When the customer joined the marketplace',
			},
			{
				name: 'Last Updated Date',
				value: 'LastUpdatedDate',
				description: 'When the customer last changed',
			},
		],
		default: '',
	},
	{
		displayName: 'From',
		name: 'dateRangeStart',
		type: 'dateTime',
		default: '',
		displayOptions: { hide: { dateRangeType: [''] } },
	},
	{
		displayName: 'To',
		name: 'dateRangeEnd',
		type: 'dateTime',
		default: '',
		displayOptions: { hide: { dateRangeType: [''] } },
	},
	...returnAllOrLimit(undefined),
	...simplifyProperty(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = this.getNodeParameter('dateRangeType', itemIndex, '') as string;
	const params: IDataObject = compact({
		MarketplaceId: this.getNodeParameter('marketplaceId', itemIndex, '') as string,
	});
	if (type) {
		const start = this.getNodeParameter('dateRangeStart', itemIndex, '') as unknown;
		const end = this.getNodeParameter('dateRangeEnd', itemIndex, '') as unknown;
		if (!start && !end)
			invalidParameter(
				this,
				itemIndex,
				'From',
				'and "To" are both empty: give at least one date, or choose Any Time',
			);
		params.DateRangeType = type;
		// ISO 8601 with its offset, as Amazon's MWS clients sent it (Peddler's Time#iso8601)
		const from = start ? dateTimeParameter(this, itemIndex, 'From', start) : undefined;
		const to = end ? dateTimeParameter(this, itemIndex, 'To', end) : undefined;
		if (from) params.DateRangeStart = from;
		if (to) params.DateRangeEnd = to;
		// instants, not text: 10:00+05:00 is before 08:00+02:00
		if (from && to && dateInstant(from) > dateInstant(to))
			invalidParameter(this, itemIndex, 'From', 'is after "To"');
	}
	// ListCustomers first, then ListCustomersByNextToken for as long as MWS has more.
	const customers = await collectPages<string | null>(
		null,
		async (nextToken) => {
			const result = nextToken
				? await mwsRequest(this, itemIndex, 'ListCustomersByNextToken', { NextToken: nextToken })
				: await mwsRequest(this, itemIndex, 'ListCustomers', params);
			const page = nextTokenOf(result);
			return {
				items: customersOf(result),
				next: page.more && page.nextToken ? page.nextToken : undefined,
			};
		},
		readLimit(this, itemIndex),
	);
	return simplifyOutput(this, itemIndex, customers, simplifyCustomer);
}
