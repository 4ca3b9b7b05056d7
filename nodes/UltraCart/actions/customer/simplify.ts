import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	customFieldsObject,
	defaultEntry,
	flatFields,
	onlyWithoutSimplify,
	simplifyProperty,
	valueOrNull,
} from '../../../shared';

/** The customer parts (`_expand`) the simplified customer is made of; Simplify asks for them itself. */
export const SIMPLIFIED_PARTS = ['billing', 'shipping', 'tags', 'properties'];

/** Output field → UltraCart address field, for the default billing and shipping addresses. */
const ADDRESS: Record<string, string> = {
	address1: 'address1',
	address2: 'address2',
	city: 'city',
	state: 'state_region',
	postalCode: 'postal_code',
	country: 'country_code',
};

/**
 * The fields people map, flat: names, company and phone from the default billing address, both default addresses as
 * `billing…`/`shipping…` fields, tag values, sign-up and change dates, and the customer's properties as custom fields.
 */
export function simplifyCustomer(customer: IDataObject): IDataObject {
	const billing = defaultEntry(customer.billing, 'default_billing');
	const shipping = defaultEntry(customer.shipping, 'default_shipping');
	return {
		id: valueOrNull(customer.customer_profile_oid),
		email: valueOrNull(customer.email),
		firstName: valueOrNull(billing.first_name),
		lastName: valueOrNull(billing.last_name),
		company: valueOrNull(billing.company),
		phone: valueOrNull(billing.day_phone) ?? valueOrNull(billing.evening_phone),
		...flatFields('billing', billing, ADDRESS),
		...flatFields('shipping', shipping, ADDRESS),
		tags: (Array.isArray(customer.tags) ? (customer.tags as IDataObject[]) : [])
			.map((tag) => valueOrNull(tag?.tag_value))
			.filter((tag) => tag !== null),
		createdAt: valueOrNull(customer.signup_dts),
		updatedAt: valueOrNull(customer.last_modified_dts),
		customFields: customFieldsObject(customer.properties),
	};
}

/**
 * A customer read's fields with the Simplify switch: Include (`expand`) shows only while Simplify is off, since the
 * simplified customer asks for its own parts.
 */
export function withSimplify(properties: INodeProperties[]): INodeProperties[] {
	return [
		...properties.filter((p) => p.name !== 'expand'),
		...simplifyProperty(),
		...onlyWithoutSimplify(properties.filter((p) => p.name === 'expand')),
	];
}
