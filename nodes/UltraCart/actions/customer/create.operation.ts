import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { emailParameter, jsonObjectParameter } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerFieldsCollection, customerFromFields, customerJsonProperty, expandProperty, expandQuery } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['create'] } };

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
	customerFieldsCollection('additionalFields', 'Additional Fields'),
	customerJsonProperty,
	expandProperty,
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const customer = {
		...customerFromFields({ ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject), email }),
		...jsonObjectParameter(this, 'customerJson', itemIndex, 'Customer JSON'),
	};
	const response = await ultraCartRequest(this, itemIndex, { method: 'POST', path: '/customer/customers', qs: expandQuery(this, itemIndex), body: customer, safeToRepeat: false });
	return response.customer as IDataObject;
}
