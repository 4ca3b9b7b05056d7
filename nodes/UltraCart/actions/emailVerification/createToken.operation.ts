import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { emailParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';

export const menu: OperationMenuEntry = {
	name: 'Create Token',
	description: 'Create a token to verify an email address',
	action: 'Create an email verification token',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The address to verify',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The customer's password, when the token is to confirm a sign-up",
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const password = this.getNodeParameter('password', itemIndex, '') as string;
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: '/customer/customers/email_verify/get_token',
		body: password ? { email, password } : { email },
		plainJson: true,
		safeToRepeat: false,
	});
	return { email, token: response.token };
}
