import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment, requiredPathId } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { customerIdProperty } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, [customerIdProperty('The Voucherify ID (cust_…) or your source ID of the customer')]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredPathId(this, 'customerId', itemIndex, 'Customer ID or Source ID');
	return await voucherifyRequest(this, itemIndex, { method: 'GET', path: `/v1/customers/${pathSegment(this, itemIndex, 'Customer ID or Source ID', id)}`, safeToRepeat: true });
}
