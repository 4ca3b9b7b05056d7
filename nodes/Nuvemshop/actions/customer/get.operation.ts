import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	onlyWithoutSimplify,
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerIdParameter, customerIdProperty, fieldsOptions } from './fields';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: 'Get a customer',
	action: 'Get a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The ID of the customer to get'),
	...simplifyProperty(),
	...onlyWithoutSimplify([fieldsOptions]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customerIdParameter(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await nuvemshopRequest(this, itemIndex, {
		method: 'GET',
		path,
		qs: options.fields ? { fields: options.fields } : undefined,
		safeToRepeat: true,
	});
	return simplifyOutput(this, itemIndex, response.body as IDataObject, simplifyCustomer);
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
