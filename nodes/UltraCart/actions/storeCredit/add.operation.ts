import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Add',
	description: 'Add store credit to a customer',
	action: 'Add store credit',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		required: true,
		default: 0,
		description: 'Store credit to add, in the store currency',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: "Shown in the customer's store credit history",
	},
	{
		displayName: 'Expires After (Days)',
		name: 'expiration_days',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: '0 means the credit never expires',
	},
	{
		displayName: 'Usable After (Days)',
		name: 'vesting_days',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: '0 means the credit can be used at once',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const amount = Number(this.getNodeParameter('amount', itemIndex, 0));
	if (!Number.isFinite(amount) || amount <= 0)
		invalidParameter(this, itemIndex, 'Amount', `must be a positive amount, not ${amount}`);
	const body = {
		amount,
		description: this.getNodeParameter('description', itemIndex, '') as string,
		expiration_days: this.getNodeParameter('expiration_days', itemIndex, 0) as number,
		vesting_days: this.getNodeParameter('vesting_days', itemIndex, 0) as number,
	};
	// Money: sent again only when UltraCart refused it (429) or it never left.
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: `${customerPath(this, itemIndex, oid)}/store_credit`,
		body,
		safeToRepeat: false,
	});
	return { customer_profile_oid: oid, ...body, success: response?.success ?? true };
}
