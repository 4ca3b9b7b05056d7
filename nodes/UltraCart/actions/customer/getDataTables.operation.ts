import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { expandProperty, expandQuery } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['getDataTables'] } };

export const description = updateDisplayOptions(displayOptions, [expandProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await ultraCartRequest<{ data?: IDataObject[] }>(this, itemIndex, { method: 'POST', path: '/customer/customers/dataTables', qs: expandQuery(this, itemIndex), safeToRepeat: true });
	return response.data ?? [];
}
