// Simplify on the MWS customer reads, through n8n's real engine: the flat fields people map (on by default from node
// version 1.1), the customers as read from MWS's XML when off, and version 1 workflows keeping those.
import type { INodeParameters } from 'n8n-workflow';

import { AmazonMwsEmulator } from '../emulators/amazon-mws';
import { useEmulator } from '../emulators/kit';
import type { ProviderRunOptions } from '../harness/provider-runner';
import { mwsRunner } from './setup';

const vendor = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000, pageSize: 2 }));
const mws = mwsRunner(() => vendor.get(), {}, { resource: 'customer' });
const run = async (
	operation: string,
	parameters: INodeParameters = {},
	options: ProviderRunOptions = {},
) => await mws.run({ operation, ...parameters }, options);
const VERSION_1: ProviderRunOptions = { nodeSettings: { typeVersion: 1 } };
const actions = () => vendor.get().requests.map((r) => new URLSearchParams(r.body).get('Action'));

beforeEach(() => {
	vendor.get().seed(3);
	vendor.get().refillQuotas();
});

/** A seeded customer, simplified: the emulator gives each one address and one marketplace. */
const seededSimplified = (n: number) => {
	const c = vendor.get().customers[n - 1];
	return {
		id: `CUST0000${n}`,
		email: `buyer${n}@example.com`,
		name: `Buyer ${n}`,
		accountType: 'Registered',
		shippingName: `Buyer ${n}`,
		shippingAddress1: '1 Main St',
		shippingAddress2: null,
		shippingCity: 'Seattle',
		shippingState: 'WA',
		shippingPostalCode: '98101',
		shippingCountry: 'US',
		marketplaces: ['www.example-webstore.com'],
		createdAt: c.AssociatedOn,
		updatedAt: c.LastUpdatedOn,
	};
};

/** The same customer as the XML reader outputs it (Simplify off). */
const seededFull = (n: number) => {
	const c = vendor.get().customers[n - 1];
	return {
		CustomerId: `CUST0000${n}`,
		ShippingAddressList: [
			{
				IsDefaultAddress: true,
				FullName: `Buyer ${n}`,
				AddressLine1: '1 Main St',
				City: 'Seattle',
				StateOrRegion: 'WA',
				PostalCode: '98101',
				CountryCode: 'US',
			},
		],
		PrimaryContactInfo: { Email: `buyer${n}@example.com`, FullName: `Buyer ${n}` },
		AccountType: 'Registered',
		AssociatedMarketplaces: [
			{
				DomainName: 'www.example-webstore.com',
				Origin: true,
				AssociatedOn: c.AssociatedOn,
				LastUpdatedOn: c.LastUpdatedOn,
			},
		],
	};
};

/** A page of one customer with two addresses (the second the default) and two marketplaces. */
const PAGE = `<?xml version="1.0"?>
<ListCustomersByNextTokenResponse xmlns="https://mws.amazonservices.com/schema/Customers/2014-03-01"><ListCustomersByNextTokenResult>
<CustomerList><Customer><CustomerId>A9ZZ</CustomerId>
<ShippingAddressList>
<ShippingAddress><IsDefaultAddress>false</IsDefaultAddress><FullName>J. Doe (work)</FullName><AddressLine1>500 Office Pk</AddressLine1><City>Bellevue</City><StateOrRegion>WA</StateOrRegion><PostalCode>98004</PostalCode><CountryCode>US</CountryCode></ShippingAddress>
<ShippingAddress><IsDefaultAddress>true</IsDefaultAddress><FullName>Jane Doe</FullName><AddressLine1>1 Main St</AddressLine1><AddressLine2>Apt 2</AddressLine2><City>Seattle</City><StateOrRegion>WA</StateOrRegion><PostalCode>98101</PostalCode><CountryCode>US</CountryCode></ShippingAddress>
</ShippingAddressList>
<PrimaryContactInfo><Email>jane@example.com</Email><FullName>Jane Doe</FullName></PrimaryContactInfo>
<AccountType>Registered</AccountType>
<AssociatedMarketplaces>
<MarketplaceDomain><DomainName>www.second-shop.com</DomainName><Origin>false</Origin><AssociatedOn>2015-02-01T08:00:00Z</AssociatedOn><LastUpdatedOn>2015-03-05T09:30:00Z</LastUpdatedOn></MarketplaceDomain>
<MarketplaceDomain><DomainName>www.example-webstore.com</DomainName><Origin>true</Origin><AssociatedOn>2014-06-01T10:00:00Z</AssociatedOn><LastUpdatedOn>2014-06-15T12:30:00Z</LastUpdatedOn></MarketplaceDomain>
</AssociatedMarketplaces>
</Customer></CustomerList>
<NextToken>bmV4dC1wYWdl+/=</NextToken><MoreResultsAvailable>true</MoreResultsAvailable>
</ListCustomersByNextTokenResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListCustomersByNextTokenResponse>`;
const answerWithPage = () =>
	vendor
		.get()
		.inject(
			{ kind: 'status', status: 200, headers: { 'content-type': 'text/xml' }, body: PAGE },
			{ operation: 'CustomerInformation' },
		);

describe('Simplify on (the default of a node added now)', () => {
	test('Get Many (every page) and Get by IDs output the flat fields', async () => {
		const all = await run('getAll', { returnAll: true });
		expect(all.error).toBeUndefined();
		expect(actions()).toEqual(['ListCustomers', 'ListCustomersByNextToken']);
		expect(all.items.map((i) => i.json)).toEqual([1, 2, 3].map(seededSimplified));
		const byIds = await run('getByIds', { customerIds: 'CUST00003, CUST00001' });
		expect(byIds.items.map((i) => i.json)).toEqual([seededSimplified(3), seededSimplified(1)]);
	});

	test('Get Next Page: the default address, every marketplace, first joined and last changed; the next token kept', async () => {
		answerWithPage();
		const result = await run('getNextPage', { pageToken: 'cGFnZS0x' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: 'A9ZZ',
				email: 'jane@example.com',
				name: 'Jane Doe',
				accountType: 'Registered',
				shippingName: 'Jane Doe',
				shippingAddress1: '1 Main St',
				shippingAddress2: 'Apt 2',
				shippingCity: 'Seattle',
				shippingState: 'WA',
				shippingPostalCode: '98101',
				shippingCountry: 'US',
				marketplaces: ['www.second-shop.com', 'www.example-webstore.com'],
				createdAt: '2014-06-01T10:00:00.000Z',
				updatedAt: '2015-03-05T09:30:00.000Z',
				NextToken: 'bmV4dC1wYWdl+/=',
				MoreResultsAvailable: true,
			},
		]);
	});
});

describe('Simplify off', () => {
	test('the customers as read from the XML', async () => {
		const all = await run('getAll', { returnAll: true, simplify: false });
		expect(all.items.map((i) => i.json)).toEqual([1, 2, 3].map(seededFull));
		const byIds = await run('getByIds', { customerIds: 'CUST00002', simplify: false });
		expect(byIds.items.map((i) => i.json)).toEqual([seededFull(2)]);
		answerWithPage();
		const next = await run('getNextPage', { pageToken: 'cGFnZS0x', simplify: false });
		expect(next.items[0].json).toMatchObject({
			CustomerId: 'A9ZZ',
			NextToken: 'bmV4dC1wYWdl+/=',
			MoreResultsAvailable: true,
		});
		expect(next.items[0].json.ShippingAddressList).toHaveLength(2);
		expect(next.items[0].json.AssociatedMarketplaces).toHaveLength(2);
	});
});

describe('version 1 (workflows saved before Simplify)', () => {
	test('Simplify defaults to off: the customers as before', async () => {
		const all = await run('getAll', { returnAll: true }, VERSION_1);
		expect(all.items.map((i) => i.json)).toEqual([1, 2, 3].map(seededFull));
		const byIds = await run('getByIds', { customerIds: 'CUST00002' }, VERSION_1);
		expect(byIds.items.map((i) => i.json)).toEqual([seededFull(2)]);
	});

	test('the switch is there to turn on', async () => {
		const byIds = await run('getByIds', { customerIds: 'CUST00002', simplify: true }, VERSION_1);
		expect(byIds.items.map((i) => i.json)).toEqual([seededSimplified(2)]);
	});
});
