import type { IDataObject } from 'n8n-workflow';

import { customFieldsObject, flatFields, objectAt, valueOrNull } from '../../../shared';

/** Output field → Voucherify address field. */
const ADDRESS: Record<string, string> = {
	address1: 'line_1',
	address2: 'line_2',
	city: 'city',
	state: 'state',
	postalCode: 'postal_code',
	country: 'country',
};

/** The fields people map, flat: ids, name, contact, birthdate, the address as fields, dates, and metadata as custom fields. */
export function simplifyCustomer(customer: IDataObject): IDataObject {
	return {
		id: valueOrNull(customer.id),
		sourceId: valueOrNull(customer.source_id),
		name: valueOrNull(customer.name),
		email: valueOrNull(customer.email),
		phone: valueOrNull(customer.phone),
		birthdate: valueOrNull(customer.birthdate) ?? valueOrNull(customer.birthday),
		...flatFields('', objectAt(customer.address), ADDRESS),
		createdAt: valueOrNull(customer.created_at),
		updatedAt: valueOrNull(customer.updated_at),
		customFields: customFieldsObject(customer.metadata),
	};
}
