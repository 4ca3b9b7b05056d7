/**
 * The five providers as `npm start` and the e2e tests see them: where their node, credentials and emulator
 * live, the fixed loopback ports, the demo credentials that point at the emulators, and one e2e case per
 * node operation. Providers whose node, credential or emulator is not there yet are skipped (and reported).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './runtime';

export const PACKAGE_NAME = 'n8n-nodes-commerce-customers';

/** Any emulator of the kit, loosely typed: the script only needs start/stop and some demo state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEmulator = any;

export interface DemoCredential {
	/** Fixed 16-character id, so a re-import replaces it. */
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
	/** Field names whose values are secrets (searched for in n8n's database after the run). */
	secretFields: string[];
	/** When the type has a Test request: data fields to change so the test must fail. */
	wrong?: Record<string, unknown>;
}

/** The items a case feeds the node: none (Manual Trigger's one empty item) or a binary file. */
export type CaseInput = { file: { base64: string; fileName: string; mimeType: string } } | undefined;

export interface E2ECase {
	resource: string;
	operation: string;
	/** Node parameters (besides resource and operation). */
	params: Record<string, unknown>;
	/** Credential id (default: the provider's first demo credential). */
	credential?: string;
	input?: CaseInput;
	/** Returns what is wrong with the output, or undefined when it is right. */
	check: (items: Array<Record<string, unknown>>, emulator: AnyEmulator) => string | undefined;
	/** Why this case cannot run yet (printed as SKIP with the reason; not counted as passed). */
	skip?: string;
	/** A short label for the report when one operation has more than one case. */
	label?: string;
}

export interface Provider {
	key: string;
	title: string;
	/** Node class name = folder = file name. */
	node: string;
	/** description.name of the node (type `n8n-nodes-commerce-customers.<nodeName>`). */
	nodeName: string;
	credentialFiles: string[];
	emulatorFile: string;
	emulatorClass: string;
	/** Extra ports an emulator takes after its own (SP-API: LWA and S3). */
	extraPorts: number;
	/** Port offset from the base port. */
	offset: number;
	/** Demo credentials, given the emulator module and the started emulator. */
	credentials: (mod: Record<string, unknown>, emu: AnyEmulator) => DemoCredential[];
	/** Prepares the emulator for the e2e cases (after seedDemoData) and returns the values the cases need. */
	prepare?: (mod: Record<string, unknown>, emu: AnyEmulator) => Promise<Record<string, unknown>>;
	cases: (ctx: Record<string, unknown>, mod: Record<string, unknown>, emu: AnyEmulator) => E2ECase[];
	/** For the polling trigger's e2e: a customer with this email signs up at the vendor, over its API. */
	signUp?: (mod: Record<string, unknown>, emu: AnyEmulator, email: string) => Promise<void>;
	/**
	 * For the "New or Updated Customer" trigger's e2e: an existing (demo) customer is changed at the vendor, over its
	 * API, so that one of its fields holds `marker`; returns a test for the trigger's items that is true for that change.
	 */
	change?: (mod: Record<string, unknown>, emu: AnyEmulator, marker: string) => Promise<(item: Record<string, unknown>) => boolean>;
}

// ---------------------------------------------------------------- helpers for checks

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function first(items: Array<Record<string, unknown>>): Record<string, unknown> | undefined {
	return items[0];
}

/** Expects at least `n` items. */
export const atLeast =
	(n: number, more?: (items: Array<Record<string, unknown>>) => string | undefined) =>
	(items: Array<Record<string, unknown>>): string | undefined =>
		items.length < n ? `expected at least ${n} item(s), got ${items.length}` : more?.(items);

/** Expects exactly `n` items. */
export const exactly =
	(n: number, more?: (items: Array<Record<string, unknown>>) => string | undefined) =>
	(items: Array<Record<string, unknown>>): string | undefined =>
		items.length !== n ? `expected ${n} item(s), got ${items.length}` : more?.(items);

/** Expects the first item to contain `field` (a dotted path) equal to `value` (or present when value is undefined). */
export const field =
	(dotted: string, value?: unknown) =>
	(items: Array<Record<string, unknown>>): string | undefined => {
		const item = items[0];
		if (!item) return 'no output item';
		let cur: unknown = item;
		for (const part of dotted.split('.')) cur = isObj(cur) ? cur[part] : Array.isArray(cur) ? cur[Number(part)] : undefined;
		if (value === undefined) return cur === undefined || cur === null ? `output has no "${dotted}": ${JSON.stringify(item).slice(0, 300)}` : undefined;
		return String(cur) === String(value) ? undefined : `output "${dotted}" is ${JSON.stringify(cur)}, expected ${JSON.stringify(value)}`;
	};

export const all =
	(...checks: Array<(items: Array<Record<string, unknown>>, emu: AnyEmulator) => string | undefined>) =>
	(items: Array<Record<string, unknown>>, emu: AnyEmulator): string | undefined => {
		for (const c of checks) {
			const r = c(items, emu);
			if (r) return r;
		}
		return undefined;
	};

/** Expects the emulator to have recorded at least `n` requests of a vendor operation id. */
export const vendorSaw =
	(operation: string, n = 1) =>
	(_items: Array<Record<string, unknown>>, emu: AnyEmulator): string | undefined => {
		const got = (emu.calls?.(operation) ?? []).length;
		return got >= n ? undefined : `the emulator saw ${got} "${operation}" request(s), expected at least ${n}`;
	};

const PDF = Buffer.from('%PDF-1.4\n% demo invoice 1001\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const pdfInput: CaseInput = { file: { base64: PDF.toString('base64'), fileName: 'invoice-1001.pdf', mimeType: 'application/pdf' } };
const CSV = 'source_id,name,email,city\ncsv-1,Linus Example,linus@example.com,Helsinki\ncsv-2,Margaret Example,margaret@example.com,Boston\n';
export const csvInput: CaseInput = { file: { base64: Buffer.from(CSV).toString('base64'), fileName: 'customers.csv', mimeType: 'text/csv' } };

/** A plain HTTP request to an emulator (test setup only; never logged for the contract). */
async function raw(url: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<Record<string, unknown>> {
	const res = await fetch(url, init);
	const text = await res.text();
	if (!res.ok) throw new Error(`${init.method} ${url} answered ${res.status}: ${text.slice(0, 200)}`);
	return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * n8n 2.41 pins a hidden `accessTokenUrl` of an OAuth2 credential to its declared default and ignores a stored
 * value (credentials-helper.js, OAUTH_PINNED_FIELDS). The refresh can reach the emulator only when that default
 * follows the credential's Custom Base URL.
 */
function ultraCartRefreshGap(): string | undefined {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(path.join(REPO_ROOT, 'dist', 'credentials', 'UltraCartOAuth2Api.credentials.js')) as Record<string, new () => { properties: Array<{ name: string; default: unknown }> }>;
		const prop = new mod.UltraCartOAuth2Api().properties.find((p) => p.name === 'accessTokenUrl');
		if (String(prop?.default ?? '').includes('customBaseUrl')) return undefined;
		return `UltraCartOAuth2Api's hidden Access Token URL is fixed to ${String(prop?.default)}; n8n ignores a stored value, so the refresh cannot reach the emulator (make its default follow customBaseUrl)`;
	} catch (error) {
		return `cannot read UltraCartOAuth2Api: ${(error as Error).message}`;
	}
}

// ---------------------------------------------------------------- the providers

/** The demo MWS Auth Token (the emulator accepts any; the signature it verifies covers it). */
const MWS_AUTH_TOKEN = 'amzn.mws.e2e0demo-0000-4000-8000-authtoken001';

/** The emulator answered a GetCustomersForCustomerId whose signed parameters carried the demo MWS Auth Token. */
const mwsSignedWithAuthToken = (_items: Array<Record<string, unknown>>, emu: AnyEmulator): string | undefined => {
	const sent = (emu.requests as Array<{ method: string; query: string; body: string; status: number }>).map((r) => ({ status: r.status, params: new URLSearchParams(r.method === 'POST' ? r.body : r.query) }));
	const withToken = sent.filter((r) => r.params.get('Action') === 'GetCustomersForCustomerId' && r.params.get('MWSAuthToken') === MWS_AUTH_TOKEN);
	if (!withToken.length) return 'no GetCustomersForCustomerId request carried the credential\'s MWSAuthToken';
	if (!withToken.some((r) => r.status === 200 && r.params.get('Signature'))) return `the requests with MWSAuthToken were refused (HTTP ${withToken.map((r) => r.status).join(', ')}): the token is not covered by the signature`;
	return undefined;
};

const SP_ORDER = '123-1234567-1234567';
const US = 'ATVPDKIKX0DER';

export const PROVIDERS: Provider[] = [
	{
		key: 'voucherify',
		title: 'Voucherify',
		node: 'Voucherify',
		nodeName: 'voucherify',
		credentialFiles: ['VoucherifyApi'],
		emulatorFile: 'voucherify',
		emulatorClass: 'VoucherifyEmulator',
		extraPorts: 0,
		offset: 1,
		credentials: (m, emu) => [
			{
				id: 'demoVoucherify01',
				name: 'Voucherify (demo emulator)',
				type: 'voucherifyApi',
				data: { applicationId: m.VOUCHERIFY_APP_ID, secretKey: m.VOUCHERIFY_SECRET, region: 'custom', customBaseUrl: emu.baseUrl, channel: 'n8n-demo' },
				secretFields: ['secretKey'],
				wrong: { secretKey: 'vf-wrong-secret-000000' },
			},
		],
		prepare: async (m, emu) => {
			const list = [...emu.customers.values()] as Array<{ id: string; source_id: string }>;
			const headers = { 'X-App-Id': String(m.VOUCHERIFY_APP_ID), 'X-App-Token': String(m.VOUCHERIFY_SECRET), 'Content-Type': 'application/json' };
			const started = await raw(`${emu.baseUrl}/v1/customers/metadata/async`, { method: 'POST', headers, body: JSON.stringify({ source_ids: ['src-1'], metadata: { prepared: true } }) });
			const activities = emu.activities.get(list[0].id) as Array<{ id: string }> | undefined;
			return { ada: list[0].id, grace: list[1].id, third: list[2].id, asyncActionId: started.async_action_id, activityId: activities?.[0]?.id };
		},
		cases: (ctx) => [
			{ resource: 'customer', operation: 'upsert', params: { sourceId: 'e2e-new-1', customerFields: { name: 'E2E Upserted', email: 'e2e.upserted@example.com' } }, check: all(field('source_id', 'e2e-new-1'), field('email', 'e2e.upserted@example.com'), vendorSaw('create-customer')) },
			{ resource: 'customer', operation: 'get', params: { customerId: ctx.ada }, check: all(field('id', ctx.ada), field('name', 'Ada Lovelace')) },
			{ resource: 'customer', operation: 'getAll', params: { returnAll: true }, check: atLeast(3, field('object', 'customer')) },
			{ resource: 'customer', operation: 'getAll', label: 'limit 2', params: { returnAll: false, limit: 2 }, check: exactly(2) },
			{ resource: 'customer', operation: 'update', params: { customerId: ctx.ada, updateFields: { phone: '+48 600 000 001' } }, check: all(field('id', ctx.ada), field('phone', '+48 600 000 001'), vendorSaw('update-customer')) },
			{ resource: 'customer', operation: 'getActivities', params: { customerId: ctx.ada, returnAll: true }, check: atLeast(1, field('id')) },
			{ resource: 'customer', operation: 'getActivity', params: { customerId: ctx.ada, returnAll: true }, check: atLeast(1, field('id')) },
			{ resource: 'customer', operation: 'getRedeemables', params: { customerId: ctx.ada, returnAll: true }, check: all(vendorSaw('list-customer-redeemables')) },
			{ resource: 'customer', operation: 'getSegments', params: { customerId: ctx.ada }, check: vendorSaw('list-customer-segments') },
			{ resource: 'customer', operation: 'importCsv', params: { binaryPropertyName: 'data', waitForCompletion: true, maxWaitSeconds: 60, pollIntervalSeconds: 1 }, input: csvInput, check: all(atLeast(1), vendorSaw('import-customers-using-csv')) },
			{ resource: 'customer', operation: 'updateMany', params: { sourceId: 'src-2', updateFields: { phone: '+1 555 0100' }, waitForCompletion: true, maxWaitSeconds: 60, pollIntervalSeconds: 1 }, check: all(atLeast(1), vendorSaw('update-customers-in-bulk')) },
			{ resource: 'customer', operation: 'updateManyMetadata', params: { sourceIds: 'src-1,src-2', metadataJson: '{"segment":"e2e"}', waitForCompletion: true, maxWaitSeconds: 60, pollIntervalSeconds: 1 }, check: all(atLeast(1), vendorSaw('update-customers-metadata-in-bulk')) },
			{ resource: 'asyncAction', operation: 'get', params: { asyncActionId: ctx.asyncActionId }, check: field('id', ctx.asyncActionId) },
			{ resource: 'customer', operation: 'delete', params: { customerId: ctx.third }, check: all(exactly(1), vendorSaw('delete-customer')) },
			{ resource: 'customer', operation: 'deletePermanently', params: { customerId: ctx.grace }, check: all(exactly(1), vendorSaw('customer-permanently-deletion')) },
		],
		signUp: async (m, emu, email) => {
			const headers = { 'X-App-Id': String(m.VOUCHERIFY_APP_ID), 'X-App-Token': String(m.VOUCHERIFY_SECRET), 'Content-Type': 'application/json' };
			await raw(`${emu.baseUrl}/v1/customers`, { method: 'POST', headers, body: JSON.stringify({ source_id: email, name: 'Trigger Signup', email }) });
		},
		change: async (m, emu, marker) => {
			const headers = { 'X-App-Id': String(m.VOUCHERIFY_APP_ID), 'X-App-Token': String(m.VOUCHERIFY_SECRET), 'Content-Type': 'application/json' };
			// Ada, the first demo customer (the e2e cases update her but never delete her).
			const ada = ([...emu.customers.values()] as Array<{ id: string; email: string | null }>).find((c) => c.email === 'ada@example.com');
			if (!ada) throw new Error('the Voucherify demo customer ada@example.com is gone');
			await raw(`${emu.baseUrl}/v1/customers/${ada.id}`, { method: 'PUT', headers, body: JSON.stringify({ description: marker }) });
			return (item) => item.id === ada.id && item.description === marker;
		},
	},
	{
		key: 'ultracart',
		title: 'UltraCart',
		node: 'UltraCart',
		nodeName: 'ultraCart',
		credentialFiles: ['UltraCartApi', 'UltraCartOAuth2Api'],
		emulatorFile: 'ultracart',
		emulatorClass: 'UltraCartEmulator',
		extraPorts: 0,
		offset: 2,
		credentials: (m, emu) => [
			{
				id: 'demoUltraCart001',
				name: 'UltraCart (demo emulator)',
				type: 'ultraCartApi',
				data: { apiKey: m.ULTRACART_SIMPLE_KEY, customBaseUrl: `${emu.baseUrl}/rest/v2` },
				secretFields: ['apiKey'],
				wrong: { apiKey: 'uc-wrong-key-0000000' },
			},
			...(() => {
				// The emulator issues this access token, as if the user had connected the credential in n8n.
				emu.accessTokens.add('uc-access-demo-oauth2');
				const oauth = (id: string, name: string, accessToken: string): DemoCredential => ({
					id,
					name,
					type: 'ultraCartOAuth2Api',
					data: {
						clientId: m.ULTRACART_CLIENT_ID,
						clientSecret: m.ULTRACART_CLIENT_SECRET,
						grantType: 'authorizationCode',
						scope: 'customer_read customer_write',
						authQueryParameters: '',
						authentication: 'body',
						customBaseUrl: `${emu.baseUrl}/rest/v2`,
						oauthTokenData: { access_token: accessToken, refresh_token: 'uc-refresh-demo-77', token_type: 'bearer' },
					},
					secretFields: ['clientSecret', 'oauthTokenData.access_token', 'oauthTokenData.refresh_token'],
				});
				return [
					oauth('demoUltraCartOA2', 'UltraCart OAuth2 (demo emulator)', 'uc-access-demo-oauth2'),
					// A token the vendor no longer accepts: n8n must refresh it at the credential's Access Token URL.
					oauth('demoUltraCartRfr', 'UltraCart OAuth2, expired token (demo emulator)', 'uc-expired-demo-token'),
				];
			})(),
		],
		prepare: async (_m, emu) => {
			emu.verificationTokens.set('verify-e2e-1', 'jane.doe@example.com');
			return {};
		},
		cases: () => [
			{ resource: 'customer', operation: 'get', params: { customerProfileOid: '1001' }, check: all(field('customer_profile_oid', 1001), field('email', 'jane.doe@example.com')) },
			{ resource: 'customer', operation: 'get', label: 'OAuth2', credential: 'demoUltraCartOA2', params: { authentication: 'oAuth2', customerProfileOid: '1001' }, check: all(field('customer_profile_oid', 1001), (_i, emu) => (emu.calls('get_customer').some((r: { headers: Record<string, string> }) => r.headers.authorization === 'Bearer uc-access-demo-oauth2') ? undefined : 'the OAuth2 bearer token was not sent')) },
			{
				resource: 'customer',
				operation: 'get',
				label: 'OAuth2 token refresh',
				credential: 'demoUltraCartRfr',
				params: { authentication: 'oAuth2', customerProfileOid: '1001' },
				skip: ultraCartRefreshGap(),
				check: all(field('customer_profile_oid', 1001), (_i, emu) => (emu.sideEffects('oauthToken') >= 1 ? undefined : 'n8n did not refresh the OAuth2 token at the emulator')),
			},
			{ resource: 'customer', operation: 'create', params: { email: 'e2e.created@example.com' }, check: all(field('email', 'e2e.created@example.com'), field('customer_profile_oid'), vendorSaw('insert_customer')) },
			{ resource: 'customer', operation: 'getByEmail', params: { email: 'jane.doe@example.com' }, check: field('customer_profile_oid', 1001) },
			{ resource: 'customer', operation: 'getAll', params: { returnAll: true }, check: atLeast(4, field('customer_profile_oid')) },
			{ resource: 'customer', operation: 'getAll', label: 'limit 2', params: { returnAll: false, limit: 2 }, check: exactly(2) },
			{ resource: 'customer', operation: 'query', params: { returnAll: true }, check: atLeast(4) },
			{ resource: 'customer', operation: 'search', params: { searchString: 'jane', returnAll: true }, check: atLeast(1) },
			{ resource: 'customer', operation: 'getDataTables', params: {}, check: all(atLeast(1), vendorSaw('get_customers_for_data_tables')) },
			{ resource: 'customer', operation: 'getEditorValues', params: {}, check: all(exactly(1), vendorSaw('get_customer_editor_values')) },
			{ resource: 'customer', operation: 'searchProfileValues', params: { category: 'tags', matches: 'whole' }, check: vendorSaw('search_customer_profile_values') },
			{ resource: 'customer', operation: 'getMagicLink', params: { customerProfileOid: '1001', storefrontHostName: 'shop.example.com' }, check: all(field('url'), vendorSaw('get_magic_link')) },
			{ resource: 'customer', operation: 'update', params: { customerProfileOid: '1001', customerJson: '{"merchant_notes":"e2e note"}' }, check: all(field('customer_profile_oid', 1001), vendorSaw('update_customer')) },
			{ resource: 'customer', operation: 'merge', params: { customerProfileOid: '1003', mergeFrom: 'email', sourceEmail: 'buyer4@example.com' }, check: vendorSaw('merge_customer') },
			{ resource: 'customer', operation: 'delete', params: { customerProfileOid: '1002' }, check: all(exactly(1), vendorSaw('delete_customer')) },
			{ resource: 'storeCredit', operation: 'add', params: { customerProfileOid: '1001', amount: 15, description: 'e2e goodwill credit' }, check: all(exactly(1), vendorSaw('add_customer_store_credit')) },
			{ resource: 'storeCredit', operation: 'get', params: { customerProfileOid: '1001' }, check: all(atLeast(1), vendorSaw('get_customer_store_credit')) },
			{ resource: 'cashback', operation: 'adjust', params: { customerProfileOid: '1001', adjustment_amount: 5, description: 'e2e cashback' }, check: all(exactly(1), vendorSaw('adjust_internal_certificate')) },
			{ resource: 'emailList', operation: 'getAll', params: {}, check: atLeast(2, field('email_list_uuid')) },
			{ resource: 'emailList', operation: 'updateSubscriptions', params: { customerProfileOid: '1001', addToLists: ['8c1f0d2e-0000-4000-8000-000000000001'] }, check: all(exactly(1), vendorSaw('update_customer_email_lists'), (_i, emu) => (emu.subscriptions.get(1001)?.has('8c1f0d2e-0000-4000-8000-000000000001') ? undefined : 'the customer is not on the Newsletter list at the emulator')) },
			{ resource: 'emailVerification', operation: 'createToken', params: { email: 'jane.doe@example.com' }, check: all(field('token'), vendorSaw('get_email_verification_token')) },
			{ resource: 'emailVerification', operation: 'validateToken', params: { token: 'verify-e2e-1' }, check: all(exactly(1), vendorSaw('validate_email_verification_token')) },
			{ resource: 'wishlistItem', operation: 'getAll', params: { customerProfileOid: '1001' }, check: atLeast(1, field('merchant_item_oid', 9001)) },
			{ resource: 'wishlistItem', operation: 'get', params: { customerProfileOid: '1001', wishlistItemOid: '501' }, check: field('customer_wishlist_item_oid', 501) },
			{ resource: 'wishlistItem', operation: 'create', params: { customerProfileOid: '1001', merchantItemOid: '9002' }, check: all(field('customer_wishlist_item_oid'), vendorSaw('insert_wish_list_item')) },
			{ resource: 'wishlistItem', operation: 'update', params: { customerProfileOid: '1001', wishlistItemOid: '501', updateFields: { comments: 'e2e comment' } }, check: vendorSaw('update_wish_list_item') },
			{ resource: 'wishlistItem', operation: 'delete', params: { customerProfileOid: '1001', wishlistItemOid: '501' }, check: all(exactly(1), vendorSaw('delete_wish_list_item')) },
		],
		signUp: async (m, emu, email) => {
			const headers = { 'x-ultracart-simple-key': String(m.ULTRACART_SIMPLE_KEY), 'X-UltraCart-Api-Version': '2017-03-01', 'Content-Type': 'application/json' };
			await raw(`${emu.baseUrl}/rest/v2/customer/customers`, { method: 'POST', headers, body: JSON.stringify({ email }) });
		},
		change: async (m, emu, marker) => {
			const headers = { 'x-ultracart-simple-key': String(m.ULTRACART_SIMPLE_KEY), 'X-UltraCart-Api-Version': '2017-03-01', 'Content-Type': 'application/json' };
			// Jane Doe (1001), whom the e2e cases update but never delete.
			await raw(`${emu.baseUrl}/rest/v2/customer/customers/1001`, { method: 'PUT', headers, body: JSON.stringify({ business_notes: marker }) });
			return (item) => Number(item.customer_profile_oid) === 1001 && item.business_notes === marker;
		},
	},
	{
		key: 'nuvemshop',
		title: 'Nuvemshop',
		node: 'Nuvemshop',
		nodeName: 'nuvemshop',
		credentialFiles: ['NuvemshopApi', 'NuvemshopOAuth2Api'],
		emulatorFile: 'nuvemshop',
		emulatorClass: 'NuvemshopEmulator',
		extraPorts: 0,
		offset: 3,
		credentials: (m, emu) => {
			const platform = { appName: 'n8n demo', appContact: 'demo@example.com', platformHost: 'api.tiendanube.com', apiVersion: '2025-03', customBaseUrl: emu.baseUrl };
			return [
				{
					id: 'demoNuvemshop001',
					name: 'Nuvemshop (demo emulator)',
					type: 'nuvemshopApi',
					data: { storeId: m.NUVEMSHOP_STORE_ID, accessToken: m.NUVEMSHOP_TOKEN, ...platform },
					secretFields: ['accessToken'],
					wrong: { accessToken: 'nuvem-wrong-token-000' },
				},
				{
					id: 'demoNuvemshopOA2',
					name: 'Nuvemshop OAuth2 (demo emulator)',
					type: 'nuvemshopOAuth2Api',
					data: {
						clientId: m.NUVEMSHOP_CLIENT_ID,
						clientSecret: m.NUVEMSHOP_CLIENT_SECRET,
						grantType: 'authorizationCode',
						partnerSite: 'www.tiendanube.com',
						authUrl: `${emu.baseUrl}/apps/${String(m.NUVEMSHOP_CLIENT_ID)}/authorize`,
						accessTokenUrl: `${emu.baseUrl}/apps/authorize/token`,
						scope: '',
						authQueryParameters: '',
						authentication: 'body',
						...platform,
						oauthTokenData: { access_token: m.NUVEMSHOP_TOKEN, token_type: 'bearer', scope: 'read_customers,write_customers', user_id: Number(m.NUVEMSHOP_STORE_ID) },
					},
					secretFields: ['clientSecret', 'oauthTokenData.access_token'],
				},
			];
		},
		cases: () => [
			{ resource: 'customer', operation: 'get', params: { customerId: '1001' }, check: all(field('id', 1001), field('name', 'Ana Souza')) },
			{ resource: 'customer', operation: 'get', label: 'OAuth2', credential: 'demoNuvemshopOA2', params: { authentication: 'oAuth2', customerId: '1002' }, check: field('name', 'Bruno Lima') },
			{ resource: 'customer', operation: 'getAll', params: { returnAll: true }, check: atLeast(3, field('id')) },
			{ resource: 'customer', operation: 'getAll', label: 'limit 2', params: { returnAll: false, limit: 2 }, check: exactly(2) },
			{ resource: 'customer', operation: 'create', params: { name: 'Carla E2E', email: 'carla.e2e@example.com.br' }, check: all(field('email', 'carla.e2e@example.com.br'), field('id'), vendorSaw('createCustomer')) },
			{ resource: 'customer', operation: 'update', params: { customerId: '1002', updateFields: { phone: '+55 21 99999-0000' } }, check: all(field('id', 1002), vendorSaw('updateCustomer')) },
			{ resource: 'customer', operation: 'delete', params: { customerId: '1003' }, check: all(exactly(1), vendorSaw('deleteCustomer')) },
		],
		signUp: async (m, emu, email) => {
			const headers = { Authentication: `bearer ${String(m.NUVEMSHOP_TOKEN)}`, 'User-Agent': 'n8n e2e (e2e@example.com)', 'Content-Type': 'application/json' };
			await raw(`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers`, { method: 'POST', headers, body: JSON.stringify({ name: 'Trigger Signup', email }) });
		},
		change: async (m, emu, marker) => {
			const headers = { Authentication: `bearer ${String(m.NUVEMSHOP_TOKEN)}`, 'User-Agent': 'n8n e2e (e2e@example.com)', 'Content-Type': 'application/json' };
			// Ana Souza (1001), whom the e2e cases read but never delete.
			await raw(`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers/1001`, { method: 'PUT', headers, body: JSON.stringify({ note: marker }) });
			return (item) => Number(item.id) === 1001 && item.note === marker;
		},
	},
	{
		key: 'amazon-selling-partner',
		title: 'Amazon Selling Partner',
		node: 'AmazonSellingPartner',
		nodeName: 'amazonSellingPartner',
		credentialFiles: ['AmazonSellingPartnerApi'],
		emulatorFile: 'amazon-selling-partner',
		emulatorClass: 'AmazonSellingPartnerEmulator',
		extraPorts: 2,
		offset: 4,
		credentials: (m, emu) => [
			{
				id: 'demoAmazonSpApi1',
				name: 'Amazon Selling Partner (demo emulator)',
				type: 'amazonSellingPartnerApi',
				data: {
					clientId: m.SP_CLIENT_ID,
					clientSecret: m.SP_CLIENT_SECRET,
					refreshToken: m.SP_REFRESH_TOKEN,
					region: 'na',
					environment: 'production',
					useCustomEndpoints: true,
					customEndpoint: emu.baseUrl,
					customTokenUrl: `${emu.lwa.baseUrl}/auth/o2/token`,
				},
				secretFields: ['clientSecret', 'refreshToken'],
				wrong: { refreshToken: 'Atzr|IwEBIwrong-refresh-token-0000' },
			},
		],
		cases: () => {
			const base = { amazonOrderId: SP_ORDER, marketplaceId: US };
			const sent = (op: string) => vendorSaw(op);
			const lwa = (_i: unknown, emu: AnyEmulator) => (emu.lwa.sideEffects('token') >= 1 ? undefined : 'n8n never exchanged the refresh token at Login with Amazon (preAuthentication)');
			return [
				{ resource: 'message', operation: 'getActions', params: { ...base }, check: all(atLeast(1), sent('getMessagingActionsForOrder'), lwa) },
				{ resource: 'message', operation: 'getAttributes', params: { ...base }, check: all(exactly(1), sent('GetAttributes')) },
				{ resource: 'message', operation: 'sendConfirmCustomizationDetails', params: { ...base, text: 'Your engraving reads "Happy birthday".' }, check: sent('confirmCustomizationDetails') },
				{ resource: 'message', operation: 'sendConfirmDeliveryDetails', params: { ...base, text: 'Your parcel arrives on Tuesday.' }, check: sent('createConfirmDeliveryDetails') },
				{ resource: 'message', operation: 'sendConfirmOrderDetails', params: { ...base, text: 'Please confirm the size of your order.' }, check: sent('createConfirmOrderDetails') },
				{ resource: 'message', operation: 'sendConfirmServiceDetails', params: { ...base, text: 'The installer comes on Monday at 9.' }, check: sent('createConfirmServiceDetails') },
				{ resource: 'message', operation: 'sendDigitalAccessKey', params: { ...base, text: 'Your access key: DEMO-1234-5678' }, check: sent('createDigitalAccessKey') },
				{ resource: 'message', operation: 'sendUnexpectedProblem', params: { ...base, text: 'Your order is delayed by two days.' }, check: sent('createUnexpectedProblem') },
				{ resource: 'message', operation: 'sendNegativeFeedbackRemoval', params: { ...base }, check: sent('createNegativeFeedbackRemoval') },
				{ resource: 'message', operation: 'sendInvoice', params: { ...base, binaryPropertyNames: 'data' }, input: pdfInput, check: all(sent('createUploadDestinationForResource'), sent('sendInvoice'), (_i, emu) => (emu.s3.requests.length >= 1 ? undefined : 'the PDF was never uploaded to the presigned S3 URL')) },
				{ resource: 'message', operation: 'sendLegalDisclosure', params: { ...base, binaryPropertyNames: 'data' }, input: pdfInput, check: sent('createLegalDisclosure') },
				{ resource: 'message', operation: 'sendAmazonMotors', params: { ...base, binaryPropertyNames: 'data' }, input: pdfInput, check: sent('CreateAmazonMotors') },
				{ resource: 'message', operation: 'sendWarranty', params: { ...base, binaryPropertyNames: 'data', coverageStartDate: '2026-11-01T00:00:00Z', coverageEndDate: '2027-11-01T00:00:00Z' }, input: pdfInput, check: sent('CreateWarranty') },
			];
		},
	},
	{
		key: 'amazon-mws',
		title: 'Amazon MWS (Legacy)',
		node: 'AmazonMws',
		nodeName: 'amazonMws',
		credentialFiles: ['AmazonMwsApi'],
		emulatorFile: 'amazon-mws',
		emulatorClass: 'AmazonMwsEmulator',
		extraPorts: 0,
		offset: 7,
		credentials: (m, emu) => [
			{
				id: 'demoAmazonMws001',
				name: 'Amazon MWS (demo emulator)',
				type: 'amazonMwsApi',
				data: { sellerId: m.MWS_SELLER_ID, accessKeyId: m.MWS_ACCESS_KEY_ID, secretKey: m.MWS_SECRET_KEY, mwsAuthToken: '', endpoint: 'custom', customEndpoint: emu.baseUrl },
				secretFields: ['secretKey'],
				wrong: { secretKey: 'mws-wrong-secret/KEY+0000==' },
			},
			{
				// A developer acting for the seller (third-party authorization): MWSAuthToken is sent and signed.
				id: 'demoMwsAuthTok01',
				name: 'Amazon MWS, with MWS Auth Token (demo emulator)',
				type: 'amazonMwsApi',
				data: { sellerId: m.MWS_SELLER_ID, accessKeyId: m.MWS_ACCESS_KEY_ID, secretKey: m.MWS_SECRET_KEY, mwsAuthToken: MWS_AUTH_TOKEN, endpoint: 'custom', customEndpoint: emu.baseUrl },
				secretFields: ['secretKey', 'mwsAuthToken'],
			},
		],
		prepare: async (_m, emu) => {
			// A page token as ListCustomers would have returned it (the second page of the demo list).
			const token = 'ZTJlLXBhZ2UtdG9rZW4=+/=';
			emu.tokens.set(token, { list: emu.customers, offset: emu.pageSize });
			return { pageToken: token };
		},
		cases: (ctx) => [
			{ resource: 'customer', operation: 'getAll', params: { returnAll: true }, check: atLeast(25, field('CustomerId')) },
			{ resource: 'customer', operation: 'getAll', label: 'limit 12', params: { returnAll: false, limit: 12 }, check: exactly(12) },
			{ resource: 'customer', operation: 'getByIds', params: { customerIds: 'CUST00001,CUST00002' }, check: exactly(2, field('PrimaryContactInfo.FullName', 'Jane Doe')) },
			{ resource: 'customer', operation: 'getByIds', label: 'MWS Auth Token', credential: 'demoMwsAuthTok01', params: { customerIds: 'CUST00001' }, check: all(exactly(1, field('PrimaryContactInfo.FullName', 'Jane Doe')), mwsSignedWithAuthToken) },
			{ resource: 'customer', operation: 'getNextPage', params: { pageToken: ctx.pageToken }, check: atLeast(1) },
			{ resource: 'service', operation: 'getStatus', params: {}, check: all(exactly(1), field('Status')) },
		],
	},
];

export interface Discovered {
	provider: Provider;
	/** Why it is skipped, when it is. */
	missing?: string;
}

/** Which providers are complete enough to run: built node, built credentials, emulator source. */
export function discoverProviders(): Discovered[] {
	return PROVIDERS.map((provider) => {
		const missing: string[] = [];
		const nodeJs = path.join(REPO_ROOT, 'dist', 'nodes', provider.node, `${provider.node}.node.js`);
		if (!fs.existsSync(nodeJs)) missing.push(`node ${path.relative(REPO_ROOT, nodeJs)}`);
		for (const c of provider.credentialFiles) {
			const f = path.join(REPO_ROOT, 'dist', 'credentials', `${c}.credentials.js`);
			if (!fs.existsSync(f)) missing.push(`credential ${path.relative(REPO_ROOT, f)}`);
		}
		const emu = path.join(REPO_ROOT, 'test', 'emulators', `${provider.emulatorFile}.ts`);
		if (!fs.existsSync(emu)) missing.push(`emulator ${path.relative(REPO_ROOT, emu)}`);
		return { provider, missing: missing.length ? missing.join(', ') : undefined };
	});
}

/** Loads an emulator module; throws with a clear message when it lacks what the script needs. */
export function loadEmulatorModule(provider: Provider): { mod: Record<string, unknown>; create: () => AnyEmulator } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(path.join(REPO_ROOT, 'test', 'emulators', provider.emulatorFile)) as Record<string, unknown>;
	const Ctor = mod[provider.emulatorClass] as (new () => AnyEmulator) | undefined;
	if (typeof Ctor !== 'function') throw new Error(`test/emulators/${provider.emulatorFile}.ts does not export ${provider.emulatorClass}`);
	if (typeof Ctor.prototype.seedDemoData !== 'function') throw new Error(`${provider.emulatorClass} has no seedDemoData()`);
	return { mod, create: () => new Ctor() };
}

/** Reads a dotted path (`oauthTokenData.refresh_token`) from credential data. */
export function dotted(data: Record<string, unknown>, key: string): unknown {
	let cur: unknown = data;
	for (const part of key.split('.')) cur = isObj(cur) ? cur[part] : undefined;
	return cur;
}
