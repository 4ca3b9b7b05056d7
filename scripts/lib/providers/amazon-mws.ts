/** Amazon MWS (legacy): signed requests, with or without a developer's MWS Auth Token, and the customer list. */
import { all, atLeast, exactly, field } from './checks';
import type { Check, Provider } from './types';

/** The demo MWS Auth Token (the emulator accepts any; the signature it verifies covers it). */
const MWS_AUTH_TOKEN = 'amzn.mws.e2e0demo-0000-4000-8000-authtoken001';

/** The emulator answered a GetCustomersForCustomerId whose signed parameters carried the demo MWS Auth Token. */
const mwsSignedWithAuthToken: Check = (_items, emu) => {
	const sent = (
		emu.requests as Array<{ method: string; query: string; body: string; status: number }>
	).map((r) => ({
		status: r.status,
		params: new URLSearchParams(r.method === 'POST' ? r.body : r.query),
	}));
	const withToken = sent.filter(
		(r) =>
			r.params.get('Action') === 'GetCustomersForCustomerId' &&
			r.params.get('MWSAuthToken') === MWS_AUTH_TOKEN,
	);
	if (!withToken.length)
		return "no GetCustomersForCustomerId request carried the credential's MWSAuthToken";
	if (!withToken.some((r) => r.status === 200 && r.params.get('Signature')))
		return `the requests with MWSAuthToken were refused (HTTP ${withToken.map((r) => r.status).join(', ')}): the token is not covered by the signature`;
	return undefined;
};

export const amazonMws: Provider = {
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
			data: {
				sellerId: m.MWS_SELLER_ID,
				accessKeyId: m.MWS_ACCESS_KEY_ID,
				secretKey: m.MWS_SECRET_KEY,
				mwsAuthToken: '',
				endpoint: 'custom',
				customEndpoint: emu.baseUrl,
			},
			secretFields: ['secretKey'],
			wrong: { secretKey: 'mws-wrong-secret/KEY+0000==' },
		},
		{
			// A developer acting for the seller (third-party authorization): MWSAuthToken is sent and signed.
			id: 'demoMwsAuthTok01',
			name: 'Amazon MWS, with MWS Auth Token (demo emulator)',
			type: 'amazonMwsApi',
			data: {
				sellerId: m.MWS_SELLER_ID,
				accessKeyId: m.MWS_ACCESS_KEY_ID,
				secretKey: m.MWS_SECRET_KEY,
				mwsAuthToken: MWS_AUTH_TOKEN,
				endpoint: 'custom',
				customEndpoint: emu.baseUrl,
			},
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
		{
			resource: 'customer',
			operation: 'getAll',
			params: { returnAll: true, simplify: false },
			check: atLeast(25, field('CustomerId')),
		},
		{
			resource: 'customer',
			operation: 'getAll',
			label: 'limit 12',
			params: { returnAll: false, limit: 12 },
			check: exactly(12),
		},
		{
			resource: 'customer',
			operation: 'getByIds',
			params: { customerIds: 'CUST00001,CUST00002', simplify: false },
			check: exactly(2, field('PrimaryContactInfo.FullName', 'Jane Doe')),
		},
		{
			resource: 'customer',
			operation: 'getByIds',
			label: 'Simplify',
			// a node added now simplifies by default: the primary contact and default address as flat fields
			params: { customerIds: 'CUST00001' },
			check: exactly(
				1,
				all(field('id', 'CUST00001'), field('name', 'Jane Doe'), field('shippingCity', 'Seattle')),
			),
		},
		{
			resource: 'customer',
			operation: 'getByIds',
			label: 'MWS Auth Token',
			credential: 'demoMwsAuthTok01',
			params: { customerIds: 'CUST00001', simplify: false },
			check: all(
				exactly(1, field('PrimaryContactInfo.FullName', 'Jane Doe')),
				mwsSignedWithAuthToken,
			),
		},
		{
			resource: 'customer',
			operation: 'getNextPage',
			params: { pageToken: ctx.pageToken },
			check: atLeast(1),
		},
		{
			resource: 'service',
			operation: 'getStatus',
			params: {},
			check: all(exactly(1), field('Status')),
		},
	],
};
