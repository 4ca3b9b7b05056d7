import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { invalidParameter, pathSegment, requiredInteger } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerBody, customerFieldOptions, customerStructuredFields } from './fields';
import { customerIdProperty } from './shared';

const displayOptions = { show: { resource: ['customer'], operation: ['update'] } };

const properties: INodeProperties[] = [
	customerIdProperty('The ID of the customer to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...customerFieldOptions,
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = [...updateDisplayOptions(displayOptions, properties), ...customerStructuredFields(displayOptions)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredInteger(this, 'customerId', itemIndex, 'Customer ID');
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = customerBody(this, itemIndex, updateFields);
	if (Object.keys(body).length === 0) invalidParameter(this, itemIndex, 'Update Fields', 'is empty: add at least one field to change');
	const response = await nuvemshopRequest(this, itemIndex, { method: 'PUT', path: `/customers/${pathSegment(this, itemIndex, 'Customer ID', id)}`, body, safeToRepeat: true });
	return response.body as IDataObject;
}
