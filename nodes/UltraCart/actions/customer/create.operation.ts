import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { emailParameter, jsonObjectParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import {
	customerFieldsCollection,
	customerFromFields,
	customerJsonProperty,
	expandProperty,
	expandQuery,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create',
	description: 'Create a customer',
	action: 'Create a customer',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	customerFieldsCollection('additionalFields', 'Additional Fields'),
	customerJsonProperty,
	expandProperty,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const customer = {
		...customerFromFields({
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			email,
		}),
		...jsonObjectParameter(this, 'customerJson', itemIndex, 'Customer JSON'),
	};
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: '/customer/customers',
		qs: expandQuery(this, itemIndex),
		body: customer,
		safeToRepeat: false,
	});
	return response.customer as IDataObject;
}
