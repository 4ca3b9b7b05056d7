/** Regions, hosts and marketplaces of the Selling Partner API (developer-docs.amazon.com/sp-api/docs/marketplace-ids). */
export type Region = 'na' | 'eu' | 'fe';

export const REGION_NAMES: Record<Region, string> = {
	na: 'North America',
	eu: 'Europe',
	fe: 'Far East',
};

export const HOSTS: Record<Region, { production: string; sandbox: string }> = {
	na: {
		production: 'https://sellingpartnerapi-na.amazon.com',
		sandbox: 'https://sandbox.sellingpartnerapi-na.amazon.com',
	},
	eu: {
		production: 'https://sellingpartnerapi-eu.amazon.com',
		sandbox: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
	},
	fe: {
		production: 'https://sellingpartnerapi-fe.amazon.com',
		sandbox: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
	},
};

export interface Marketplace {
	region: Region;
	country: string;
	name: string;
	id: string;
}

export const MARKETPLACES: Marketplace[] = [
	{ region: 'na', country: 'CA', name: 'Canada', id: 'A2EUQ1WTGCTBG2' },
	{ region: 'na', country: 'US', name: 'United States', id: 'ATVPDKIKX0DER' },
	{ region: 'na', country: 'MX', name: 'Mexico', id: 'A1AM78C64UM0Y8' },
	{ region: 'na', country: 'BR', name: 'Brazil', id: 'A2Q3Y263D00KWC' },
	{ region: 'eu', country: 'IE', name: 'Ireland', id: 'A28R8C7NBKEWEA' },
	{ region: 'eu', country: 'ES', name: 'Spain', id: 'A1RKKUPIHCS9HS' },
	{ region: 'eu', country: 'UK', name: 'United Kingdom', id: 'A1F83G8C2ARO7P' },
	{ region: 'eu', country: 'FR', name: 'France', id: 'A13V1IB3VIYZZH' },
	{ region: 'eu', country: 'BE', name: 'Belgium', id: 'AMEN7PMS3EDWL' },
	{ region: 'eu', country: 'NL', name: 'Netherlands', id: 'A1805IZSGTT6HS' },
	{ region: 'eu', country: 'DE', name: 'Germany', id: 'A1PA6795UKMFR9' },
	{ region: 'eu', country: 'IT', name: 'Italy', id: 'APJ6JRA9NG5V4' },
	{ region: 'eu', country: 'SE', name: 'Sweden', id: 'A2NODRKZP88ZB9' },
	{ region: 'eu', country: 'ZA', name: 'South Africa', id: 'AE08WJ6YKNBMC' },
	{ region: 'eu', country: 'PL', name: 'Poland', id: 'A1C3SOZRARQ6R3' },
	{ region: 'eu', country: 'EG', name: 'Egypt', id: 'ARBP9OOSHTCHU' },
	{ region: 'eu', country: 'TR', name: 'Turkey', id: 'A33AVAJ2PDY3EV' },
	{ region: 'eu', country: 'SA', name: 'Saudi Arabia', id: 'A17E79C6D8DWNP' },
	{ region: 'eu', country: 'AE', name: 'United Arab Emirates', id: 'A2VIGQ35RCS4UG' },
	{ region: 'eu', country: 'IN', name: 'India', id: 'A21TJRUUN4KGV' },
	{ region: 'fe', country: 'SG', name: 'Singapore', id: 'A19VAU5U5O7RUS' },
	{ region: 'fe', country: 'AU', name: 'Australia', id: 'A39IBJ37TRP1C6' },
	{ region: 'fe', country: 'JP', name: 'Japan', id: 'A1VC38T7YXB528' },
];

export function regionOf(value: unknown): Region {
	return value === 'eu' || value === 'fe' ? value : 'na';
}
