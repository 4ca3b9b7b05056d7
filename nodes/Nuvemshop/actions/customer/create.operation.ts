import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { emailParameter, requiredString } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerBody, customerFieldOptions, customerStructuredFields } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['create'] } };

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: "The customer's full name" },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Must be unique in the store' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...customerFieldOptions,
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: 'Password for the customer to log in to the store' },
			{ displayName: 'Send Email Invite', name: 'send_email_invite', type: 'boolean', default: false, description: 'Whether to email the customer to notify them of their registration' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = [...updateDisplayOptions(displayOptions, properties), ...customerStructuredFields(displayOptions)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', itemIndex, 'Name');
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = customerBody(this, itemIndex, { name, email, ...additional });
	const response = await nuvemshopRequest(this, itemIndex, { method: 'POST', path: '/customers', body, safeToRepeat: false });
	return response.body as IDataObject;
}
