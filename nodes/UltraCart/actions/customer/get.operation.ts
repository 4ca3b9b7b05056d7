import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath, expandProperty, expandQuery } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, [customerOidProperty, expandProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await ultraCartRequest(this, itemIndex, { method: 'GET', path: customerPath(this, itemIndex, customerOid(this, itemIndex)), qs: expandQuery(this, itemIndex), safeToRepeat: true });
	return response.customer as IDataObject;
}
