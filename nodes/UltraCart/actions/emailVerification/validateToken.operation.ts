import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';

export const menu: OperationMenuEntry = {
	name: 'Validate Token',
	description: 'Check an email verification token',
	action: 'Validate an email verification token',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The token the customer received',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const token = requiredString(this, 'token', itemIndex, 'Token');
	// Validating may use the token up: not sent twice.
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: '/customer/customers/email_verify/validate_token',
		body: { token },
		plainJson: true,
		safeToRepeat: false,
		successIsTheAnswer: true,
	});
	const error = response.error as IDataObject | undefined;
	const reason = error?.user_message ?? error?.developer_message;
	return {
		valid: response.success === true,
		...(response.success !== true && reason ? { reason } : {}),
	};
}
