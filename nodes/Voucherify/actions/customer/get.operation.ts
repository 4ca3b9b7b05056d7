import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	simplifyOutput,
	simplifyProperty,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { voucherifyRequest } from '../../transport';
import { customerIdParameter, customerIdProperty } from './fields';
import { simplifyCustomer } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: 'Get a customer by ID or source ID',
	action: 'Get a customer',
};

export const properties: INodeProperties[] = [
	customerIdProperty('The Voucherify ID (cust_…) or your source ID of the customer'),
	...simplifyProperty(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customerIdParameter(this, itemIndex);
	const customer = await voucherifyRequest(this, itemIndex, {
		method: 'GET',
		path,
		safeToRepeat: true,
	});
	return simplifyOutput(this, itemIndex, customer, simplifyCustomer);
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
