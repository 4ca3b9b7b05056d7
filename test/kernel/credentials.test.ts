// The credentials' function `authenticate` adds exactly the headers their former `{{$credentials…}}` expressions did,
// to the options of n8n's helpers and to the legacy request options the HTTP Request node's predefined credential
// type sends (`uri`), keeping what the request already had.
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { AmazonSellingPartnerApi } from '../../credentials/AmazonSellingPartnerApi.credentials';
import { NuvemshopApi } from '../../credentials/NuvemshopApi.credentials';
import { UltraCartApi } from '../../credentials/UltraCartApi.credentials';
import { VoucherifyApi } from '../../credentials/VoucherifyApi.credentials';

async function authenticate(
	type: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	request: object,
): Promise<IHttpRequestOptions> {
	if (typeof type.authenticate !== 'function') throw new Error(`${type.name} has no function`);
	return await type.authenticate(credentials, request as IHttpRequestOptions);
}

const cases: Array<[ICredentialType, ICredentialDataDecryptedObject, Record<string, string>]> = [
	[
		new NuvemshopApi(),
		{ accessToken: 'tok-1', appName: 'Shop Sync', appContact: 'ops@example.com' },
		{ Authentication: 'bearer tok-1', 'User-Agent': 'Shop Sync (ops@example.com)' },
	],
	[
		new VoucherifyApi(),
		{ applicationId: 'app-1', secretKey: 'sec-1', channel: '' },
		{ 'X-App-Id': 'app-1', 'X-App-Token': 'sec-1', 'X-Voucherify-Channel': 'n8n' },
	],
	[
		new UltraCartApi(),
		{ apiKey: 'key-1' },
		{ 'x-ultracart-simple-key': 'key-1', 'X-UltraCart-Api-Version': '2017-03-01' },
	],
	[new AmazonSellingPartnerApi(), { accessToken: 'Atza|1' }, { 'x-amz-access-token': 'Atza|1' }],
];

test.each(cases.map(([type, data, headers]) => [type.name, type, data, headers] as const))(
	'%s adds its headers to n8n and legacy request options',
	async (_name, type, data, headers) => {
		const modern = await authenticate(type, data, {
			url: 'https://example.com/a',
			headers: { accept: 'application/json' },
		});
		expect(modern).toEqual({
			url: 'https://example.com/a',
			headers: { accept: 'application/json', ...headers },
		});
		// the HTTP Request node's predefined credential type: legacy options, no headers yet
		const legacy = await authenticate(type, data, { uri: 'https://example.com/b', method: 'GET' });
		expect(legacy).toEqual({ uri: 'https://example.com/b', method: 'GET', headers });
	},
);

test('the Voucherify channel is sent as the credential sets it', async () => {
	const options = await authenticate(
		new VoucherifyApi(),
		{ applicationId: 'a', secretKey: 's', channel: 'shop-sync' },
		{ url: '/v1/customers' },
	);
	expect(options.headers?.['X-Voucherify-Channel']).toBe('shop-sync');
});
