import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParallelItems, OperationMenuEntry } from '../../../shared';

import { voucherifyRequest } from '../../transport';
import { customerIdParameter, customerIdProperty } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Delete',
	description: 'Delete a customer',
	action: 'Delete a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The Voucherify ID (cust_…) or your source ID of the customer to delete'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { id, path } = customerIdParameter(this, itemIndex);
	await voucherifyRequest(this, itemIndex, { method: 'DELETE', path, safeToRepeat: true });
	return { id, deleted: true };
}

/** Items of the same customer run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => customerIdParameter(ctx, itemIndex).id,
};
