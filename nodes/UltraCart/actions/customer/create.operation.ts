import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { emailParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import {
	customerChanges,
	customerFieldsCollection,
	customerJsonProperty,
	expandProperty,
	expandQuery,
	propertiesProperty,
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
	propertiesProperty,
	customerJsonProperty,
	expandProperty,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const { changes: customer } = customerChanges(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		email,
	});
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: '/customer/customers',
		qs: expandQuery(this, itemIndex),
		body: customer,
		safeToRepeat: false,
	});
	return response.customer as IDataObject;
}
