import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { setProcessesSharing } from './pacing';
import type { KernelContext } from './types';

export const DEFAULT_MAX_RETRY_WAIT_SECONDS = 300;
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The node setting every provider node carries: how long to wait for rate limits and slow answers. */
export const requestSettingsProperty: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_RETRY_WAIT_SECONDS,
			description:
				'How long, in total, the node may wait and retry when the vendor is rate limiting or temporarily failing, before it reports an error',
		},
		{
			displayName: 'Processes Sharing the Account',
			name: 'processesSharingAccount',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				"How many n8n processes send to this vendor account at the same time (queue-mode workers, other n8n instances): each paces itself to that share of the account's rate limit. Set the same value on every node that uses the account.",
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long to wait for one answer from the vendor',
		},
	],
};

export interface RequestSettings {
	maxRetryWaitMs: number;
	timeoutMs: number;
	processesSharingAccount: number;
}

export function readRequestSettings(ctx: KernelContext, itemIndex: number): RequestSettings {
	let raw: IDataObject = {};
	try {
		raw = (
			ctx as { getNodeParameter: (name: string, index: number, fallback: unknown) => unknown }
		).getNodeParameter('requestSettings', itemIndex, {}) as IDataObject;
	} catch {
		raw = {};
	}
	const maxWait = Number(raw?.maxRetryWaitSeconds ?? DEFAULT_MAX_RETRY_WAIT_SECONDS);
	const timeout = Number(raw?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
	const sharing = Number(raw?.processesSharingAccount ?? 1);
	const processesSharingAccount =
		Number.isFinite(sharing) && sharing >= 1 ? Math.floor(sharing) : 1;
	// the pacing buckets of the quota owners this node sends as (its credentials, or the node itself) take their
	// share; a node that does not set it (a trigger, an older node) leaves what another node of the account set
	if (raw?.processesSharingAccount !== undefined)
		setProcessesSharing(quotaOwners(ctx), processesSharingAccount);
	return {
		maxRetryWaitMs:
			(Number.isFinite(maxWait) && maxWait >= 0 ? maxWait : DEFAULT_MAX_RETRY_WAIT_SECONDS) * 1000,
		timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS) * 1000,
		processesSharingAccount,
	};
}

function quotaOwners(ctx: KernelContext): string[] {
	try {
		const node = ctx.getNode();
		return [
			...Object.values(node.credentials ?? {})
				.map((c) => c.id)
				.filter((id): id is string => typeof id === 'string' && id !== ''),
			node.id,
		];
	} catch {
		return [];
	}
}
