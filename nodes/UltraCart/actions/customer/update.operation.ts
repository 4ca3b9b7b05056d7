import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { invalidParameter, jsonObjectParameter } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerFieldsCollection, customerFromFields, customerJsonProperty, customerOid, customerOidProperty, customerPath, expandProperty, expandQuery } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['update'] } };

const properties: INodeProperties[] = [customerOidProperty, customerFieldsCollection('updateFields', 'Update Fields'), customerJsonProperty, expandProperty];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const changes = {
		...customerFromFields(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
		...jsonObjectParameter(this, 'customerJson', itemIndex, 'Customer JSON'),
	};
	if (Object.keys(changes).length === 0) invalidParameter(this, itemIndex, 'Update Fields', 'is empty: add at least one field to change');
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path: customerPath(oid),
		qs: expandQuery(this, itemIndex),
		body: { ...changes, customer_profile_oid: oid },
		safeToRepeat: true,
	});
	return response.customer as IDataObject;
}
