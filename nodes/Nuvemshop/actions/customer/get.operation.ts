import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment, requiredInteger } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerIdProperty, fieldsOption } from './shared';

const displayOptions = { show: { resource: ['customer'], operation: ['get'] } };

const properties: INodeProperties[] = [
	customerIdProperty('The ID of the customer to get'),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [fieldsOption] },
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredInteger(this, 'customerId', itemIndex, 'Customer ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await nuvemshopRequest(this, itemIndex, {
		method: 'GET',
		path: `/customers/${pathSegment(this, itemIndex, 'Customer ID', id)}`,
		qs: options.fields ? { fields: options.fields } : undefined,
		safeToRepeat: true,
	});
	return response.body as IDataObject;
}
