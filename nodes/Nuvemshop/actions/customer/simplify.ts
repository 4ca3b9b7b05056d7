import type { IDataObject } from 'n8n-workflow';

import {
	customFieldsObject,
	defaultEntry,
	flatFields,
	objectAt,
	valueOrNull,
} from '../../../shared';

/** Output field → Nuvemshop field: street, number, floor, locality (neighbourhood), city, province, zip code, country. */
const BILLING: Record<string, string> = {
	street: 'billing_address',
	number: 'billing_number',
	floor: 'billing_floor',
	locality: 'billing_locality',
	city: 'billing_city',
	state: 'billing_province',
	postalCode: 'billing_zipcode',
	country: 'billing_country',
	phone: 'billing_phone',
};
/** The same for an address of the address book (the default shipping address). */
const SHIPPING: Record<string, string> = Object.fromEntries(
	Object.entries(BILLING).map(([key, field]) => [key, field.replace(/^billing_/, '')]),
);

/**
 * The fields people map, flat: id, name, contact, identification (CPF/CNPJ, DNI), the billing address and the default
 * shipping address as fields, marketing consent, dates, and `extra` as custom fields.
 */
export function simplifyCustomer(customer: IDataObject): IDataObject {
	const shipping = Object.keys(objectAt(customer.default_address)).length
		? objectAt(customer.default_address)
		: defaultEntry(customer.addresses, 'default');
	return {
		id: valueOrNull(customer.id),
		name: valueOrNull(customer.name),
		email: valueOrNull(customer.email),
		phone: valueOrNull(customer.phone),
		identification: valueOrNull(customer.identification),
		...flatFields('billing', customer, BILLING),
		...flatFields('shipping', shipping, SHIPPING),
		acceptsMarketing: valueOrNull(customer.accepts_marketing),
		createdAt: valueOrNull(customer.created_at),
		updatedAt: valueOrNull(customer.updated_at),
		customFields: customFieldsObject(customer.extra),
	};
}
