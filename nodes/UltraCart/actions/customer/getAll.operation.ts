import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { dateTimeParameter } from '../../../shared';
import { listCustomers, listingProperties } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['getAll'] } };

const addressFilters = (prefix: 'billing' | 'shipping', label: string): INodeProperties[] =>
	[
		['City', 'city'],
		['Company', 'company'],
		['Country Code', 'country_code'],
		['Day Phone', 'day_phone'],
		['Evening Phone', 'evening_phone'],
		['First Name', 'first_name'],
		['Last Name', 'last_name'],
		['Postal Code', 'postal_code'],
		['State', 'state'],
	].map(([display, field]) => ({ displayName: `${label} ${display}`, name: `${prefix}_${field}`, type: 'string' as const, default: '' }));

export const DATE_FILTERS: Record<string, string> = {
	last_modified_dts_start: 'Last Modified After',
	last_modified_dts_end: 'Last Modified Before',
	signup_dts_start: 'Signed Up After',
	signup_dts_end: 'Signed Up Before',
};

/** Every filter get_customers takes; Query (get_customers_by_query) takes the same and a few more. */
export const customerFilterOptions: INodeProperties[] = [
	...addressFilters('billing', 'Billing'),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Last Modified After', name: 'last_modified_dts_start', type: 'dateTime', default: '' },
	{ displayName: 'Last Modified Before', name: 'last_modified_dts_end', type: 'dateTime', default: '' },
	{ displayName: 'Pricing Tier Name', name: 'pricing_tier_name', type: 'string', default: '' },
	{ displayName: 'Pricing Tier OID', name: 'pricing_tier_oid', type: 'number', default: 0 },
	{ displayName: 'QuickBooks Class', name: 'qb_class', type: 'string', default: '' },
	{ displayName: 'QuickBooks Code', name: 'quickbooks_code', type: 'string', default: '' },
	...addressFilters('shipping', 'Shipping'),
	{ displayName: 'Signed Up After', name: 'signup_dts_start', type: 'dateTime', default: '' },
	{ displayName: 'Signed Up Before', name: 'signup_dts_end', type: 'dateTime', default: '' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: customerFilterOptions,
	},
	...listingProperties(),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Filters with their dates as RFC 3339 (UltraCart takes offsets, as its own dates carry them) and empty values dropped. */
export function customerFilters(ctx: IExecuteFunctions, itemIndex: number, name: string): IDataObject {
	const filters = { ...(ctx.getNodeParameter(name, itemIndex, {}) as IDataObject) };
	for (const [key, label] of Object.entries(DATE_FILTERS)) if (filters[key]) filters[key] = dateTimeParameter(ctx, itemIndex, label, filters[key]);
	if (!filters.pricing_tier_oid) delete filters.pricing_tier_oid;
	return filters;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listCustomers(this, itemIndex, { method: 'GET', path: '/customer/customers', qs: customerFilters(this, itemIndex, 'filters') });
}
