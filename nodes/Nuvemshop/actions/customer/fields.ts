import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertEmail,
	compact,
	invalidParameter,
	jsonObjectParameter,
	pathSegment,
	requiredInteger,
} from '../../../shared';

export function customerIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456',
		description,
	};
}

/** The Customer ID parameter as a number, and the customer's path under the store root. */
export function customerIdParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { id: number; path: string } {
	const id = requiredInteger(ctx, 'customerId', itemIndex, 'Customer ID');
	return { id, path: `/customers/${pathSegment(ctx, itemIndex, 'Customer ID', id)}` };
}

/** Options: the fields to return. */
export const fieldsOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'id,name,email',
			description: 'Comma-separated list of the customer fields to return; all when empty',
		},
	],
};

/** Customer fields shared by Create (Additional Fields) and Update (Update Fields). */
const customerFieldOptions: INodeProperties[] = [
	{
		displayName: 'Billing Address',
		name: 'billing_address',
		type: 'string',
		default: '',
		description: 'Street of the billing address',
	},
	{ displayName: 'Billing City', name: 'billing_city', type: 'string', default: '' },
	{
		displayName: 'Billing Country',
		name: 'billing_country',
		type: 'string',
		default: '',
		placeholder: 'BR',
		description: 'Two-letter country code (ISO 3166-1)',
	},
	{ displayName: 'Billing Floor', name: 'billing_floor', type: 'string', default: '' },
	{
		displayName: 'Billing Locality',
		name: 'billing_locality',
		type: 'string',
		default: '',
		description: 'Neighbourhood of the billing address',
	},
	{
		displayName: 'Billing Number',
		name: 'billing_number',
		type: 'string',
		default: '',
		description: 'Street number of the billing address',
	},
	{ displayName: 'Billing Phone', name: 'billing_phone', type: 'string', default: '' },
	{
		displayName: 'Billing Province',
		name: 'billing_province',
		type: 'string',
		default: '',
		description: 'State or province of the billing address',
	},
	{ displayName: 'Billing Zip Code', name: 'billing_zipcode', type: 'string', default: '' },
	{
		displayName: 'Identification',
		name: 'identification',
		type: 'string',
		default: '',
		description: 'Tax ID of the customer: CPF or CNPJ in Brazil, DNI or CUIT in Argentina',
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A note about the customer, visible to the store',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
];

const addressFields: INodeProperties[] = [
	{ displayName: 'Street', name: 'address', type: 'string', default: '' },
	{ displayName: 'Number', name: 'number', type: 'string', default: '' },
	{ displayName: 'Floor', name: 'floor', type: 'string', default: '' },
	{
		displayName: 'Locality',
		name: 'locality',
		type: 'string',
		default: '',
		description: 'Neighbourhood',
	},
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Province',
		name: 'province',
		type: 'string',
		default: '',
		description: 'State or province',
	},
	{ displayName: 'Zip Code', name: 'zipcode', type: 'string', default: '' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'BR',
		description: 'Two-letter country code (ISO 3166-1)',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
];

/** The simple customer fields of Create and Update with each one's own, in the alphabetical order n8n's collections keep. */
export function customerFieldsCollection(
	name: string,
	displayName: string,
	ownFields: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...ownFields, ...customerFieldOptions].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** Addresses, custom fields (extra) and raw JSON: the parts of a customer that are not simple fields. */
export const customerStructuredProperties: INodeProperties[] = [
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Address',
		default: {},
		description:
			'The first address becomes the default one. On Update, the list replaces the stored addresses.',
		options: [{ displayName: 'Address', name: 'address', values: addressFields }],
	},
	{
		displayName: 'Custom Fields (Extra)',
		name: 'extra',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description:
			'Values stored in the customer\'s "extra" object, e.g. from storefront form fields',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'JSON Fields',
		name: 'jsonFields',
		type: 'json',
		default: '{}',
		description: 'Any other customer fields as a JSON object; they override the fields above',
	},
];

/** Builds the customer body from the simple fields, addresses, extra and raw JSON of one item. */
export function customerBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	simpleFields: IDataObject,
): IDataObject {
	const body: IDataObject = compact(simpleFields);
	if (body.email !== undefined) body.email = assertEmail(ctx, itemIndex, 'Email', body.email);
	const addresses = ((ctx.getNodeParameter('addresses', itemIndex, {}) as IDataObject).address ??
		[]) as IDataObject[];
	if (addresses.length) body.addresses = addresses.map((a) => compact(a));
	const extraFields = ((ctx.getNodeParameter('extra', itemIndex, {}) as IDataObject).field ??
		[]) as Array<{ key: string; value: string }>;
	for (const f of extraFields)
		if (!String(f.key ?? '').trim() && String(f.value ?? '') !== '')
			invalidParameter(
				ctx,
				itemIndex,
				'Custom Fields (Extra)',
				`has a value without a key ("${String(f.value)}"): enter the key to store it under`,
			);
	const extra = Object.fromEntries(
		extraFields
			.filter((f) => String(f.key ?? '').trim())
			.map((f) => [String(f.key).trim(), f.value]),
	);
	if (Object.keys(extra).length) body.extra = extra;
	return { ...body, ...jsonObjectParameter(ctx, 'jsonFields', itemIndex, 'JSON Fields') };
}

/** Name and Email, which a new customer needs; the Email's description says how the operation uses it. */
export function nameAndEmailProperties(emailDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: "The customer's full name",
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: emailDescription,
		},
	];
}

/** What only a customer being created gets: a password and the invitation email. */
export function signUpFields(existingCustomersToo: boolean): INodeProperties[] {
	const onlyNew = existingCustomersToo ? ', only when the customer is created' : '';
	return [
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `Password for the customer to log in to the store${onlyNew}`,
		},
		{
			displayName: 'Send Email Invite',
			name: 'send_email_invite',
			type: 'boolean',
			default: false,
			description: `Whether to email the customer to notify them of their registration${onlyNew}`,
		},
	];
}
