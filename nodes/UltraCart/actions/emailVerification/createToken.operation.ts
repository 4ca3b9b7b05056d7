import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { emailParameter } from '../../../shared';
import { ultraCartRequest } from '../../transport';

const displayOptions = { show: { resource: ['emailVerification'], operation: ['createToken'] } };

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'The address to verify' },
	{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: "The customer's password, when the token is to confirm a sign-up" },
];

export const description = updateDisplayOptions(displayOptions, properties);

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
