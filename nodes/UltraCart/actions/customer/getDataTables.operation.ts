import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { expandProperty, expandQuery } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Data Tables',
	description: 'Get customers in the DataTables format',
	action: 'Get customers for data tables',
};

export const properties: INodeProperties[] = [expandProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await ultraCartRequest<{ data?: IDataObject[] }>(this, itemIndex, {
		method: 'POST',
		path: '/customer/customers/dataTables',
		qs: expandQuery(this, itemIndex),
		safeToRepeat: true,
	});
	return response.data ?? [];
}
