// Applies credential types the way n8n's CLI CredentialsHelper does (packages/cli/src/credentials-helper.ts, n8n 2.x),
// without its database and encryption: generic and function `authenticate`, `preAuthentication` on an empty or
// expired expirable field (persisted like the CLI persists it), OAuth2 token data updates, defaults and expressions.
import { getAdditionalKeys } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	deepCopy,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type ICredentialsExpressionResolveValues,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	Workflow,
	type INodeType,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { ItemsSource } from './items-source.node';

/** The stand-in workflow n8n's CredentialsHelper resolves credential expressions in when no run is at hand (activation). */
const mockNode: INode = {
	id: 'mock',
	name: '',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const mockNodeTypes = {
	getByName: (): INodeType => new ItemsSource(),
	getByNameAndVersion: (): INodeType => new ItemsSource(),
	getKnownTypes: (): IDataObject => ({}),
};

export interface StoredCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

const OAUTH_PINNED_FIELDS = [
	'useDynamicClientRegistration',
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'usePkce',
	'requestTokenUrl',
	'signatureMethod',
];

export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Stored ("decrypted") credential data by id; preAuthentication and OAuth2 refreshes write here as the CLI writes to its database. */
	readonly store = new Map<string, StoredCredential>();
	readonly types = new Map<string, ICredentialType>();
	/** How many times each credential type's preAuthentication ran. */
	readonly preAuthenticationCalls = new Map<string, number>();
	/** How many times each credential type was read (decrypted), as a node's getCredentials() reads it. */
	readonly decryptions = new Map<string, number>();

	constructor(credentialTypes: ICredentialType[]) {
		super();
		for (const t of credentialTypes) this.types.set(t.name, t);
	}

	private type(name: string): ICredentialType {
		const t = this.types.get(name);
		if (!t) throw new Error(`Unknown credential type ${name}`);
		return t;
	}

	getParentTypes(name: string): string[] {
		const t = this.types.get(name);
		if (!t) return [];
		return (t.extends ?? []).flatMap((p) => [p, ...this.getParentTypes(p)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	/** Properties including those of parent types (oAuth2Api), as the CLI's credential types registry merges them. */
	getCredentialsProperties(type: string): INodeProperties[] {
		const own = this.type(type);
		const inherited: INodeProperties[] = (own.extends ?? []).flatMap((p): INodeProperties[] =>
			this.types.has(p) ? this.getCredentialsProperties(p) : [],
		);
		const names = new Set(own.properties.map((p) => p.name));
		return [...inherited.filter((p) => !names.has(p.name)), ...own.properties];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function')
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) => {
				if (!isExpression(value)) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			for (const [outerKey, outer] of Object.entries(authenticate.properties)) {
				if (outerKey === 'auth') {
					const auth: IDataObject = {};
					for (const [k, v] of Object.entries(outer as IDataObject)) auth[k] = resolve(v as string);
					(requestOptions as IHttpRequestOptions).auth =
						auth as unknown as IHttpRequestOptions['auth'];
					continue;
				}
				const target = (((requestOptions as unknown as IDataObject)[outerKey] as
					| IDataObject
					| undefined) ??= {});
				for (const [k, v] of Object.entries(outer as IDataObject))
					target[resolve(k)] = resolve(v as string);
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		)
			return undefined;
		this.preAuthenticationCalls.set(typeName, (this.preAuthenticationCalls.get(typeName) ?? 0) + 1);
		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials?.id) {
			const stored = this.store.get(nodeCredentials.id);
			if (stored) {
				for (const [k, v] of Object.entries(output))
					if (k === expirable.name || !isExpression(stored.data[k])) stored.data[k] = v;
			}
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	) {
		const t = this.type(typeName);
		return typeof t.preAuthentication === 'function'
			? ((await t.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject)
			: undefined;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		this.decryptions.set(type, (this.decryptions.get(type) ?? 0) + 1);
		const stored = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!stored || stored.type !== type) {
			throw new Error(
				`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`,
			);
		}
		if (raw) return deepCopy(stored.data);
		const properties = this.getCredentialsProperties(type);
		// As n8n 2.41 does (OAUTH_PINNED_FIELDS): hidden OAuth fields always take their declared default, never a stored value.
		const storedData = deepCopy(stored.data) as INodeParameters;
		for (const field of OAUTH_PINNED_FIELDS)
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete storedData[field];
		let data = NodeHelpers.getNodeParameters(
			properties,
			storedData,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		// As the CLI does: OAuth token data is no declared property, so getNodeParameters drops it; add it back.
		if (stored.data.oauthTokenData !== undefined)
			data.oauthTokenData = deepCopy(stored.data.oauthTokenData);
		if (expressionResolveValues) {
			const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
			data = expressionResolveValues.workflow.expression.getParameterValue(
				data as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				data,
			) as ICredentialDataDecryptedObject;
		} else {
			// As the CLI does for hook contexts (checkExists/create/delete): expressions resolve against the credential alone
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			data = workflow.expression.getComplexParameterValue(
				mockNode,
				data as INodeParameters,
				mode,
				getAdditionalKeys(additionalData, mode, null, { isCredential: true }),
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		if (nodeCredentials.id) this.store.set(nodeCredentials.id, { type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		if (!nodeCredentials.id) return;
		const stored = this.store.get(nodeCredentials.id);
		if (stored) stored.data.oauthTokenData = data.oauthTokenData;
	}
}
