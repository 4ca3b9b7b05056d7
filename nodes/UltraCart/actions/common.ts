import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectPages, compact, dateTimeParameter, nextOffset, pathSegment, readLimit, requiredInteger, returnAllOrLimit } from '../../shared';
import { ultraCartRequest, type UltraCartContext } from '../transport';

export const EXPANSIONS = [
	'attachments',
	'billing',
	'cards',
	'cc_emails',
	'loyalty',
	'orders_summary',
	'pricing_tiers',
	'privacy',
	'properties',
	'quotes_summary',
	'reviewer',
	'shipping',
	'software_entitlements',
	'tags',
	'tax_codes',
];

const expansionOptions: INodePropertyOptions[] = EXPANSIONS.map((value) => ({
	name: value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
	value,
}));

/** `_expand`: UltraCart returns a limited customer unless asked for more. */
export const expandProperty: INodeProperties = {
	displayName: 'Include',
	name: 'expand',
	type: 'multiOptions',
	options: expansionOptions,
	default: [],
	description: 'Parts of the customer to include; UltraCart returns a limited customer otherwise',
};

export function expandQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const expand = ctx.getNodeParameter('expand', itemIndex, []) as string[];
	return expand.length ? { _expand: expand.join(',') } : {};
}

export const customerOidProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerProfileOid',
	type: 'string',
	required: true,
	default: '',
	placeholder: '12345',
	description: 'The customer_profile_oid of the customer',
};

export function customerOid(ctx: IExecuteFunctions, itemIndex: number): number {
	return requiredInteger(ctx, 'customerProfileOid', itemIndex, 'Customer ID');
}

export const customerPath = (ctx: UltraCartContext, itemIndex: number, oid: number) => `/customer/customers/${pathSegment(ctx, itemIndex, 'Customer ID', oid)}`;

/** Return All / Limit plus `_sort` and `_since`, for every customer list. */
export function listingProperties(): INodeProperties[] {
	return [
		...returnAllOrLimit(undefined),
		{
			displayName: 'Listing Options',
			name: 'listingOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Changed Since', name: 'since', type: 'dateTime', default: '', description: 'Only customers created or changed since this time (_since)' },
				{ displayName: 'Sort', name: 'sort', type: 'string', default: '', placeholder: 'email or -last_modified_dts', description: 'Field to sort by; prefix with - for descending (_sort)' },
			],
		},
		expandProperty,
	];
}

const PAGE_SIZE = 200;

interface CustomersPage {
	customers?: IDataObject[];
	metadata?: { result_set?: { more?: boolean; next_offset?: number } };
}

/** The node's listing parameters (Limit, Changed Since, Sort, Include) applied to one customer listing. */
export async function listCustomers(ctx: IExecuteFunctions, itemIndex: number, request: CustomerListing): Promise<IDataObject[]> {
	const options = ctx.getNodeParameter('listingOptions', itemIndex, {}) as IDataObject;
	const qs = compact({
		...request.qs,
		_since: options.since ? dateTimeParameter(ctx, itemIndex, 'Changed Since', options.since) : undefined,
		_sort: options.sort,
		...expandQuery(ctx, itemIndex),
	});
	return await pageCustomers(ctx, itemIndex, { ...request, qs }, readLimit(ctx, itemIndex));
}

export interface CustomerListing {
	method: 'GET' | 'POST';
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	plainJson?: boolean;
}

/** Offset paging by `_limit` (max 200) and `_offset`, following `metadata.result_set.more` and `next_offset`. */
export async function pageCustomers(ctx: UltraCartContext, itemIndex: number, request: CustomerListing, limit?: number): Promise<IDataObject[]> {
	return await collectPages(
		0,
		async (offset, remaining) => {
			const size = Math.min(PAGE_SIZE, remaining ?? PAGE_SIZE);
			const page = await ultraCartRequest<CustomersPage>(ctx, itemIndex, {
				method: request.method,
				path: request.path,
				qs: { ...request.qs, _limit: size, _offset: offset },
				body: request.body,
				plainJson: request.plainJson,
				safeToRepeat: true,
			});
			const items = page.customers ?? [];
			const resultSet = page.metadata?.result_set;
			return { items, next: nextOffset(offset, size, items.length, resultSet?.more, resultSet?.next_offset) };
		},
		limit,
	);
}

const addressFields: INodeProperties[] = [
	{ displayName: 'Address 1', name: 'address1', type: 'string', default: '' },
	{ displayName: 'Address 2', name: 'address2', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Country Code', name: 'country_code', type: 'string', default: '', placeholder: 'US', description: 'Two-letter ISO country code' },
	{ displayName: 'Day Phone', name: 'day_phone', type: 'string', default: '' },
	{ displayName: 'Evening Phone', name: 'evening_phone', type: 'string', default: '' },
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
	{ displayName: 'State / Region', name: 'state_region', type: 'string', default: '' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

/** The customer fields people set most, as n8n fields; the rest goes through JSON. */
export function customerFieldsCollection(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Billing Address', name: 'billing', type: 'collection', placeholder: 'Add Billing Field', default: {}, options: addressFields, description: 'On Update, the fields set here change the default billing address; its other fields stay' },
			{ displayName: 'Business Notes', name: 'business_notes', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Internal notes about the customer' },
			{ displayName: 'Do Not Send Mail', name: 'do_not_send_mail', type: 'boolean', default: false, description: 'Whether the customer opted out of marketing email' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: 'Up to 30 characters; can be set, never read' },
			{ displayName: 'Pricing Tiers', name: 'pricing_tiers', type: 'string', default: '', placeholder: 'Wholesale, VIP', description: "Comma-separated pricing tier names; on Update they replace the customer's pricing tiers" },
			{ displayName: 'Shipping Address', name: 'shipping', type: 'collection', placeholder: 'Add Shipping Field', default: {}, options: addressFields, description: 'On Update, the fields set here change the default shipping address; its other fields stay' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'wholesale, newsletter', description: "Comma-separated tags; on Update they replace the customer's tags" },
			{ displayName: 'Tax Exempt', name: 'tax_exempt', type: 'boolean', default: false },
			{ displayName: 'Website URL', name: 'website_url', type: 'string', default: '' },
		],
	};
}

export const customerJsonProperty: INodeProperties = {
	displayName: 'Customer JSON',
	name: 'customerJson',
	type: 'json',
	default: '{}',
	description: 'Any other fields of the UltraCart Customer object as JSON; they override the fields above',
};

const list = (text: unknown) =>
	String(text ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** Maps the n8n fields onto UltraCart's Customer object (addresses and tags are lists there). */
export function customerFromFields(fields: IDataObject): IDataObject {
	const customer: IDataObject = compact({ ...fields, billing: undefined, shipping: undefined, tags: undefined, pricing_tiers: undefined });
	const billing = compact((fields.billing as IDataObject) ?? {});
	if (Object.keys(billing).length) customer.billing = [{ ...billing, default_billing: true }];
	const shipping = compact((fields.shipping as IDataObject) ?? {});
	if (Object.keys(shipping).length) customer.shipping = [{ ...shipping, default_shipping: true }];
	const tags = list(fields.tags);
	if (tags.length) customer.tags = tags.map((tag_value) => ({ tag_value }));
	const tiers = list(fields.pricing_tiers);
	if (tiers.length) customer.pricing_tiers = tiers.map((name) => ({ name }));
	return customer;
}
