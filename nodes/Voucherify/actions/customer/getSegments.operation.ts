import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParallelItems, OperationMenuEntry } from '../../../shared';

import { voucherifyRequest } from '../../transport';
import { customerIdParameter, customerIdProperty } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Segments',
	description: 'List the segments a customer belongs to',
	action: 'Get customer segments',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The customer whose segments to list; one item per segment'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { path } = customerIdParameter(this, itemIndex);
	const response = await voucherifyRequest<{ data: IDataObject[] }>(this, itemIndex, {
		method: 'GET',
		path: `${path}/segments`,
		safeToRepeat: true,
	});
	return response.data ?? [];
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
