import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, jsonObjectParameter, type OperationMenuEntry } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { asyncOutcome, waitForCompletionProperties } from '../fields';
import { metadataFrom, metadataProperty } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update Metadata of Many',
	description: 'Set the same metadata on many customers',
	action: 'Update metadata of many customers',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Source IDs',
		name: 'sourceIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. shop-1, shop-2',
		description:
			'The source IDs of the customers to change, comma-separated or as a list; customers not found are created',
	},
	metadataProperty,
	{
		displayName: 'Metadata (JSON)',
		name: 'metadataJson',
		type: 'json',
		default: '{}',
		description: 'More metadata as a JSON object; overrides the entries above',
	},
	...waitForCompletionProperties,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = this.getNodeParameter('sourceIds', itemIndex, '') as unknown;
	const sourceIds = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((s) => s.trim())
		.filter(Boolean);
	if (sourceIds.length === 0)
		invalidParameter(this, itemIndex, 'Source IDs', 'is empty: give at least one source ID');
	const metadata = {
		...(metadataFrom(this, itemIndex) ?? {}),
		...jsonObjectParameter(this, 'metadataJson', itemIndex, 'Metadata (JSON)'),
	};
	if (Object.keys(metadata).length === 0)
		invalidParameter(this, itemIndex, 'Metadata', 'is empty: add at least one entry');
	// Keyed by source IDs: sending it again sets the same values.
	const accepted = await voucherifyRequest(this, itemIndex, {
		method: 'POST',
		path: '/v1/customers/metadata/async',
		body: { source_ids: sourceIds, metadata },
		safeToRepeat: true,
	});
	return await asyncOutcome(this, itemIndex, accepted);
}
