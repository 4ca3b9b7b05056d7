import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	emailParameter,
	requiredString,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import {
	customerBody,
	customerFieldsCollection,
	customerStructuredProperties,
	nameAndEmailProperties,
	signUpFields,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create',
	description: 'Create a customer',
	action: 'Create a customer',
};

export const properties: INodeProperties[] = [
	...nameAndEmailProperties('Must be unique in the store'),
	customerFieldsCollection('additionalFields', 'Additional Fields', signUpFields(false)),
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

/** Items of the same email address run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => emailParameter(ctx, 'email', itemIndex, 'Email').toLowerCase(),
};
