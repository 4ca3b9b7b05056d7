import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	changedFields,
	invalidParameter,
	pathSegment,
	upsertResult,
	type OperationMenuEntry,
	type UpsertAction,
	type ParallelItems,
} from '../../../shared';
import { voucherifyFind, voucherifyRequest } from '../../transport';
import {
	checkedCustomerBody,
	customerFieldsCollection,
	schemaCheckedMetadataProperties,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create or Update',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	action: 'Create or update a customer',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. the customer ID or email in your store',
		description:
			'Your own unique ID for the customer. If a customer with this source ID exists it is updated (or left as it is when nothing you set differs), otherwise created. Leave empty to always create a new customer.',
	},
	customerFieldsCollection('customerFields', 'Customer Fields'),
	...schemaCheckedMetadataProperties,
];

/**
 * Reads the customer by its source ID (or Voucherify ID) first: 404 means new. An existing customer whose fields
 * already hold what the user set is left alone (nothing sent); otherwise POST /v1/customers creates or updates it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// left out by an AI agent's tool call, $fromAI() gives undefined: that is no source ID, not the text "undefined"
	const sourceId = String(this.getNodeParameter('sourceId', itemIndex, '') ?? '').trim();
	// the source ID goes into the lookup's path: a value that cannot is refused before any request
	if (sourceId) pathSegment(this, itemIndex, 'Source ID', sourceId);
	const body = await checkedCustomerBody(this, itemIndex, 'customerFields');
	if (sourceId) body.source_id = sourceId;
	if (Object.keys(body).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Customer Fields',
			'is empty: give a source ID or at least one field',
		);
	const key = body.source_id ?? body.id;
	const existing = key
		? await voucherifyFind(
				this,
				itemIndex,
				`/v1/customers/${pathSegment(this, itemIndex, body.source_id ? 'Source ID' : 'JSON Fields', String(key))}`,
			)
		: undefined;
	if (existing) {
		const wanted = { ...body };
		delete wanted.source_id;
		delete wanted.id;
		if (changedFields(wanted, existing).length === 0) return upsertResult('unchanged', existing);
	}
	const action: UpsertAction = existing ? 'updated' : 'created';
	// An upsert keyed by an id or source id does no harm when repeated; a keyless create would add a second customer.
	const customer = await voucherifyRequest(this, itemIndex, {
		method: 'POST',
		path: '/v1/customers',
		body,
		safeToRepeat: Boolean(key),
	});
	return upsertResult(action, customer);
}

/**
 * It reads, then writes: items of the same source ID run one after another, in input order, and so do all items
 * without one (their JSON Fields may name the same customer); others in parallel.
 */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) =>
		String(ctx.getNodeParameter('sourceId', itemIndex, '') ?? '').trim(),
};
