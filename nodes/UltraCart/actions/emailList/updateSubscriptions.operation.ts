import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Update Subscriptions',
	description: 'Subscribe a customer to lists or unsubscribe them',
	action: 'Update email list subscriptions',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	{
		displayName: 'Subscribe To Names or IDs',
		name: 'addToLists',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmailLists' },
		default: [],
		description:
			'Email lists to add the customer to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Unsubscribe From Names or IDs',
		name: 'removeFromLists',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmailLists' },
		default: [],
		description:
			'Email lists to remove the customer from. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const uuids = (value: unknown) =>
	(Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((v) => String(v).trim())
		.filter(Boolean);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const body = {
		add_to_lists: uuids(this.getNodeParameter('addToLists', itemIndex, [])),
		remove_from_lists: uuids(this.getNodeParameter('removeFromLists', itemIndex, [])),
	};
	if (!body.add_to_lists.length && !body.remove_from_lists.length)
		invalidParameter(
			this,
			itemIndex,
			'Subscribe To',
			'and "Unsubscribe From" are both empty: choose at least one list',
		);
	// Subscribing to a list twice leaves one subscription.
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: `${customerPath(this, itemIndex, oid)}/email_lists`,
		body,
		safeToRepeat: true,
	});
	return { customer_profile_oid: oid, ...response };
}
