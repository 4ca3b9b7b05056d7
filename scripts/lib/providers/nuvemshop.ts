/** Nuvemshop / Tiendanube: an app's access token or OAuth2, and the store's customers. */
import { all, atLeast, exactly, field, vendorSaw } from './checks';
import { emulatorRequest, withoutHeader } from './emulator-request';
import type { Provider } from './types';

/** The demo access token's headers, for setting up the emulator over Nuvemshop's own API. */
const tokenHeaders = (m: Record<string, unknown>) => ({
	Authentication: `bearer ${String(m.NUVEMSHOP_TOKEN)}`,
	'User-Agent': 'n8n e2e (e2e@example.com)',
	'Content-Type': 'application/json',
});

export const nuvemshop: Provider = {
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
		const platform = {
			appName: 'n8n demo',
			appContact: 'demo@example.com',
			platformHost: 'api.tiendanube.com',
			apiVersion: '2025-03',
			customBaseUrl: emu.baseUrl,
		};
		return [
			{
				id: 'demoNuvemshop001',
				name: 'Nuvemshop (demo emulator)',
				type: 'nuvemshopApi',
				// the App Secret is the emulated app's client secret, so the Webhook Trigger can verify deliveries
				data: {
					storeId: m.NUVEMSHOP_STORE_ID,
					accessToken: m.NUVEMSHOP_TOKEN,
					appSecret: m.NUVEMSHOP_CLIENT_SECRET,
					...platform,
				},
				secretFields: ['accessToken', 'appSecret'],
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
					oauthTokenData: {
						access_token: m.NUVEMSHOP_TOKEN,
						token_type: 'bearer',
						scope: 'read_customers,write_customers',
						user_id: Number(m.NUVEMSHOP_STORE_ID),
					},
				},
				secretFields: ['clientSecret', 'oauthTokenData.access_token'],
			},
		];
	},
	cases: () => [
		{
			resource: 'customer',
			operation: 'get',
			params: { customerId: '1001' },
			check: all(field('id', 1001), field('name', 'Ana Souza')),
		},
		{
			resource: 'customer',
			operation: 'get',
			label: 'Simplify',
			// a node added now simplifies by default: the billing address as flat fields
			params: { customerId: '1001' },
			check: all(field('billingCity', 'São Paulo'), field('identification', '123.456.789-09')),
		},
		{
			resource: 'customer',
			operation: 'get',
			label: 'OAuth2',
			credential: 'demoNuvemshopOA2',
			params: { authentication: 'nuvemshopOAuth2Api', customerId: '1002' },
			check: field('name', 'Bruno Lima'),
		},
		{
			resource: 'customer',
			operation: 'getAll',
			params: { returnAll: true },
			check: atLeast(3, field('id')),
		},
		{
			resource: 'customer',
			operation: 'getAll',
			label: 'limit 2',
			params: { returnAll: false, limit: 2 },
			check: exactly(2),
		},
		{
			resource: 'customer',
			operation: 'create',
			params: { name: 'Carla E2E', email: 'carla.e2e@example.com.br' },
			check: all(
				field('email', 'carla.e2e@example.com.br'),
				field('id'),
				vendorSaw('createCustomer'),
			),
		},
		{
			resource: 'customer',
			operation: 'update',
			params: { customerId: '1002', updateFields: { phone: '+55 21 99999-0000' } },
			check: all(field('id', 1002), vendorSaw('updateCustomer')),
		},
		{
			resource: 'customer',
			operation: 'upsert',
			params: {
				name: 'Bruno Lima',
				email: 'bruno.lima@example.com.br',
				additionalFields: { note: 'e2e upsert' },
			},
			check: all(field('action', 'updated'), field('id', 1002), vendorSaw('updateCustomer')),
		},
		{
			resource: 'customer',
			operation: 'delete',
			params: { customerId: '1003' },
			check: all(exactly(1), vendorSaw('deleteCustomer')),
		},
	],
	signUp: async (m, emu, email) => {
		await emulatorRequest(`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers`, {
			method: 'POST',
			headers: tokenHeaders(m),
			body: JSON.stringify({ name: 'Trigger Signup', email }),
		});
	},
	change: async (m, emu, marker) => {
		// Ana Souza (1001), whom the e2e cases read but never delete.
		await emulatorRequest(`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers/1001`, {
			method: 'PUT',
			headers: tokenHeaders(m),
			body: JSON.stringify({ note: marker }),
		});
		return (item) => Number(item.id) === 1001 && item.note === marker;
	},
	webhook: {
		node: 'NuvemshopWebhookTrigger',
		parameters: {},
		// one webhook per event: created, updated and deleted
		registrationsPerUrl: 3,
		registrations: (emu, url) =>
			(emu.webhooks as Array<{ url: string }>).filter((w) => w.url === url).length,
		create: async (m, emu, email) => {
			const created = await emulatorRequest(
				`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers`,
				{
					method: 'POST',
					headers: tokenHeaders(m),
					body: JSON.stringify({ name: 'Webhook Signup', email }),
				},
			);
			return String(created.id);
		},
		update: async (m, emu, id, marker) => {
			await emulatorRequest(
				`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers/${id}`,
				{
					method: 'PUT',
					headers: tokenHeaders(m),
					body: JSON.stringify({ note: marker }),
				},
			);
		},
		remove: async (m, emu, id) => {
			await emulatorRequest(
				`${emu.baseUrl}/2025-03/${String(m.NUVEMSHOP_STORE_ID)}/customers/${id}`,
				{
					method: 'DELETE',
					headers: tokenHeaders(m),
				},
			);
		},
		idOf: (item) => String(item.id),
		forge: (headers) => ({
			...withoutHeader(headers, 'x-linkedstore-hmac-sha256'),
			'X-Linkedstore-HMAC-SHA256': '0'.repeat(64),
		}),
	},
};
