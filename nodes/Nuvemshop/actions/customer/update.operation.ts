import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, type OperationMenuEntry, type ParallelItems } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import {
	customerBody,
	customerFieldsCollection,
	customerIdParameter,
	customerIdProperty,
	customerStructuredProperties,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update',
	description: 'Update a customer',
	action: 'Update a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The ID of the customer to update'),
	customerFieldsCollection('updateFields', 'Update Fields', [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	]),
	...customerStructuredProperties,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customerIdParameter(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = customerBody(this, itemIndex, updateFields);
	if (Object.keys(body).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Update Fields',
			'is empty: add at least one field to change',
		);
	const response = await nuvemshopRequest(this, itemIndex, {
		method: 'PUT',
		path,
		body,
		safeToRepeat: true,
	});
	return response.body as IDataObject;
}

/** Items of the same customer run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => String(customerIdParameter(ctx, itemIndex).id),
};
