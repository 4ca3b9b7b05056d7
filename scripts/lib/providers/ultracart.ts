/** UltraCart: a simple key or OAuth2 (with a token refresh), customers and their store credit, lists and wishlists. */
import * as path from 'node:path';

import { REPO_ROOT } from '../runtime';
import { all, atLeast, exactly, field, vendorSaw } from './checks';
import { emulatorRequest, withoutHeader } from './emulator-request';
import type { DemoCredential, Provider } from './types';

/** The demo simple key's headers, for setting up the emulator over UltraCart's own API. */
const keyHeaders = (m: Record<string, unknown>) => ({
	'x-ultracart-simple-key': String(m.ULTRACART_SIMPLE_KEY),
	'X-UltraCart-Api-Version': '2017-03-01',
	'Content-Type': 'application/json',
});

/**
 * n8n 2.41 pins a hidden `accessTokenUrl` of an OAuth2 credential to its declared default and ignores a stored
 * value (credentials-helper.js, OAUTH_PINNED_FIELDS). The refresh can reach the emulator only when that default
 * follows the credential's Custom Base URL. Returns why the token refresh case cannot run (a SKIP, which fails the
 * run), or undefined.
 */
function oauthRefreshGap(): string | undefined {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(
			path.join(REPO_ROOT, 'dist', 'credentials', 'UltraCartOAuth2Api.credentials.js'),
		) as Record<string, new () => { properties: Array<{ name: string; default: unknown }> }>;
		const prop = new mod.UltraCartOAuth2Api().properties.find((p) => p.name === 'accessTokenUrl');
		if (String(prop?.default ?? '').includes('customBaseUrl')) return undefined;
		return `UltraCartOAuth2Api's hidden Access Token URL is fixed to ${String(prop?.default)}; n8n ignores a stored value, so the refresh cannot reach the emulator (make its default follow customBaseUrl)`;
	} catch (error) {
		return `cannot read UltraCartOAuth2Api: ${(error as Error).message}`;
	}
}

export const ultraCart: Provider = {
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
					oauthTokenData: {
						access_token: accessToken,
						refresh_token: 'uc-refresh-demo-77',
						token_type: 'bearer',
					},
				},
				secretFields: [
					'clientSecret',
					'oauthTokenData.access_token',
					'oauthTokenData.refresh_token',
				],
			});
			return [
				oauth('demoUltraCartOA2', 'UltraCart OAuth2 (demo emulator)', 'uc-access-demo-oauth2'),
				// A token the vendor no longer accepts: n8n must refresh it at the credential's Access Token URL.
				oauth(
					'demoUltraCartRfr',
					'UltraCart OAuth2, expired token (demo emulator)',
					'uc-expired-demo-token',
				),
			];
		})(),
	],
	prepare: async (_m, emu) => {
		emu.verificationTokens.set('verify-e2e-1', 'jane.doe@example.com');
		return {};
	},
	cases: () => [
		{
			resource: 'customer',
			operation: 'get',
			params: { customerProfileOid: '1001', simplify: false },
			check: all(field('customer_profile_oid', 1001), field('email', 'jane.doe@example.com')),
		},
		{
			resource: 'customer',
			operation: 'get',
			label: 'Simplify',
			// a node added now simplifies by default: the flat fields, from the parts it asks UltraCart for
			params: { customerProfileOid: '1001' },
			check: all(
				field('id', 1001),
				field('firstName', 'Jane'),
				field('billingCity', 'Austin'),
				field('tags.0', 'wholesale'),
			),
		},
		{
			resource: 'customer',
			operation: 'get',
			label: 'OAuth2',
			credential: 'demoUltraCartOA2',
			params: { authentication: 'ultraCartOAuth2Api', customerProfileOid: '1001', simplify: false },
			check: all(field('customer_profile_oid', 1001), (_i, emu) =>
				emu
					.calls('get_customer')
					.some(
						(r: { headers: Record<string, string> }) =>
							r.headers.authorization === 'Bearer uc-access-demo-oauth2',
					)
					? undefined
					: 'the OAuth2 bearer token was not sent',
			),
		},
		{
			resource: 'customer',
			operation: 'get',
			label: 'OAuth2 token refresh',
			credential: 'demoUltraCartRfr',
			params: { authentication: 'ultraCartOAuth2Api', customerProfileOid: '1001', simplify: false },
			skip: oauthRefreshGap(),
			check: all(field('customer_profile_oid', 1001), (_i, emu) =>
				emu.sideEffects('oauthToken') >= 1
					? undefined
					: 'n8n did not refresh the OAuth2 token at the emulator',
			),
		},
		{
			resource: 'customer',
			operation: 'create',
			params: { email: 'e2e.created@example.com' },
			check: all(
				field('email', 'e2e.created@example.com'),
				field('customer_profile_oid'),
				vendorSaw('insert_customer'),
			),
		},
		{
			resource: 'customer',
			operation: 'upsert',
			params: {
				email: 'jane.doe@example.com',
				properties: { property: [{ name: 'e2e', value: 'upserted' }] },
			},
			check: all(
				field('action', 'updated'),
				field('customer_profile_oid', 1001),
				vendorSaw('get_customer_by_email'),
				vendorSaw('update_customer'),
			),
		},
		{
			resource: 'customer',
			operation: 'getByEmail',
			params: { email: 'jane.doe@example.com', simplify: false },
			check: field('customer_profile_oid', 1001),
		},
		{
			resource: 'customer',
			operation: 'getAll',
			params: { returnAll: true, simplify: false },
			check: atLeast(4, field('customer_profile_oid')),
		},
		{
			resource: 'customer',
			operation: 'getAll',
			label: 'limit 2',
			params: { returnAll: false, limit: 2 },
			check: exactly(2),
		},
		{ resource: 'customer', operation: 'query', params: { returnAll: true }, check: atLeast(4) },
		{
			resource: 'customer',
			operation: 'search',
			params: { searchString: 'jane', returnAll: true },
			check: atLeast(1),
		},
		{
			resource: 'customer',
			operation: 'getDataTables',
			params: {},
			check: all(atLeast(1), vendorSaw('get_customers_for_data_tables')),
		},
		{
			resource: 'customer',
			operation: 'getEditorValues',
			params: {},
			check: all(exactly(1), vendorSaw('get_customer_editor_values')),
		},
		{
			resource: 'customer',
			operation: 'searchProfileValues',
			params: { category: 'tags', matches: 'whole' },
			check: vendorSaw('search_customer_profile_values'),
		},
		{
			resource: 'customer',
			operation: 'getMagicLink',
			params: { customerProfileOid: '1001', storefrontHostName: 'shop.example.com' },
			check: all(field('url'), vendorSaw('get_magic_link')),
		},
		{
			resource: 'customer',
			operation: 'update',
			params: { customerProfileOid: '1001', customerJson: '{"merchant_notes":"e2e note"}' },
			check: all(field('customer_profile_oid', 1001), vendorSaw('update_customer')),
		},
		{
			resource: 'customer',
			operation: 'merge',
			params: { customerProfileOid: '1003', mergeFrom: 'email', sourceEmail: 'buyer4@example.com' },
			check: vendorSaw('merge_customer'),
		},
		{
			resource: 'customer',
			operation: 'delete',
			params: { customerProfileOid: '1002' },
			check: all(exactly(1), vendorSaw('delete_customer')),
		},
		{
			resource: 'storeCredit',
			operation: 'add',
			params: { customerProfileOid: '1001', amount: 15, description: 'e2e goodwill credit' },
			check: all(exactly(1), vendorSaw('add_customer_store_credit')),
		},
		{
			resource: 'storeCredit',
			operation: 'get',
			params: { customerProfileOid: '1001' },
			check: all(atLeast(1), vendorSaw('get_customer_store_credit')),
		},
		{
			resource: 'cashback',
			operation: 'adjust',
			params: { customerProfileOid: '1001', adjustment_amount: 5, description: 'e2e cashback' },
			check: all(exactly(1), vendorSaw('adjust_internal_certificate')),
		},
		{
			resource: 'emailList',
			operation: 'getAll',
			params: {},
			check: atLeast(2, field('email_list_uuid')),
		},
		{
			resource: 'emailList',
			operation: 'updateSubscriptions',
			params: { customerProfileOid: '1001', addToLists: ['8c1f0d2e-0000-4000-8000-000000000001'] },
			check: all(exactly(1), vendorSaw('update_customer_email_lists'), (_i, emu) =>
				emu.subscriptions.get(1001)?.has('8c1f0d2e-0000-4000-8000-000000000001')
					? undefined
					: 'the customer is not on the Newsletter list at the emulator',
			),
		},
		{
			resource: 'emailVerification',
			operation: 'createToken',
			params: { email: 'jane.doe@example.com' },
			check: all(field('token'), vendorSaw('get_email_verification_token')),
		},
		{
			resource: 'emailVerification',
			operation: 'validateToken',
			params: { token: 'verify-e2e-1' },
			check: all(exactly(1), vendorSaw('validate_email_verification_token')),
		},
		{
			resource: 'wishlistItem',
			operation: 'getAll',
			params: { customerProfileOid: '1001' },
			check: atLeast(1, field('merchant_item_oid', 9001)),
		},
		{
			resource: 'wishlistItem',
			operation: 'get',
			params: { customerProfileOid: '1001', wishlistItemOid: '501' },
			check: field('customer_wishlist_item_oid', 501),
		},
		{
			resource: 'wishlistItem',
			operation: 'create',
			params: { customerProfileOid: '1001', merchantItemOid: '9002' },
			check: all(field('customer_wishlist_item_oid'), vendorSaw('insert_wish_list_item')),
		},
		{
			resource: 'wishlistItem',
			operation: 'update',
			params: {
				customerProfileOid: '1001',
				wishlistItemOid: '501',
				updateFields: { comments: 'e2e comment' },
			},
			check: vendorSaw('update_wish_list_item'),
		},
		{
			resource: 'wishlistItem',
			operation: 'delete',
			params: { customerProfileOid: '1001', wishlistItemOid: '501' },
			check: all(exactly(1), vendorSaw('delete_wish_list_item')),
		},
	],
	signUp: async (m, emu, email) => {
		await emulatorRequest(`${emu.baseUrl}/rest/v2/customer/customers`, {
			method: 'POST',
			headers: keyHeaders(m),
			body: JSON.stringify({ email }),
		});
	},
	change: async (m, emu, marker) => {
		// Jane Doe (1001), whom the e2e cases update but never delete.
		await emulatorRequest(`${emu.baseUrl}/rest/v2/customer/customers/1001`, {
			method: 'PUT',
			headers: keyHeaders(m),
			body: JSON.stringify({ business_notes: marker }),
		});
		return (item) => Number(item.customer_profile_oid) === 1001 && item.business_notes === marker;
	},
	webhook: {
		node: 'UltraCartWebhookTrigger',
		parameters: {},
		// one Basic-authenticated webhook for all the chosen events
		registrationsPerUrl: 1,
		registrations: (emu, url) =>
			(emu.webhooks as Array<{ webhook_url: string }>).filter((w) => w.webhook_url === url).length,
		create: async (m, emu, email) => {
			const created = await emulatorRequest(`${emu.baseUrl}/rest/v2/customer/customers`, {
				method: 'POST',
				headers: keyHeaders(m),
				body: JSON.stringify({ email }),
			});
			return String((created.customer as Record<string, unknown>).customer_profile_oid);
		},
		update: async (m, emu, id, marker) => {
			await emulatorRequest(`${emu.baseUrl}/rest/v2/customer/customers/${id}`, {
				method: 'PUT',
				headers: keyHeaders(m),
				body: JSON.stringify({ business_notes: marker }),
			});
		},
		remove: async (m, emu, id) => {
			await emulatorRequest(`${emu.baseUrl}/rest/v2/customer/customers/${id}`, {
				method: 'DELETE',
				headers: keyHeaders(m),
			});
		},
		idOf: (item) => String(item.customer_profile_oid),
		forge: (headers) => ({
			...withoutHeader(headers, 'authorization'),
			Authorization: `Basic ${Buffer.from('n8n:guessed-password').toString('base64')}`,
		}),
	},
};
