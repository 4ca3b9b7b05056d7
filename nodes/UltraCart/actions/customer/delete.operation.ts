import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Delete',
	description: 'Delete a customer',
	action: 'Delete a customer',
};

export const properties: INodeProperties[] = [customerOidProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	await ultraCartRequest(this, itemIndex, {
		method: 'DELETE',
		path: customerPath(this, itemIndex, oid),
		safeToRepeat: true,
	});
	return { customer_profile_oid: oid, deleted: true };
}
