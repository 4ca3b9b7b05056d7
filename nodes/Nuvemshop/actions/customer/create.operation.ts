import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { emailParameter, requiredString, type OperationMenuEntry } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerBody, customerFieldsCollection, customerStructuredProperties } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create',
	description: 'Create a customer',
	action: 'Create a customer',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: "The customer's full name",
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Must be unique in the store',
	},
	customerFieldsCollection('additionalFields', 'Additional Fields', [
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Password for the customer to log in to the store',
		},
		{
			displayName: 'Send Email Invite',
			name: 'send_email_invite',
			type: 'boolean',
			default: false,
			description: 'Whether to email the customer to notify them of their registration',
		},
	]),
	...customerStructuredProperties,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', itemIndex, 'Name');
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = customerBody(this, itemIndex, { name, email, ...additional });
	const response = await nuvemshopRequest(this, itemIndex, {
		method: 'POST',
		path: '/customers',
		body,
		safeToRepeat: false,
	});
	return response.body as IDataObject;
}
