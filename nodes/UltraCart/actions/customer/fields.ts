import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	compact,
	dateTimeParameter,
	invalidParameter,
	jsonObjectParameter,
	readLimit,
	returnAllOrLimit,
	simplifyParameter,
} from '../../../shared';
import { pageCustomers, type CustomerListing } from '../../transport/paging';
import { SIMPLIFIED_PARTS } from './simplify';

/** The parts of a customer UltraCart returns only when `_expand` names them. */
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

export const expansionOptions: INodePropertyOptions[] = EXPANSIONS.map((value) => ({
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
	// a simplified customer is made of these parts, whatever Include says
	const parts = simplifyParameter(ctx, itemIndex)
		? [...new Set([...expand, ...SIMPLIFIED_PARTS])]
		: expand;
	return parts.length ? { _expand: parts.join(',') } : {};
}

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
				{
					displayName: 'Changed Since',
					name: 'since',
					type: 'dateTime',
					default: '',
					description: 'Only customers created or changed since this time (_since)',
				},
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'string',
					default: '',
					placeholder: 'email or -last_modified_dts',
					description: 'Field to sort by; prefix with - for descending (_sort)',
				},
			],
		},
		expandProperty,
	];
}

/** The node's listing parameters (Limit, Changed Since, Sort, Include) applied to one customer listing. */
export async function listCustomers(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: CustomerListing,
): Promise<IDataObject[]> {
	const options = ctx.getNodeParameter('listingOptions', itemIndex, {}) as IDataObject;
	const qs = compact({
		...request.qs,
		_since: options.since
			? dateTimeParameter(ctx, itemIndex, 'Changed Since', options.since)
			: undefined,
		_sort: options.sort,
		...expandQuery(ctx, itemIndex),
	});
	return await pageCustomers(ctx, itemIndex, { ...request, qs }, readLimit(ctx, itemIndex));
}

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
	].map(([display, field]) => ({
		displayName: `${label} ${display}`,
		name: `${prefix}_${field}`,
		type: 'string' as const,
		default: '',
	}));

const DATE_FILTERS: Record<string, string> = {
	last_modified_dts_start: 'Last Modified After',
	last_modified_dts_end: 'Last Modified Before',
	signup_dts_start: 'Signed Up After',
	signup_dts_end: 'Signed Up Before',
};

/** Every filter get_customers takes; Query (get_customers_by_query) takes the same and a few more. */
export const customerFilterOptions: INodeProperties[] = [
	...addressFilters('billing', 'Billing'),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Last Modified After',
		name: 'last_modified_dts_start',
		type: 'dateTime',
		default: '',
	},
	{
		displayName: 'Last Modified Before',
		name: 'last_modified_dts_end',
		type: 'dateTime',
		default: '',
	},
	{ displayName: 'Pricing Tier Name', name: 'pricing_tier_name', type: 'string', default: '' },
	{ displayName: 'Pricing Tier OID', name: 'pricing_tier_oid', type: 'number', default: 0 },
	{ displayName: 'QuickBooks Class', name: 'qb_class', type: 'string', default: '' },
	{ displayName: 'QuickBooks Code', name: 'quickbooks_code', type: 'string', default: '' },
	...addressFilters('shipping', 'Shipping'),
	{ displayName: 'Signed Up After', name: 'signup_dts_start', type: 'dateTime', default: '' },
	{ displayName: 'Signed Up Before', name: 'signup_dts_end', type: 'dateTime', default: '' },
];

/** Filters with their dates as RFC 3339 (UltraCart takes offsets, as its own dates carry them) and empty values dropped. */
export function customerFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
): IDataObject {
	const filters = { ...(ctx.getNodeParameter(name, itemIndex, {}) as IDataObject) };
	for (const [key, label] of Object.entries(DATE_FILTERS))
		if (filters[key]) filters[key] = dateTimeParameter(ctx, itemIndex, label, filters[key]);
	if (!filters.pricing_tier_oid) delete filters.pricing_tier_oid;
	return filters;
}

const addressFields: INodeProperties[] = [
	{ displayName: 'Address 1', name: 'address1', type: 'string', default: '' },
	{ displayName: 'Address 2', name: 'address2', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{
		displayName: 'Country Code',
		name: 'country_code',
		type: 'string',
		default: '',
		placeholder: 'US',
		description: 'Two-letter ISO country code',
	},
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
			{
				displayName: 'Billing Address',
				name: 'billing',
				type: 'collection',
				placeholder: 'Add Billing Field',
				default: {},
				options: addressFields,
				description:
					'On Update, the fields set here change the default billing address; its other fields stay',
			},
			{
				displayName: 'Business Notes',
				name: 'business_notes',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Internal notes about the customer',
			},
			{
				displayName: 'Do Not Send Mail',
				name: 'do_not_send_mail',
				type: 'boolean',
				default: false,
				description: 'Whether the customer opted out of marketing email',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Up to 30 characters; can be set, never read',
			},
			{
				displayName: 'Pricing Tiers',
				name: 'pricing_tiers',
				type: 'string',
				default: '',
				placeholder: 'Wholesale, VIP',
				description:
					"Comma-separated pricing tier names; on Update they replace the customer's pricing tiers",
			},
			{
				displayName: 'Shipping Address',
				name: 'shipping',
				type: 'collection',
				placeholder: 'Add Shipping Field',
				default: {},
				options: addressFields,
				description:
					'On Update, the fields set here change the default shipping address; its other fields stay',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'wholesale, newsletter',
				description: "Comma-separated tags; on Update they replace the customer's tags",
			},
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
	description:
		'Any other fields of the UltraCart Customer object as JSON; they override the fields above',
};

/** The entries of a comma-separated field (tags, emails, pricing tiers), trimmed, empty ones dropped. */
export const commaList = (text: unknown) =>
	String(text ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** Maps the n8n fields onto UltraCart's Customer object (addresses and tags are lists there). */
export function customerFromFields(fields: IDataObject): IDataObject {
	const customer: IDataObject = compact({
		...fields,
		billing: undefined,
		shipping: undefined,
		tags: undefined,
		pricing_tiers: undefined,
	});
	const billing = compact((fields.billing as IDataObject) ?? {});
	if (Object.keys(billing).length) customer.billing = [{ ...billing, default_billing: true }];
	const shipping = compact((fields.shipping as IDataObject) ?? {});
	if (Object.keys(shipping).length) customer.shipping = [{ ...shipping, default_shipping: true }];
	const tags = commaList(fields.tags);
	if (tags.length) customer.tags = tags.map((tag_value) => ({ tag_value }));
	const tiers = commaList(fields.pricing_tiers);
	if (tiers.length) customer.pricing_tiers = tiers.map((name) => ({ name }));
	return customer;
}

/** Custom fields: the customer's properties (CustomerProperty: name, value, expiration), as name/value pairs. */
export const propertiesProperty: INodeProperties = {
	displayName: 'Properties',
	name: 'properties',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Property',
	default: {},
	description:
		"The customer's custom properties. A property set here is added, or replaces the value of the one with its name; the customer's other properties stay.",
	options: [
		{
			displayName: 'Property',
			name: 'property',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				{
					displayName: 'Expiration',
					name: 'expiration_dts',
					type: 'dateTime',
					default: '',
					description: 'When UltraCart deletes the property; never when empty',
				},
			],
		},
	],
};

/** The Properties entries as CustomerProperty objects, checked against UltraCart's limits before sending. */
export function propertiesFrom(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const entries = ((ctx.getNodeParameter('properties', itemIndex, {}) as IDataObject).property ??
		[]) as IDataObject[];
	return entries.map((entry) => {
		const name = String(entry.name ?? '').trim();
		if (!name) invalidParameter(ctx, itemIndex, 'Properties', 'has a property without a name');
		const value = String(entry.value ?? '');
		if (name.length > 100)
			invalidParameter(
				ctx,
				itemIndex,
				'Properties',
				`has a name of ${name.length} characters ("${name.slice(0, 20)}…"); UltraCart accepts at most 100`,
			);
		if (value.length > 1500)
			invalidParameter(
				ctx,
				itemIndex,
				'Properties',
				`has a value of ${value.length} characters for "${name}"; UltraCart accepts at most 1500`,
			);
		const property: IDataObject = { name, value };
		if (entry.expiration_dts)
			property.expiration_dts = dateTimeParameter(
				ctx,
				itemIndex,
				'Expiration',
				entry.expiration_dts,
			);
		return property;
	});
}

/** The lists UltraCart replaces with the one it is sent, which the node merges into the customer's own. */
export type MergedList = 'billing' | 'shipping' | 'properties';

/**
 * UltraCart replaces a customer's address and property lists with the ones sent, so changing one billing field or
 * one property must not drop the rest: changed address fields go into the current default address (by its oid),
 * properties replace those of the same name, and every other entry is sent back as it was.
 */
export function mergeIntoCurrent(
	changes: IDataObject,
	current: IDataObject,
	lists: MergedList[],
): void {
	for (const list of lists) {
		const held = (current[list] as IDataObject[] | undefined) ?? [];
		if (list === 'properties') {
			const given = changes.properties as IDataObject[];
			const named = (name: unknown) => given.find((p) => p.name === name);
			changes.properties = [
				...held.map((p) => ({ ...p, ...(named(p.name) ?? {}) })),
				...given.filter((p) => !held.some((h) => h.name === p.name)),
			];
			continue;
		}
		const [changed] = changes[list] as IDataObject[];
		const defaultIndex = Math.max(
			0,
			held.findIndex((address) => address[`default_${list}`] === true),
		);
		changes[list] = held.length
			? held.map((address, i) => (i === defaultIndex ? { ...address, ...changed } : address))
			: [changed];
	}
}

/** The customer a user describes: the fields (properties included) and Customer JSON, which overrides them. */
export function customerChanges(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): { fromFields: IDataObject; fromJson: IDataObject; changes: IDataObject } {
	const fromFields = customerFromFields(fields);
	const properties = propertiesFrom(ctx, itemIndex);
	if (properties.length) fromFields.properties = properties;
	const fromJson = jsonObjectParameter(ctx, 'customerJson', itemIndex, 'Customer JSON');
	return { fromFields, fromJson, changes: { ...fromFields, ...fromJson } };
}

/** The lists given as fields (not replaced whole through Customer JSON), which must be merged into the customer's own. */
export const listsToMerge = (fromFields: IDataObject, fromJson: IDataObject): MergedList[] =>
	(['billing', 'shipping', 'properties'] as const).filter(
		(list) => fromFields[list] !== undefined && fromJson[list] === undefined,
	);
