import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment, requiredPathId } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { customerIdProperty } from './fields';

const displayOptions = { show: { resource: ['customer'], operation: ['getSegments'] } };

export const description = updateDisplayOptions(displayOptions, [customerIdProperty('The customer whose segments to list; one item per segment')]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requiredPathId(this, 'customerId', itemIndex, 'Customer ID or Source ID');
	const response = await voucherifyRequest<{ data: IDataObject[] }>(this, itemIndex, { method: 'GET', path: `/v1/customers/${pathSegment(this, itemIndex, 'Customer ID or Source ID', id)}/segments`, safeToRepeat: true });
	return response.data ?? [];
}
