import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertMaxLength,
	compact,
	dateTimeParameter,
	invalidParameter,
	type OperationMenuEntry,
} from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Adjust',
	description: "Adjust a customer's loyalty cashback balance",
	action: 'Adjust cashback balance',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	{
		displayName: 'Adjustment Amount',
		name: 'adjustment_amount',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		required: true,
		default: 0,
		description: 'Positive to add cashback, negative to take it away',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Up to 50 characters, shown in the loyalty ledger',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Entry Date',
				name: 'entry_dts',
				type: 'dateTime',
				default: '',
				description: 'When the adjustment counts from; now when empty',
			},
			{
				displayName: 'Expires After (Days)',
				name: 'expiration_days',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
			},
			{
				displayName: 'Order ID',
				name: 'order_id',
				type: 'string',
				default: '',
				description: 'The order the adjustment relates to',
			},
			{
				displayName: 'Usable After (Days)',
				name: 'vesting_days',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const amount = Number(this.getNodeParameter('adjustment_amount', itemIndex, 0));
	if (!Number.isFinite(amount) || amount === 0)
		invalidParameter(this, itemIndex, 'Adjustment Amount', 'must be a non-zero amount');
	const descriptionText = this.getNodeParameter('description', itemIndex, '') as string;
	assertMaxLength(this, itemIndex, 'Description', descriptionText, 50);
	const additional = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	if (additional.entry_dts)
		additional.entry_dts = dateTimeParameter(this, itemIndex, 'Entry Date', additional.entry_dts);
	const body = compact({ adjustment_amount: amount, description: descriptionText, ...additional });
	// Money: sent again only when UltraCart refused it (429) or it never left.
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: `${customerPath(this, itemIndex, oid)}/adjust_cashback_balance`,
		body,
		safeToRepeat: false,
	});
	return {
		customer_profile_oid: oid,
		adjustment_amount: response.adjustment_amount ?? amount,
		balance_amount: response.balance_amount,
		success: response.success ?? true,
	};
}
