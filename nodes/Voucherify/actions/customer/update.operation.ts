import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, type OperationMenuEntry, type ParallelItems } from '../../../shared';
import { voucherifyRequest } from '../../transport';
import {
	checkedCustomerBody,
	customerBody,
	customerFieldsCollection,
	customerIdParameter,
	customerIdProperty,
	schemaCheckedMetadataProperties,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update',
	description: 'Update a customer',
	action: 'Update a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty(
		'The Voucherify ID (cust_…) or your source ID of the customer to update. The source ID itself cannot be changed.',
	),
	customerFieldsCollection('updateFields', 'Update Fields'),
	...schemaCheckedMetadataProperties,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customerIdParameter(this, itemIndex);
	const given = customerBody(this, itemIndex, 'updateFields');
	if ('source_id' in given || 'id' in given)
		invalidParameter(
			this,
			itemIndex,
			'JSON Fields',
			'cannot change id or source_id: Voucherify keeps them fixed',
		);
	if (Object.keys(given).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Update Fields',
			'is empty: add at least one field to change',
		);
	const body = await checkedCustomerBody(this, itemIndex, 'updateFields');
	return await voucherifyRequest(this, itemIndex, {
		method: 'PUT',
		path,
		body,
		safeToRepeat: true,
	});
}

/** Items of the same customer run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => customerIdParameter(ctx, itemIndex).id,
};
