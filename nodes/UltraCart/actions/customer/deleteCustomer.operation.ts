import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, [customerOidProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	await ultraCartRequest(this, itemIndex, { method: 'DELETE', path: customerPath(this, itemIndex, oid), safeToRepeat: true });
	return { customer_profile_oid: oid, deleted: true };
}
