import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParallelItems, OperationMenuEntry } from '../../../shared';

import { nuvemshopRequest } from '../../transport';
import { customerIdParameter, customerIdProperty } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Delete',
	description: 'Delete a customer who has no orders',
	action: 'Delete a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty(
		'The ID of the customer to delete. Nuvemshop refuses to delete a customer who has orders.',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { id, path } = customerIdParameter(this, itemIndex);
	await nuvemshopRequest(this, itemIndex, { method: 'DELETE', path, safeToRepeat: true });
	return { id, deleted: true };
}

/** Items of the same customer run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => String(customerIdParameter(ctx, itemIndex).id),
};
