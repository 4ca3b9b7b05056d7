import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { invalidParameter, jsonObjectParameter } from '../../../shared';
import { asyncOutcome, voucherifyRequest, waitForCompletionProperties } from '../../transport';
import { metadataFrom } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['updateManyMetadata'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Source IDs',
		name: 'sourceIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. shop-1, shop-2',
		description: 'The source IDs of the customers to change, comma-separated or as a list; customers not found are created',
	},
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		options: [
			{
				displayName: 'Entry',
				name: 'entry',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Numbers, true/false and null are sent as such; anything else as text' },
				],
			},
		],
	},
	{ displayName: 'Metadata (JSON)', name: 'metadataJson', type: 'json', default: '{}', description: 'More metadata as a JSON object; overrides the entries above' },
	...waitForCompletionProperties,
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = this.getNodeParameter('sourceIds', itemIndex, '') as unknown;
	const sourceIds = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
	if (sourceIds.length === 0) invalidParameter(this, itemIndex, 'Source IDs', 'is empty: give at least one source ID');
	const metadata = { ...(metadataFrom(this, itemIndex) ?? {}), ...jsonObjectParameter(this, 'metadataJson', itemIndex, 'Metadata (JSON)') };
	if (Object.keys(metadata).length === 0) invalidParameter(this, itemIndex, 'Metadata', 'is empty: add at least one entry');
	// Keyed by source IDs: sending it again sets the same values.
	const accepted = await voucherifyRequest(this, itemIndex, { method: 'POST', path: '/v1/customers/metadata/async', body: { source_ids: sourceIds, metadata }, safeToRepeat: true });
	return await asyncOutcome(this, itemIndex, accepted);
}
