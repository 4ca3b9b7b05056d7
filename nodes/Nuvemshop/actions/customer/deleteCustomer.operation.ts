import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment, requiredInteger } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerIdProperty } from './shared';

const displayOptions = { show: { resource: ['customer'], operation: ['delete'] } };

const properties: INodeProperties[] = [customerIdProperty('The ID of the customer to delete. Nuvemshop refuses to delete a customer who has orders.')];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredInteger(this, 'customerId', itemIndex, 'Customer ID');
	await nuvemshopRequest(this, itemIndex, { method: 'DELETE', path: `/customers/${pathSegment(this, itemIndex, 'Customer ID', id)}`, safeToRepeat: true });
	return { id, deleted: true };
}
