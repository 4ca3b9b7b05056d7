// MWS Customer Information emulator (2014-03-01): verifies Signature Version 2 and the 15-minute timestamp window,
// answers in the official client's XML shapes, pages with NextToken and throttles per operation (503 RequestThrottled).
import { signV2 } from '../../nodes/AmazonMws/transport/signature';
import { EmulatedBucket, Emulator, type EmulatorRequest, type EmulatorResponse } from './kit';
import secrets from './secrets.json';

export const MWS_SECRET_KEY = secrets.mwsSecretKey;
export const MWS_ACCESS_KEY_ID = 'AKIAMWSEMULATOR00001';
export const MWS_SELLER_ID = 'A2SELLER0EMULATOR';
const NAMESPACE = 'https://mws.amazonservices.com/schema/Customers/2014-03-01';
const PATH = '/CustomerInformation/2014-03-01';
const WINDOW_MS = 15 * 60 * 1000;

export interface MwsCustomer {
	CustomerId: string;
	FullName: string;
	Email: string;
	AccountType: string;
	City: string;
	CountryCode: string;
	MarketplaceId: string;
	AssociatedOn: string;
	LastUpdatedOn: string;
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An xsd:boolean in either of its lexical forms. */
const xsdBoolean = (value: boolean, digits: boolean) =>
	digits ? (value ? '1' : '0') : String(value);

function customerXml(c: MwsCustomer, digits = false): string {
	return `<Customer><CustomerId>${escape(c.CustomerId)}</CustomerId><ShippingAddressList><ShippingAddress><IsDefaultAddress>${xsdBoolean(true, digits)}</IsDefaultAddress><FullName>${escape(c.FullName)}</FullName><AddressLine1>1 Main St</AddressLine1><City>${escape(c.City)}</City><StateOrRegion>WA</StateOrRegion><PostalCode>98101</PostalCode><CountryCode>${c.CountryCode}</CountryCode></ShippingAddress></ShippingAddressList><PrimaryContactInfo><Email>${escape(c.Email)}</Email><FullName>${escape(c.FullName)}</FullName></PrimaryContactInfo><AccountType>${c.AccountType}</AccountType><AssociatedMarketplaces><MarketplaceDomain><DomainName>www.example-webstore.com</DomainName><Origin>${xsdBoolean(true, digits)}</Origin><AssociatedOn>${c.AssociatedOn}</AssociatedOn><LastUpdatedOn>${c.LastUpdatedOn}</LastUpdatedOn></MarketplaceDomain></AssociatedMarketplaces></Customer>`;
}

function errorXml(status: number, type: string, code: string, message: string): EmulatorResponse {
	return {
		status,
		headers: { 'content-type': 'text/xml', 'x-mws-request-id': `req-${Date.now()}` },
		body: `<?xml version="1.0"?>\n<ErrorResponse xmlns="https://mws.amazonservices.com/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestID>req-${Date.now()}</RequestID></ErrorResponse>`,
	};
}

function ok(action: string, result: string): EmulatorResponse {
	return {
		status: 200,
		headers: {
			'content-type': 'text/xml',
			'x-mws-request-id': `req-${Date.now()}`,
			'x-mws-timestamp': new Date().toISOString(),
		},
		body: `<?xml version="1.0"?>\n<${action}Response xmlns="${NAMESPACE}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>req-${Date.now()}</RequestId></ResponseMetadata></${action}Response>`,
	};
}

export class AmazonMwsEmulator extends Emulator {
	readonly customers: MwsCustomer[] = [];
	readonly buckets: Record<string, EmulatedBucket>;
	/** Added to the emulator's clock when checking timestamps, to test the 15-minute window. */
	clockSkewMs = 0;
	/** Writes booleans as 1/0, the other lexical form of xsd:boolean, instead of true/false. */
	digitBooleans = false;
	pageSize: number;
	private readonly tokens = new Map<string, { list: MwsCustomer[]; offset: number }>();
	private nextToken = 1;

	/** Where the service is mounted: '' at the host's root, as Amazon's own hosts; '/proxy' behind a path prefix. */
	readonly pathPrefix: string;

	/**
	 * With `pathPrefix`, the service answers at `<prefix>/CustomerInformation/2014-03-01` and checks signatures over
	 * that full path, as a compatible service mounted under a prefix does. Such an emulator writes no contract log:
	 * the log must show the vendor's own path, and a request signed over the prefixed path cannot be recorded under
	 * `/CustomerInformation/2014-03-01` with a signature the contract check would accept.
	 */
	constructor(options: { timeScale?: number; pageSize?: number; pathPrefix?: string } = {}) {
		super({ contractProvider: 'mws', timeScale: options.timeScale });
		const prefix = (options.pathPrefix ?? '').replace(/^\/*/, '/').replace(/\/+$/, '');
		this.pathPrefix = prefix;
		if (this.pathPrefix) this.withoutContractLog();
		this.pageSize = options.pageSize ?? 10;
		this.buckets = {};
		this.refillQuotas();
		this.route('POST', `${this.pathPrefix}${PATH}`, 'CustomerInformation', (req) =>
			this.handleAction(req),
		);
		this.route('GET', `${this.pathPrefix}${PATH}`, 'CustomerInformation', (req) =>
			this.handleAction(req),
		);
	}

	/** Every operation's quota full again, with the documented sizes and restore rates (boto; amazon.md §4.3). */
	refillQuotas(): void {
		Object.assign(this.buckets, {
			ListCustomers: new EmulatedBucket(15, 1 / 12, this.clock),
			ListCustomersByNextToken: new EmulatedBucket(50, 1 / 3, this.clock),
			GetCustomersForCustomerId: new EmulatedBucket(15, 1 / 12, this.clock),
			GetServiceStatus: new EmulatedBucket(2, 1 / 300, this.clock),
		});
	}

	reset(): void {
		super.reset();
		this.clockSkewMs = 0;
		this.digitBooleans = false;
	}

	/** The request's parameters, from the form body (POST) or the query string. */
	private params(req: EmulatorRequest): URLSearchParams {
		return new URLSearchParams(req.method === 'POST' ? req.text() : req.rawQuery);
	}

	private handleAction(req: EmulatorRequest): EmulatorResponse {
		const params = this.params(req);
		const all: Record<string, string> = Object.fromEntries(params.entries());
		for (const name of [
			'AWSAccessKeyId',
			'SellerId',
			'SignatureMethod',
			'SignatureVersion',
			'Timestamp',
			'Version',
			'Signature',
			'Action',
		]) {
			if (!all[name])
				return errorXml(
					400,
					'Sender',
					'MissingParameter',
					`The request must contain the parameter ${name}.`,
				);
		}
		if (all.AWSAccessKeyId !== MWS_ACCESS_KEY_ID)
			return errorXml(
				401,
				'Sender',
				'InvalidAccessKeyId',
				'The AWS Access Key Id you provided does not exist in our records.',
			);
		const expected = signV2(MWS_SECRET_KEY, req.method, req.header('host') ?? '', req.path, all);
		if (
			all.SignatureMethod !== 'HmacSHA256' ||
			all.SignatureVersion !== '2' ||
			all.Signature !== expected
		) {
			return errorXml(
				403,
				'Sender',
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
			);
		}
		const sent = Date.parse(all.Timestamp);
		if (Number.isNaN(sent) || Math.abs(Date.now() + this.clockSkewMs - sent) > WINDOW_MS) {
			return errorXml(
				400,
				'Sender',
				'RequestExpired',
				`Request has expired. Timestamp date is ${all.Timestamp}`,
			);
		}
		if (all.SellerId !== MWS_SELLER_ID)
			return errorXml(401, 'Sender', 'AccessDenied', 'Access denied');
		if (all.Version !== '2014-03-01')
			return errorXml(
				404,
				'Sender',
				'InvalidAddress',
				`Resource ${PATH} is not found on this server. API Version is missing`,
			);
		const bucket = this.buckets[all.Action];
		if (!bucket)
			return errorXml(400, 'Sender', 'InvalidParameterValue', `Invalid Action: ${all.Action}`);
		if (!bucket.take()) return errorXml(503, 'Sender', 'RequestThrottled', 'Request is throttled');
		this.count(all.Action);
		switch (all.Action) {
			case 'GetServiceStatus':
				return ok(
					'GetServiceStatus',
					`<Status>GREEN</Status><Timestamp>${new Date().toISOString()}</Timestamp>`,
				);
			case 'ListCustomers':
				return this.listCustomers(all);
			case 'ListCustomersByNextToken': {
				const page = this.tokens.get(all.NextToken ?? '');
				if (!page) return errorXml(400, 'Sender', 'InvalidParameterValue', 'Invalid NextToken');
				return this.page('ListCustomersByNextToken', page.list, page.offset);
			}
			default: {
				const ids = Object.keys(all)
					.filter((k) => /^CustomerIdList\.CustomerId\.\d+$/.test(k))
					.sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
					.map((k) => all[k]);
				if (!ids.length)
					return errorXml(
						400,
						'Sender',
						'InvalidParameterValue',
						'CustomerIdList must contain at least one CustomerId',
					);
				const found = ids
					.map((id) => this.customers.find((c) => c.CustomerId === id))
					.filter((c): c is MwsCustomer => Boolean(c));
				return ok(
					'GetCustomersForCustomerId',
					`<CustomerList>${found.map((c) => customerXml(c, this.digitBooleans)).join('')}</CustomerList>`,
				);
			}
		}
	}

	private listCustomers(all: Record<string, string>): EmulatorResponse {
		let list = [...this.customers];
		if (all.MarketplaceId) list = list.filter((c) => c.MarketplaceId === all.MarketplaceId);
		if (all.DateRangeType) {
			if (!['AssociatedDate', 'LastUpdatedDate'].includes(all.DateRangeType))
				return errorXml(
					400,
					'Sender',
					'InvalidParameterValue',
					`Invalid DateRangeType ${all.DateRangeType}`,
				);
			const field = all.DateRangeType === 'AssociatedDate' ? 'AssociatedOn' : 'LastUpdatedOn';
			if (all.DateRangeStart)
				list = list.filter((c) => c[field] >= new Date(all.DateRangeStart).toISOString());
			if (all.DateRangeEnd)
				list = list.filter((c) => c[field] <= new Date(all.DateRangeEnd).toISOString());
		}
		return this.page('ListCustomers', list, 0);
	}

	private page(action: string, list: MwsCustomer[], offset: number): EmulatorResponse {
		const slice = list.slice(offset, offset + this.pageSize);
		const more = offset + this.pageSize < list.length;
		let token = '';
		if (more) {
			// tokens contain +, / and = as real ones do, to prove they are encoded
			token =
				Buffer.from(`page-${this.nextToken++}-${offset + this.pageSize}`).toString('base64') +
				'+/=';
			this.tokens.set(token, { list, offset: offset + this.pageSize });
		}
		return ok(
			action,
			`<CustomerList>${slice.map((c) => customerXml(c, this.digitBooleans)).join('')}</CustomerList>${more ? `<NextToken>${token}</NextToken>` : ''}<MoreResultsAvailable>${xsdBoolean(more, this.digitBooleans)}</MoreResultsAvailable>`,
		);
	}

	seed(count: number): MwsCustomer[] {
		this.customers.length = 0;
		this.tokens.clear();
		for (let i = 1; i <= count; i++) {
			const day = String(1 + (i % 28)).padStart(2, '0');
			this.customers.push({
				CustomerId: `CUST${String(i).padStart(5, '0')}`,
				FullName: `Buyer ${i}`,
				Email: `buyer${i}@example.com`,
				AccountType: i % 4 === 0 ? 'Guest' : 'Registered',
				City: 'Seattle',
				CountryCode: 'US',
				MarketplaceId: i % 2 ? 'ATVPDKIKX0DER' : 'A2EUQ1WTGCTBG2',
				AssociatedOn: `2014-06-${day}T10:00:00.000Z`,
				LastUpdatedOn: `2014-07-${day}T12:30:00.000Z`,
			});
		}
		return this.customers;
	}

	seedDemoData(): void {
		this.seed(25);
		Object.assign(this.customers[0], { FullName: 'Jane Doe', Email: 'jane@example.com' });
	}
}
