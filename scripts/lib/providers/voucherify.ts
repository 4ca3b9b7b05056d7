/** Voucherify: one credential (application id and secret key), customers and their async bulk actions. */
import { all, atLeast, exactly, field, vendorSaw } from './checks';
import { emulatorRequest, withoutHeader } from './emulator-request';
import type { CaseInput, Provider } from './types';

const CSV =
	'source_id,name,email,city\ncsv-1,Linus Example,linus@example.com,Helsinki\ncsv-2,Margaret Example,margaret@example.com,Boston\n';
const csvInput: CaseInput = {
	file: {
		base64: Buffer.from(CSV).toString('base64'),
		fileName: 'customers.csv',
		mimeType: 'text/csv',
	},
};

/** The demo application's headers, for setting up the emulator over Voucherify's own API. */
const appHeaders = (m: Record<string, unknown>) => ({
	'X-App-Id': String(m.VOUCHERIFY_APP_ID),
	'X-App-Token': String(m.VOUCHERIFY_SECRET),
	'Content-Type': 'application/json',
});

export const voucherify: Provider = {
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
			data: {
				applicationId: m.VOUCHERIFY_APP_ID,
				secretKey: m.VOUCHERIFY_SECRET,
				region: 'custom',
				customBaseUrl: emu.baseUrl,
				channel: 'n8n-demo',
				// for the Webhook Trigger: the project's webhook secret and Management API keys (Enterprise)
				webhookSecret: m.VOUCHERIFY_WEBHOOK_SECRET,
				managementId: m.VOUCHERIFY_MANAGEMENT_ID,
				managementToken: m.VOUCHERIFY_MANAGEMENT_TOKEN,
				projectId: m.VOUCHERIFY_PROJECT_ID,
			},
			secretFields: ['secretKey', 'webhookSecret', 'managementToken'],
			wrong: { secretKey: 'vf-wrong-secret-000000' },
		},
	],
	prepare: async (m, emu) => {
		const list = [...emu.customers.values()] as Array<{ id: string; source_id: string }>;
		const started = await emulatorRequest(`${emu.baseUrl}/v1/customers/metadata/async`, {
			method: 'POST',
			headers: appHeaders(m),
			body: JSON.stringify({ source_ids: ['src-1'], metadata: { prepared: true } }),
		});
		const activities = emu.activities.get(list[0].id) as Array<{ id: string }> | undefined;
		return {
			ada: list[0].id,
			grace: list[1].id,
			third: list[2].id,
			asyncActionId: started.async_action_id,
			activityId: activities?.[0]?.id,
		};
	},
	cases: (ctx) => [
		{
			resource: 'customer',
			operation: 'upsert',
			params: {
				sourceId: 'e2e-new-1',
				customerFields: { name: 'E2E Upserted', email: 'e2e.upserted@example.com' },
			},
			check: all(
				field('action', 'created'),
				field('source_id', 'e2e-new-1'),
				field('email', 'e2e.upserted@example.com'),
				vendorSaw('create-customer'),
			),
		},
		{
			resource: 'customer',
			operation: 'get',
			params: { customerId: ctx.ada },
			check: all(field('id', ctx.ada), field('name', 'Ada Lovelace')),
		},
		{
			resource: 'customer',
			operation: 'get',
			label: 'Simplify',
			// a node added now simplifies by default: metadata comes out as custom fields
			params: { customerId: ctx.ada },
			check: all(
				field('sourceId'),
				field('email', 'ada@example.com'),
				field('customFields.vip', true),
			),
		},
		{
			resource: 'customer',
			operation: 'getAll',
			params: { returnAll: true, simplify: false },
			check: atLeast(3, field('object', 'customer')),
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
			operation: 'update',
			params: { customerId: ctx.ada, updateFields: { phone: '+48 600 000 001' } },
			check: all(
				field('id', ctx.ada),
				field('phone', '+48 600 000 001'),
				vendorSaw('update-customer'),
			),
		},
		{
			resource: 'customer',
			operation: 'getActivities',
			params: { customerId: ctx.ada, returnAll: true },
			check: atLeast(1, field('id')),
		},
		{
			resource: 'customer',
			operation: 'getActivity',
			params: { customerId: ctx.ada, returnAll: true },
			check: atLeast(1, field('id')),
		},
		{
			resource: 'customer',
			operation: 'getRedeemables',
			params: { customerId: ctx.ada, returnAll: true },
			check: all(vendorSaw('list-customer-redeemables')),
		},
		{
			resource: 'customer',
			operation: 'getSegments',
			params: { customerId: ctx.ada },
			check: vendorSaw('list-customer-segments'),
		},
		{
			resource: 'customer',
			operation: 'importCsv',
			params: {
				binaryPropertyName: 'data',
				waitForCompletion: true,
				maxWaitSeconds: 60,
				pollIntervalSeconds: 1,
			},
			input: csvInput,
			check: all(atLeast(1), vendorSaw('import-customers-using-csv')),
		},
		{
			resource: 'customer',
			operation: 'updateMany',
			params: {
				sourceId: 'src-2',
				updateFields: { phone: '+1 555 0100' },
				waitForCompletion: true,
				maxWaitSeconds: 60,
				pollIntervalSeconds: 1,
			},
			check: all(atLeast(1), vendorSaw('update-customers-in-bulk')),
		},
		{
			resource: 'customer',
			operation: 'updateManyMetadata',
			params: {
				sourceIds: 'src-1,src-2',
				metadataJson: '{"segment":"e2e"}',
				waitForCompletion: true,
				maxWaitSeconds: 60,
				pollIntervalSeconds: 1,
			},
			check: all(atLeast(1), vendorSaw('update-customers-metadata-in-bulk')),
		},
		{
			resource: 'asyncAction',
			operation: 'get',
			params: { asyncActionId: ctx.asyncActionId },
			check: field('id', ctx.asyncActionId),
		},
		{
			resource: 'customer',
			operation: 'delete',
			params: { customerId: ctx.third },
			check: all(exactly(1), vendorSaw('delete-customer')),
		},
		{
			resource: 'customer',
			operation: 'deletePermanently',
			params: { customerId: ctx.grace },
			check: all(exactly(1), vendorSaw('customer-permanently-deletion')),
		},
	],
	signUp: async (m, emu, email) => {
		await emulatorRequest(`${emu.baseUrl}/v1/customers`, {
			method: 'POST',
			headers: appHeaders(m),
			body: JSON.stringify({ source_id: email, name: 'Trigger Signup', email }),
		});
	},
	change: async (m, emu, marker) => {
		// Ada, the first demo customer (the e2e cases update her but never delete her).
		const ada = ([...emu.customers.values()] as Array<{ id: string; email: string | null }>).find(
			(c) => c.email === 'ada@example.com',
		);
		if (!ada) throw new Error('the Voucherify demo customer ada@example.com is gone');
		await emulatorRequest(`${emu.baseUrl}/v1/customers/${ada.id}`, {
			method: 'PUT',
			headers: appHeaders(m),
			body: JSON.stringify({ description: marker }),
		});
		return (item) => item.id === ada.id && item.description === marker;
	},
	webhook: {
		node: 'VoucherifyWebhookTrigger',
		parameters: {},
		// one project webhook for all the chosen events
		registrationsPerUrl: 1,
		registrations: (emu, url) =>
			(emu.webhooks as Array<{ target_url: string }>).filter((w) => w.target_url === url).length,
		// The Management API's event list has no customer.updated: the user ticks it in the dashboard, as the node says.
		afterPublish: (emu, url) => {
			for (const w of emu.webhooks as Array<{ target_url: string; events: string[] }>)
				if (w.target_url === url && !w.events.includes('customer.updated'))
					w.events.push('customer.updated');
		},
		create: async (m, emu, email) => {
			const created = await emulatorRequest(`${emu.baseUrl}/v1/customers`, {
				method: 'POST',
				headers: appHeaders(m),
				body: JSON.stringify({ source_id: email, name: 'Webhook Signup', email }),
			});
			return String(created.id);
		},
		update: async (m, emu, id, marker) => {
			await emulatorRequest(`${emu.baseUrl}/v1/customers/${id}`, {
				method: 'PUT',
				headers: appHeaders(m),
				body: JSON.stringify({ description: marker }),
			});
		},
		remove: async (m, emu, id) => {
			await emulatorRequest(`${emu.baseUrl}/v1/customers/${id}`, {
				method: 'DELETE',
				headers: appHeaders(m),
			});
		},
		idOf: (item) => String(item.id),
		forge: (headers) => ({
			...withoutHeader(headers, 'x-voucherify-signature'),
			'x-voucherify-signature': 'f'.repeat(64),
		}),
	},
};
