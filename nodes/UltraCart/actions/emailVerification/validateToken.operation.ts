import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requiredString } from '../../../shared';
import { ultraCartRequest } from '../../transport';

const displayOptions = { show: { resource: ['emailVerification'], operation: ['validateToken'] } };

export const description = updateDisplayOptions(displayOptions, [
	{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, required: true, default: '', description: 'The token the customer received' },
]);

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
	return { valid: response.success === true, ...(response.success !== true && reason ? { reason } : {}) };
}
