import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ParallelItems, OperationMenuEntry } from '../../../shared';

import { voucherifyRequest } from '../../transport';
import { customerIdParameter, customerIdProperty } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Delete Permanently',
	description: 'Erase a customer and all their data',
	action: 'Delete a customer permanently',
};

export const properties: INodeProperties[] = [
	customerIdProperty(
		'The customer to erase with all their data (events, segments, orders), e.g. for a GDPR request. This cannot be undone.',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customerIdParameter(this, itemIndex);
	return await voucherifyRequest(this, itemIndex, {
		method: 'POST',
		path: `${path}/permanent-deletion`,
		safeToRepeat: false,
	});
}

/** Items of the same customer run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => customerIdParameter(ctx, itemIndex).id,
};
