import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { customerIdParameter, customerIdProperty, fieldsOptions } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: 'Get a customer',
	action: 'Get a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The ID of the customer to get'),
	fieldsOptions,
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
	return response.body as IDataObject;
}
