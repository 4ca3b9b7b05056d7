import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../common';

const displayOptions = { show: { resource: ['storeCredit'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, [customerOidProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const response = await ultraCartRequest(this, itemIndex, { method: 'GET', path: `${customerPath(this, itemIndex, oid)}/store_credit`, safeToRepeat: true });
	return { customer_profile_oid: oid, ...(response.customer_store_credit as IDataObject) };
}
