import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	emailParameter,
	pathSegment,
	simplifyOutput,
	type OperationMenuEntry,
} from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { expandProperty, expandQuery } from './fields';
import { simplifyCustomer, withSimplify } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get by Email',
	description: 'Get a customer by email address',
	action: 'Get a customer by email',
};

export const properties: INodeProperties[] = withSimplify([
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	expandProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'GET',
		path: `/customer/customers/by_email/${pathSegment(this, itemIndex, 'Email', email)}`,
		qs: expandQuery(this, itemIndex),
		safeToRepeat: true,
	});
	return simplifyOutput(this, itemIndex, response.customer as IDataObject, simplifyCustomer);
}
