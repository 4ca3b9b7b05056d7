import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { emailParameter, pathSegment } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { expandProperty, expandQuery } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['getByEmail'] } };

export const description = updateDisplayOptions(displayOptions, [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
	expandProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const response = await ultraCartRequest(this, itemIndex, { method: 'GET', path: `/customer/customers/by_email/${pathSegment(this, itemIndex, 'Email', email)}`, qs: expandQuery(this, itemIndex), safeToRepeat: true });
	return response.customer as IDataObject;
}
