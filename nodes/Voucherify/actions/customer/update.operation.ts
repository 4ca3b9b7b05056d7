import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { invalidParameter, pathSegment, requiredPathId } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { customerBody, customerFieldsCollection, customerIdProperty, metadataAndJsonProperties } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['update'] } };

const properties: INodeProperties[] = [
	customerIdProperty('The Voucherify ID (cust_…) or your source ID of the customer to update. The source ID itself cannot be changed.'),
	customerFieldsCollection('updateFields', 'Update Fields'),
	...metadataAndJsonProperties,
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredPathId(this, 'customerId', itemIndex, 'Customer ID or Source ID');
	const body = customerBody(this, itemIndex, 'updateFields');
	if ('source_id' in body || 'id' in body) invalidParameter(this, itemIndex, 'JSON Fields', 'cannot change id or source_id: Voucherify keeps them fixed');
	if (Object.keys(body).length === 0) invalidParameter(this, itemIndex, 'Update Fields', 'is empty: add at least one field to change');
	return await voucherifyRequest(this, itemIndex, { method: 'PUT', path: `/v1/customers/${pathSegment(this, itemIndex, 'Customer ID or Source ID', id)}`, body, safeToRepeat: true });
}
