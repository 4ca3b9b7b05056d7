import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, type OperationMenuEntry } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { customerBody, customerFieldsCollection, metadataAndJsonProperties } from './fields';

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
			'Your own unique ID for the customer. If a customer with this source ID exists it is updated, otherwise created. Leave empty to always create a new customer.',
	},
	customerFieldsCollection('customerFields', 'Customer Fields'),
	...metadataAndJsonProperties,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sourceId = String(this.getNodeParameter('sourceId', itemIndex, '')).trim();
	const body = customerBody(this, itemIndex, 'customerFields');
	if (sourceId) body.source_id = sourceId;
	if (Object.keys(body).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Customer Fields',
			'is empty: give a source ID or at least one field',
		);
	// An upsert keyed by an id or source id does no harm when repeated; a keyless create would add a second customer.
	const safeToRepeat = Boolean(body.source_id || body.id);
	return await voucherifyRequest(this, itemIndex, {
		method: 'POST',
		path: '/v1/customers',
		body,
		safeToRepeat,
	});
}
