import type { IDataObject } from 'n8n-workflow';

import { defaultEntry, flatFields, objectAt, valueOrNull } from '../../../shared';

/** Output field → MWS ShippingAddress element. */
const ADDRESS: Record<string, string> = {
	name: 'FullName',
	address1: 'AddressLine1',
	address2: 'AddressLine2',
	city: 'City',
	state: 'StateOrRegion',
	postalCode: 'PostalCode',
	country: 'CountryCode',
};

/** The earliest or latest of the marketplaces' dates (ISO 8601 in UTC, as the XML reader writes them); null when none is a date. */
function boundary(
	marketplaces: IDataObject[],
	field: string,
	pick: 'first' | 'last',
): string | null {
	const dates = marketplaces
		.map((m) => m[field])
		.filter((d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)))
		.sort((a, b) => Date.parse(a) - Date.parse(b));
	return (pick === 'first' ? dates[0] : dates[dates.length - 1]) ?? null;
}

/**
 * The fields people map, flat: id, primary contact, account type, the default shipping address as fields, the
 * marketplaces' domain names, when the customer first joined one (`createdAt`) and last changed in any (`updatedAt`).
 */
export function simplifyCustomer(customer: IDataObject): IDataObject {
	const contact = objectAt(customer.PrimaryContactInfo);
	const marketplaces = (
		Array.isArray(customer.AssociatedMarketplaces) ? customer.AssociatedMarketplaces : []
	).map(objectAt);
	return {
		id: valueOrNull(customer.CustomerId),
		email: valueOrNull(contact.Email),
		name: valueOrNull(contact.FullName),
		accountType: valueOrNull(customer.AccountType),
		...flatFields(
			'shipping',
			defaultEntry(customer.ShippingAddressList, 'IsDefaultAddress'),
			ADDRESS,
		),
		marketplaces: marketplaces.map((m) => valueOrNull(m.DomainName)).filter((d) => d !== null),
		createdAt: boundary(marketplaces, 'AssociatedOn', 'first'),
		updatedAt: boundary(marketplaces, 'LastUpdatedOn', 'last'),
	};
}
