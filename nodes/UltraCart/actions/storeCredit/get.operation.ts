import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: "Get a customer's store credit",
	action: 'Get store credit',
};

export const properties: INodeProperties[] = [customerOidProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'GET',
		path: `${customerPath(this, itemIndex, oid)}/store_credit`,
		safeToRepeat: true,
	});
	return { customer_profile_oid: oid, ...(response.customer_store_credit as IDataObject) };
}
