// Every operation of every node, walked from its description: each visible top-level text parameter is set to a
// value that would change a URL path if it went in raw, and no request may leave with a path other than the one a
// harmless value gives. A new operation or parameter is covered without editing this file.
import {
	NodeHelpers,
	NodeOperationError,
	type ICredentialType,
	type INode,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { AmazonMwsApi } from '../../credentials/AmazonMwsApi.credentials';
import { AmazonSellingPartnerApi } from '../../credentials/AmazonSellingPartnerApi.credentials';
import { NuvemshopApi } from '../../credentials/NuvemshopApi.credentials';
import { UltraCartApi } from '../../credentials/UltraCartApi.credentials';
import { VoucherifyApi } from '../../credentials/VoucherifyApi.credentials';
import { AmazonMws } from '../../nodes/AmazonMws/AmazonMws.node';
import { AmazonSellingPartner } from '../../nodes/AmazonSellingPartner/AmazonSellingPartner.node';
import { Nuvemshop } from '../../nodes/Nuvemshop/Nuvemshop.node';
import { UltraCart } from '../../nodes/UltraCart/UltraCart.node';
import { Voucherify } from '../../nodes/Voucherify/Voucherify.node';
import {
	assertEmail,
	pathSegment,
	Transport,
	unsafePathProblem,
	type KernelContext,
} from '../../nodes/shared';
import {
	AmazonMwsEmulator,
	MWS_ACCESS_KEY_ID,
	MWS_SECRET_KEY,
	MWS_SELLER_ID,
} from '../emulators/amazon-mws';
import {
	AmazonSellingPartnerEmulator,
	SANDBOX_ORDER_OK,
	SP_CLIENT_ID,
	SP_CLIENT_SECRET,
	SP_REFRESH_TOKEN,
} from '../emulators/amazon-selling-partner';
import { useEmulator, type Emulator } from '../emulators/kit';
import { NUVEMSHOP_STORE_ID, NUVEMSHOP_TOKEN, NuvemshopEmulator } from '../emulators/nuvemshop';
import { ULTRACART_SIMPLE_KEY, UltraCartEmulator } from '../emulators/ultracart';
import { VOUCHERIFY_APP_ID, VOUCHERIFY_SECRET, VoucherifyEmulator } from '../emulators/voucherify';
import { credentialsStore, runNode, type SourceItem } from '../harness/harness';

const BAD_VALUES = ['.', '..', 'a/b', 'x?y', ''];
/** The value a text parameter gets when the provider names none: any id-like text. */
const HARMLESS = 'probe-value';

// These emulators receive odd input on purpose: nothing of theirs goes to the contract log.
const ultraCart = useEmulator(() =>
	new UltraCartEmulator({ timeScale: 100, requestsPerHour: 1_000_000 }).withoutContractLog(),
);
const voucherify = useEmulator(() =>
	new VoucherifyEmulator({ timeScale: 100, requestsPerMinute: 1_000_000 }).withoutContractLog(),
);
const nuvemshop = useEmulator(() =>
	new NuvemshopEmulator({ timeScale: 100, bucketSize: 1_000_000 }).withoutContractLog(),
);
const sellingPartner = useEmulator(() =>
	new AmazonSellingPartnerEmulator({ timeScale: 100 }).withoutContractLog(),
);
const mws = useEmulator(() => new AmazonMwsEmulator({ timeScale: 1000 }).withoutContractLog());

interface Provider {
	nodeType: () => INodeType;
	emulator: () => Emulator;
	seed: () => void;
	credentialType: string;
	credentialTypes: () => ICredentialType[];
	credentialData: () => Record<string, string | boolean>;
	/** Valid values by parameter name, for the parameters an operation shows (required ones at least). */
	valid: INodeParameters;
	/** The input item, when operations read a file from it. */
	input?: SourceItem[];
}

const file = (fileName: string, mimeType: string, text: string) => [
	{ json: {}, binary: { data: { data: Buffer.from(text), fileName, mimeType } } },
];

const providers: Record<string, Provider> = {
	UltraCart: {
		nodeType: () => new UltraCart(),
		emulator: () => ultraCart.get(),
		seed: () => ultraCart.get().seedDemoData(),
		credentialType: 'ultraCartApi',
		credentialTypes: () => [new UltraCartApi()],
		credentialData: () => ({
			apiKey: ULTRACART_SIMPLE_KEY,
			customBaseUrl: `${ultraCart.get().baseUrl}/rest/v2`,
		}),
		valid: {
			customerProfileOid: '1001',
			email: 'jane.doe@example.com',
			sourceEmail: 'buyer3@example.com',
			storefrontHostName: 'store.example.com',
			wishlistItemOid: '501',
			merchantItemOid: '9001',
			token: 'verify-1',
			amount: 5,
			adjustment_amount: 5,
			addToLists: ['8c1f0d2e-0000-4000-8000-000000000001'],
			updateFields: { priority: 2, website_url: 'https://example.com' },
		},
	},
	Voucherify: {
		nodeType: () => new Voucherify(),
		emulator: () => voucherify.get(),
		seed: () => voucherify.get().seed(3),
		credentialType: 'voucherifyApi',
		credentialTypes: () => [new VoucherifyApi()],
		credentialData: () => ({
			applicationId: VOUCHERIFY_APP_ID,
			secretKey: VOUCHERIFY_SECRET,
			region: 'custom',
			customBaseUrl: voucherify.get().baseUrl,
		}),
		valid: {
			customerId: 'src-1',
			sourceId: 'src-9',
			sourceIds: 'src-1, src-2',
			asyncActionId: 'aa_probe',
			binaryPropertyName: 'data',
			updateFields: { name: 'New Name' },
			metadata: { entry: [{ key: 'tier', value: 'gold' }] },
			pollIntervalSeconds: 0.1,
			maxWaitSeconds: 2,
		},
		input: file('customers.csv', 'text/csv', 'Name,Source_id,Email\nAda,src-7,ada@example.com\n'),
	},
	Nuvemshop: {
		nodeType: () => new Nuvemshop(),
		emulator: () => nuvemshop.get(),
		seed: () => nuvemshop.get().seed(3),
		credentialType: 'nuvemshopApi',
		credentialTypes: () => [new NuvemshopApi()],
		credentialData: () => ({
			storeId: NUVEMSHOP_STORE_ID,
			accessToken: NUVEMSHOP_TOKEN,
			appName: 'Probe',
			appContact: 'ops@example.com',
			apiVersion: '2025-03',
			customBaseUrl: nuvemshop.get().baseUrl,
		}),
		valid: {
			customerId: '1002',
			name: 'Carla Dias',
			email: 'carla@example.com',
			updateFields: { name: 'New Name' },
		},
	},
	'Amazon Selling Partner': {
		nodeType: () => new AmazonSellingPartner(),
		emulator: () => sellingPartner.get(),
		seed: () => sellingPartner.get().seedDemoData(),
		credentialType: 'amazonSellingPartnerApi',
		credentialTypes: () => [new AmazonSellingPartnerApi()],
		credentialData: () => ({
			clientId: SP_CLIENT_ID,
			clientSecret: SP_CLIENT_SECRET,
			refreshToken: SP_REFRESH_TOKEN,
			region: 'na',
			environment: 'production',
			useCustomEndpoints: true,
			customEndpoint: sellingPartner.get().baseUrl,
			customTokenUrl: `${sellingPartner.get().lwa.baseUrl}/auth/o2/token`,
			accessToken: '',
		}),
		valid: {
			amazonOrderId: SANDBOX_ORDER_OK,
			marketplaceId: 'ATVPDKIKX0DER',
			text: 'Hello',
			binaryPropertyNames: 'data',
		},
		input: file('invoice.pdf', 'application/pdf', '%PDF-1.4\n%%EOF\n'),
	},
	'Amazon MWS': {
		nodeType: () => new AmazonMws(),
		emulator: () => mws.get(),
		seed: () => {
			mws.get().seed(5);
			mws.get().refillQuotas();
		},
		credentialType: 'amazonMwsApi',
		credentialTypes: () => [new AmazonMwsApi()],
		credentialData: () => ({
			sellerId: MWS_SELLER_ID,
			accessKeyId: MWS_ACCESS_KEY_ID,
			secretKey: MWS_SECRET_KEY,
			endpoint: 'custom',
			customEndpoint: mws.get().baseUrl,
		}),
		valid: { customerIds: 'A1', pageToken: 'probe-token' },
	},
};

const NODE: Pick<INode, 'typeVersion'> = { typeVersion: 1 };

/** Every resource × operation pair the node's menus offer. */
function operationsOf(
	description: INodeTypeDescription,
): Array<{ resource: string; operation: string }> {
	const resources = (description.properties.find((p) => p.name === 'resource')?.options ??
		[]) as INodePropertyOptions[];
	return resources.flatMap(({ value }) =>
		description.properties
			.filter(
				(p) =>
					p.name === 'operation' &&
					NodeHelpers.displayParameter({ resource: value }, p, NODE, description),
			)
			.flatMap((p) =>
				(p.options as INodePropertyOptions[]).map((o) => ({
					resource: String(value),
					operation: String(o.value),
				})),
			),
	);
}

/** The parameters an operation shows (with their defaults), and which of them take text. */
function shownParameters(description: INodeTypeDescription, resource: string, operation: string) {
	const values =
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource, operation },
			true,
			false,
			NODE,
			description,
		) ?? {};
	const texts = description.properties
		.filter(
			(p) => p.type === 'string' && NodeHelpers.displayParameter(values, p, NODE, description),
		)
		.map((p) => p.name);
	return { shown: Object.keys(values), texts: [...new Set(texts)] };
}

interface Sent {
	method: string;
	path: string;
	query: string;
}

async function send(
	provider: Provider,
	parameters: INodeParameters,
): Promise<{ sent: Sent[]; error?: string }> {
	const emulator = provider.emulator();
	provider.seed();
	emulator.reset();
	// a fresh credential per run: fresh client-side rate-limit buckets
	const id = `${provider.credentialType}-${Math.random().toString(36).slice(2)}`;
	const result = await runNode({
		nodeType: provider.nodeType(),
		parameters,
		credentials: { [provider.credentialType]: id },
		credentialsHelper: credentialsStore(provider.credentialTypes(), {
			[id]: { type: provider.credentialType, data: provider.credentialData() },
		}),
		input: provider.input,
	});
	return {
		sent: emulator.requests.map(({ method, path, query }) => ({ method, path, query })),
		error: result.error?.message,
	};
}

/** What is wrong with a path as the vendor received it, if anything. */
function pathProblem(path: string): string | undefined {
	const segments = path.split('/').slice(1);
	if (segments.some((s) => s === '')) return 'an empty segment';
	if (segments.some((s) => /^(?:\.|%2e){1,2}$/i.test(s))) return 'a dot segment';
	return undefined;
}

/**
 * Whether `sent` is the path `known` with the parameter's value `was` (encoded) replaced by `now` (encoded): segment
 * by segment, the same except where `known` held that value. Other segments may differ (ids the vendor made up).
 */
function samePathWith(known: string, sent: string, was: string, now: string): boolean {
	const [a, b] = [known.split('/'), sent.split('/')];
	if (a.length !== b.length) return false;
	const [from, to] = [encodeURIComponent(was), encodeURIComponent(now)];
	return a.every(
		(segment, i) =>
			segment === b[i] || (segment === from && was !== '' ? b[i] === to : b[i] !== to),
	);
}

for (const [providerName, provider] of Object.entries(providers)) {
	const description = provider.nodeType().description;
	describe(`${providerName}: no request leaves with a changed path`, () => {
		test.each(operationsOf(description))(
			'$resource → $operation',
			async ({ resource, operation }) => {
				const { shown, texts } = shownParameters(description, resource, operation);
				const valid = Object.fromEntries(
					Object.entries(provider.valid).filter(([name]) => shown.includes(name)),
				);
				// the paths harmless values give: one run per text parameter, so every branch a blank value may take is known
				const baselines: Array<{ parameters: INodeParameters; sent: Sent[] }> = [];
				for (const name of texts) {
					const parameters = { resource, operation, ...valid, [name]: valid[name] ?? HARMLESS };
					baselines.push({ parameters, sent: (await send(provider, parameters)).sent });
				}
				const failures: string[] = [];
				for (const name of texts) {
					for (const bad of BAD_VALUES) {
						// as an expression, the way mapped input arrives: n8n's own check of required parameters lets it through
						const { sent, error } = await send(provider, {
							resource,
							operation,
							...valid,
							[name]: `={{ ${JSON.stringify(bad)} }}`,
						});
						const label = `${name} = ${JSON.stringify(bad)}`;
						// the encoder names the parameter; the kernel's own refusal means a path bypassed it
						if (error?.startsWith('Refused to send'))
							failures.push(`${label}: only the kernel caught it: ${error}`);
						for (const request of sent) {
							const where = `${label}: ${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`;
							const problem = pathProblem(request.path);
							const known = baselines.some(({ parameters, sent: paths }) =>
								paths.some(
									(r) =>
										r.method === request.method &&
										samePathWith(r.path, request.path, String(parameters[name] ?? ''), bad),
								),
							);
							if (problem) failures.push(`${where} has ${problem}`);
							else if (/[/?]/.test(bad) && `${request.path}?${request.query}`.includes(`/${bad}`))
								failures.push(`${where} holds the value unencoded`);
							else if (!known) failures.push(`${where} is no path that harmless values give`);
						}
					}
				}
				expect(failures).toEqual([]);
			},
		);
	});
}

describe('the checks themselves', () => {
	const ctx = {
		getNode: () =>
			({
				id: 'n',
				name: 'Node',
				type: 'test',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}) as INode,
	};
	const refusal = (run: () => unknown) => {
		try {
			run();
		} catch (error) {
			expect(error).toBeInstanceOf(NodeOperationError);
			return (error as Error).message;
		}
		throw new Error('not refused');
	};

	test('pathSegment refuses empty, "." and "..", naming the parameter, and encodes everything else', () => {
		expect(refusal(() => pathSegment(ctx, 0, 'Email', '.'))).toMatch(
			/^Parameter "Email" cannot be "\.": URL parsing turns it into another path/,
		);
		expect(refusal(() => pathSegment(ctx, 0, 'Customer ID', '..'))).toMatch(
			/^Parameter "Customer ID" cannot be "\.\.":/,
		);
		expect(refusal(() => pathSegment(ctx, 0, 'Order ID', ' '))).toBe(
			'Parameter "Order ID" is empty: enter a value or map one from the input',
		);
		expect(pathSegment(ctx, 0, 'X', 'a/b')).toBe('a%2Fb');
		expect(pathSegment(ctx, 0, 'X', 'x?y#z')).toBe('x%3Fy%23z');
		expect(pathSegment(ctx, 0, 'X', '%2e%2e')).toBe('%252e%252e');
		expect(pathSegment(ctx, 0, 'X', '...')).toBe('...');
		expect(pathSegment(ctx, 0, 'X', 1002)).toBe('1002');
	});

	test('assertEmail takes real addresses and refuses what is not one', () => {
		for (const email of [
			'a@b.co',
			'a+b/c@example.com',
			"o'brien@example.ie",
			'first.last@sub.example.com',
			'user@localhost',
			'josé@correo.es',
			'用户@例子.广告',
			' padded@example.com ',
		]) {
			expect(assertEmail(ctx, 0, 'Email', email)).toBe(email.trim());
		}
		for (const email of [
			'',
			'not-an-email',
			'no-at-sign',
			'.',
			'..',
			'a@b@c.com',
			'a b@c.com',
			'.a@b.com',
			'a.@b.com',
			'a..b@c.com',
			'a@b..com',
			'a@-b.com',
			'a@b.com.',
			'a@',
			'@b.com',
			`${'x'.repeat(65)}@b.com`,
		]) {
			expect(refusal(() => assertEmail(ctx, 0, 'Email', email))).toBe(
				`Parameter "Email" is not an email address: "${email}"`,
			);
		}
	});

	test('the kernel refuses a final path with an empty or dot segment or a "#", and nothing else', () => {
		expect(unsafePathProblem('https://h/rest/v2/customer/customers/by_email/')).toMatch(
			/empty segment/,
		);
		expect(unsafePathProblem('https://h/v1/customers//segments')).toMatch(/empty segment/);
		expect(unsafePathProblem('https://h/v1/customers/../segments')).toMatch(/"\.\." segment/);
		expect(unsafePathProblem('https://h/v1/customers/%2E/x')).toMatch(/"%2E" segment/);
		expect(unsafePathProblem('https://h/v1/customers/a#b')).toMatch(/"#"/);
		expect(unsafePathProblem('https://h/v1/customers/a%2Fb?x=../y&z=')).toBeUndefined();
		expect(unsafePathProblem('https://h')).toBeUndefined();
		expect(unsafePathProblem('https://h/')).toBeUndefined();
		expect(unsafePathProblem('https://h/2025-03/1/customers?page=2&per_page=200')).toBeUndefined();
	});

	test('a path that bypassed the encoder is refused by the transport, nothing sent', async () => {
		const httpRequestWithAuthentication = jest.fn();
		const kernelCtx = {
			...ctx,
			getNodeParameter: () => ({}),
			helpers: { httpRequestWithAuthentication },
		} as unknown as KernelContext;
		const transport = new Transport({
			provider: 'Vendor',
			rateLimits: {},
			defaultRateLimitGroup: 'none',
			parseError: () => ({ message: '' }),
		});
		const request = {
			credentialType: 'x',
			method: 'GET' as const,
			url: 'https://vendor.example/customers/by_email/..?x=1',
			safeToRepeat: true,
			itemIndex: 3,
		};
		const error = await transport
			.request(kernelCtx, request)
			.catch((e: unknown) => e as NodeOperationError);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'Refused to send GET /customers/by_email/.. to Vendor: it has a ".." segment, which URL parsing resolves into another path',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
		expect(httpRequestWithAuthentication).not.toHaveBeenCalled();
	});
});
