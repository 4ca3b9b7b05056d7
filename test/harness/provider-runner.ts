// The credential() and run() every provider's tests need, written once: a fresh credential per run (so each run
// also gets fresh client-side rate-limit buckets), and the node run through n8n's real engine with it.
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import {
	credentialsStore,
	runNode,
	type HarnessCredentialsHelper,
	type NodeRun,
	type RunNodeOptions,
} from './harness';

export interface ProviderRunnerConfig {
	nodeType: () => INodeType;
	/** Every credential type the node may use (OAuth2 ones need OAuth2ApiBase too). */
	credentialTypes: () => ICredentialType[];
	/** The credential type used unless a run names another. */
	credentialType: string;
	/** The working credential's data; read at each run, so it may use an emulator's base URL. */
	credentialData: () => Record<string, unknown>;
	/** Parameters every run starts from (the resource, a marketplace). */
	defaultParameters?: INodeParameters;
}

export interface TestCredential {
	id: string;
	type: string;
	helper: HarnessCredentialsHelper;
}

export type ProviderRunOptions = Partial<
	Omit<RunNodeOptions, 'nodeType' | 'parameters' | 'credentials' | 'credentialsHelper'>
> & {
	/** Fields that differ from the working credential (a wrong key, another region). */
	credential?: Record<string, unknown>;
	/** A credential made beforehand, to share its token or rate-limit buckets between runs. */
	using?: TestCredential;
};

export interface ProviderRunner {
	credential(overrides?: Record<string, unknown>, type?: string): TestCredential;
	run(
		parameters: INodeParameters,
		options?: ProviderRunOptions,
	): Promise<NodeRun & { credential: TestCredential }>;
}

export function providerRunner(config: ProviderRunnerConfig): ProviderRunner {
	let counter = 0;
	const credential = (
		overrides: Record<string, unknown> = {},
		type = config.credentialType,
	): TestCredential => {
		const id = `${type}-${++counter}`;
		const data = (
			type === config.credentialType ? { ...config.credentialData(), ...overrides } : overrides
		) as ICredentialDataDecryptedObject;
		return {
			id,
			type,
			helper: credentialsStore(config.credentialTypes(), { [id]: { type, data } }),
		};
	};
	const run = async (parameters: INodeParameters, options: ProviderRunOptions = {}) => {
		const { credential: overrides, using, ...runOptions } = options;
		const cred = using ?? credential(overrides);
		const result = await runNode({
			...runOptions,
			nodeType: config.nodeType(),
			parameters: { ...config.defaultParameters, ...parameters },
			credentials: { [cred.type]: cred.id },
			credentialsHelper: cred.helper,
		});
		return { ...result, credential: cred };
	};
	return { credential, run };
}
