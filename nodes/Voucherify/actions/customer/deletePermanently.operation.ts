import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment, requiredPathId } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { customerIdProperty } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['deletePermanently'] } };

export const description = updateDisplayOptions(displayOptions, [
	customerIdProperty('The customer to erase with all their data (events, segments, orders), e.g. for a GDPR request. This cannot be undone.'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredPathId(this, 'customerId', itemIndex, 'Customer ID or Source ID');
	return await voucherifyRequest(this, itemIndex, { method: 'POST', path: `/v1/customers/${pathSegment(this, itemIndex, 'Customer ID or Source ID', id)}/permanent-deletion`, safeToRepeat: false });
}
