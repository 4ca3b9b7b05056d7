import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertEmail,
	compact,
	dateParameter,
	dateTimeParameter,
	invalidParameter,
	jsonObjectParameter,
	pathSegment,
	readLimit,
	requiredPathId,
	returnAllOrLimit,
} from '../../../shared';
import { listCustomerItems } from '../../transport/customers';
import { cachedCustomerMetadataSchema } from '../../transport/metadataSchemas';
import { checkMetadata, typedByDefinition } from './metadata';

const CUSTOMER_ID = 'Customer ID or Source ID';

const addressOptions: INodeProperties[] = [
	{ displayName: 'Address Line 1', name: 'line_1', type: 'string', default: '' },
	{ displayName: 'Address Line 2', name: 'line_2', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Country', name: 'country', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
];

/** The customer's own fields (CustomerBase), as a collection. */
export function customerFieldsCollection(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Address',
				name: 'address',
				type: 'collection',
				placeholder: 'Add Address Field',
				default: {},
				options: addressOptions,
			},
			{
				displayName: 'Birthdate',
				name: 'birthdate',
				type: 'dateTime',
				default: '',
				description: 'Sent as YYYY-MM-DD',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'An arbitrary text attached to the customer',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: "Customer's first and last name",
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				description: 'Needed to send codes by SMS',
			},
		],
	};
}

/** Metadata key/value pairs, read by metadataFrom; the keys are offered from the project's customer metadata schema. */
export const metadataProperty: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Metadata',
	default: {},
	description:
		"Custom attributes stored on the customer (used in segments and validation rules), from the project's metadata schema",
	options: [
		{
			displayName: 'Entry',
			name: 'entry',
			values: [
				{
					displayName: 'Key Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomerMetadataKeys' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'Typed as the schema defines the key (a list from a JSON array or comma-separated text); null clears it. Keys the schema does not define: numbers, true/false and null are sent as such, anything else as text.',
				},
			],
		},
	],
};

/** Metadata and a raw JSON escape hatch for any other field. */
export const metadataAndJsonProperties: INodeProperties[] = [
	metadataProperty,
	{
		displayName: 'JSON Fields',
		name: 'jsonFields',
		type: 'json',
		default: '{}',
		description: 'Any other customer fields as a JSON object; they override the fields above',
	},
];

/** Metadata checked against the project's schema (Create or Update, Update): the fields, and the way past the check. */
export const schemaCheckedMetadataProperties: INodeProperties[] = [
	metadataProperty,
	{
		displayName: 'Allow Keys Not in Schema',
		name: 'allowUnknownMetadata',
		type: 'boolean',
		default: false,
		description:
			"Whether to send metadata keys the project's customer metadata schema does not define; otherwise such a key stops the node before anything is sent",
	},
	metadataAndJsonProperties[1],
];

/** Metadata values typed the way a user means them: "12" is a number, "true" a boolean. */
export function typedValue(value: string): unknown {
	const text = value.trim();
	if (text === 'true' || text === 'false') return text === 'true';
	if (text === 'null') return null;
	if (text !== '' && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	return value;
}

/** Types one Metadata entry's value for its key. */
type MetadataTyper = (key: string, value: unknown) => unknown;

const typedAsWritten: MetadataTyper = (_key, value) => typedValue(String(value ?? ''));

export function metadataFrom(
	ctx: IExecuteFunctions,
	itemIndex: number,
	typed: MetadataTyper = typedAsWritten,
): IDataObject | undefined {
	const entries = ((ctx.getNodeParameter('metadata', itemIndex, {}) as IDataObject).entry ??
		[]) as Array<{ key: string; value: unknown }>;
	const metadata: IDataObject = {};
	for (const { key, value } of entries) {
		const name = String(key ?? '').trim();
		if (!name) invalidParameter(ctx, itemIndex, 'Metadata', 'has an entry without a key');
		metadata[name] = typed(name, value) as IDataObject[string];
	}
	return Object.keys(metadata).length ? metadata : undefined;
}

/** Builds a customer body from a fields collection, metadata and JSON Fields, checking what Voucherify would refuse. */
export function customerBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
	typed: MetadataTyper = typedAsWritten,
): IDataObject {
	const fields = { ...(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	// format: date (YYYY-MM-DD); a date-time gives its own calendar date
	if (fields.birthdate)
		fields.birthdate = dateParameter(ctx, itemIndex, 'Birthdate', fields.birthdate);
	if (fields.email) fields.email = assertEmail(ctx, itemIndex, 'Email', fields.email);
	const address = fields.address ? compact(fields.address as IDataObject) : undefined;
	delete fields.address;
	const body: IDataObject = compact(fields);
	if (address && Object.keys(address).length) body.address = address;
	const metadata = metadataFrom(ctx, itemIndex, typed);
	if (metadata) body.metadata = metadata;
	return { ...body, ...jsonObjectParameter(ctx, 'jsonFields', itemIndex, 'JSON Fields') };
}

/**
 * customerBody with its metadata typed and checked by the project's customer metadata schema (read once per
 * execution, only when there is metadata to send); everything else is checked first, so bad input sends nothing.
 */
export async function checkedCustomerBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): Promise<IDataObject> {
	const body = customerBody(ctx, itemIndex, collection);
	if (body.metadata === undefined || body.metadata === null) return body;
	if (typeof body.metadata !== 'object' || Array.isArray(body.metadata))
		invalidParameter(ctx, itemIndex, 'JSON Fields', 'has a "metadata" that is not an object');
	const schema = await cachedCustomerMetadataSchema(ctx, itemIndex);
	if (!schema) return body;
	const checked = customerBody(ctx, itemIndex, collection, (key, value) => {
		const definition = schema.properties[key];
		return definition ? typedByDefinition(ctx, definition, value) : typedAsWritten(key, value);
	});
	const allowUnknown = ctx.getNodeParameter('allowUnknownMetadata', itemIndex, false) as boolean;
	checkMetadata(ctx, itemIndex, checked.metadata as IDataObject, schema, allowUnknown);
	return checked;
}

export function customerIdProperty(description: string): INodeProperties {
	return {
		displayName: CUSTOMER_ID,
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'cust_… or your own ID',
		description,
	};
}

/** The Customer ID or Source ID parameter as given, and the customer's path /v1/customers/{id}. */
export function customerIdParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { id: string; path: string } {
	const id = requiredPathId(ctx, 'customerId', itemIndex, CUSTOMER_ID);
	return { id, path: `/v1/customers/${pathSegment(ctx, itemIndex, CUSTOMER_ID, id)}` };
}

/** A Filters collection with these options, in the alphabetical order n8n's collections keep. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const CAMPAIGN_TYPES = [
	{ name: 'Discount Coupons', value: 'DISCOUNT_COUPONS' },
	{ name: 'Gift Vouchers', value: 'GIFT_VOUCHERS' },
	{ name: 'Loyalty Program', value: 'LOYALTY_PROGRAM' },
	{ name: 'Promotion', value: 'PROMOTION' },
	{ name: 'Referral Program', value: 'REFERRAL_PROGRAM' },
];

/** The fields of both activity lists (Get Activity and the deprecated Get Activities): each adds its own filters. */
export function activityProperties(
	customerIdDescription: string,
	ownFilters: INodeProperties[],
): INodeProperties[] {
	return [
		customerIdProperty(customerIdDescription),
		...returnAllOrLimit(undefined),
		filtersCollection([
			{ displayName: 'Campaign ID', name: 'campaign_id', type: 'string', default: '' },
			{
				displayName: 'Campaign Type',
				name: 'campaign_type',
				type: 'options',
				options: CAMPAIGN_TYPES,
				default: 'PROMOTION',
			},
			{ displayName: 'End Date', name: 'end_date', type: 'dateTime', default: '' },
			{ displayName: 'Start Date', name: 'start_date', type: 'dateTime', default: '' },
			...ownFilters,
		]),
		{
			displayName: 'Sort',
			name: 'order',
			type: 'options',
			options: [
				{ name: 'Newest First', value: '-created_at' },
				{ name: 'Oldest First', value: 'created_at' },
			],
			default: '-created_at',
		},
	];
}

/** Activity lists (`/activity` and the deprecated `/activities`): dates as RFC 3339, newest first unless asked. */
export async function listActivities(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: 'activity' | 'activities',
): Promise<IDataObject[]> {
	const filters = { ...(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	if (filters.start_date)
		filters.start_date = dateTimeParameter(ctx, itemIndex, 'Start Date', filters.start_date);
	if (filters.end_date)
		filters.end_date = dateTimeParameter(ctx, itemIndex, 'End Date', filters.end_date);
	const { path } = customerIdParameter(ctx, itemIndex);
	const query = { ...filters, order: ctx.getNodeParameter('order', itemIndex, '-created_at') };
	return await listCustomerItems(
		ctx,
		itemIndex,
		`${path}/${list}`,
		query,
		readLimit(ctx, itemIndex),
	);
}
