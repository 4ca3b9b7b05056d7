import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertEmail, invalidParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';
import {
	customerChanges,
	customerFieldsCollection,
	customerJsonProperty,
	expandProperty,
	expandQuery,
	listsToMerge,
	mergeIntoCurrent,
	propertiesProperty,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update',
	description: 'Update a customer',
	action: 'Update a customer',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	customerFieldsCollection('updateFields', 'Update Fields'),
	propertiesProperty,
	customerJsonProperty,
	expandProperty,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const fields = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	if (fields.email !== undefined && fields.email !== '')
		fields.email = assertEmail(this, itemIndex, 'Email', fields.email);
	const { fromFields, fromJson, changes } = customerChanges(this, itemIndex, fields);
	if (Object.keys(changes).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Update Fields',
			'is empty: add at least one field to change',
		);
	// UltraCart replaces the lists it is sent: read the customer's own to merge the changes into
	const lists = listsToMerge(fromFields, fromJson);
	if (lists.length) {
		const current = await ultraCartRequest<{ customer?: IDataObject }>(this, itemIndex, {
			method: 'GET',
			path: customerPath(this, itemIndex, oid),
			qs: { _expand: lists.join(',') },
			safeToRepeat: true,
		});
		mergeIntoCurrent(changes, current.customer ?? {}, lists);
	}
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path: customerPath(this, itemIndex, oid),
		qs: expandQuery(this, itemIndex),
		body: { ...changes, customer_profile_oid: oid },
		safeToRepeat: true,
	});
	return response.customer as IDataObject;
}
