import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertEmail, invalidParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';
import { expandQuery } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Merge',
	description: 'Merge another customer into this one',
	action: 'Merge a customer',
};

export const properties: INodeProperties[] = [
	{
		...customerOidProperty,
		description: 'The customer that remains: the other customer is merged into this one',
	},
	{
		displayName: 'Merge From',
		name: 'mergeFrom',
		type: 'options',
		options: [
			{ name: 'Customer ID', value: 'oid' },
			{ name: 'Email', value: 'email' },
		],
		default: 'email',
		description: 'How to name the customer that is merged away',
	},
	{
		displayName: 'Email of Customer to Merge',
		name: 'sourceEmail',
		type: 'string',
		default: '',
		placeholder: 'old@email.com',
		displayOptions: { show: { mergeFrom: ['email'] } },
	},
	{
		displayName: 'ID of Customer to Merge',
		name: 'sourceOid',
		type: 'string',
		default: '',
		displayOptions: { show: { mergeFrom: ['oid'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const from = this.getNodeParameter('mergeFrom', itemIndex, 'email') as string;
	let body: IDataObject;
	if (from === 'email') {
		const email = String(this.getNodeParameter('sourceEmail', itemIndex, '') ?? '').trim();
		if (!email) invalidParameter(this, itemIndex, 'Email of Customer to Merge', 'is empty');
		body = { email: assertEmail(this, itemIndex, 'Email of Customer to Merge', email) };
	} else {
		const source = Number(String(this.getNodeParameter('sourceOid', itemIndex, '') ?? '').trim());
		if (!Number.isInteger(source) || source <= 0)
			invalidParameter(
				this,
				itemIndex,
				'ID of Customer to Merge',
				'must be a positive whole number',
			);
		if (source === oid)
			invalidParameter(this, itemIndex, 'ID of Customer to Merge', 'is the customer itself');
		body = { customer_profile_oid: source };
	}
	// A merge cannot be undone and removes the merged customer: never sent twice.
	await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path: `${customerPath(this, itemIndex, oid)}/merge`,
		qs: expandQuery(this, itemIndex),
		body,
		safeToRepeat: false,
	});
	return {
		customer_profile_oid: oid,
		merged: true,
		merged_from: body.email ?? body.customer_profile_oid,
	};
}
