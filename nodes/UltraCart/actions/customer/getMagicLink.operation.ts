import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requiredPathId, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';

export const menu: OperationMenuEntry = {
	name: 'Get Magic Link',
	description: 'Get a link to log in to a storefront as the customer',
	action: 'Get a magic link for a customer',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	{
		displayName: 'Storefront Host Name',
		name: 'storefrontHostName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'store.example.com',
		description: 'The storefront to log in to as the customer',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const host = requiredPathId(this, 'storefrontHostName', itemIndex, 'Storefront Host Name');
	// A PUT by UltraCart's design, but it only reads a login link.
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path: `${customerPath(this, itemIndex, oid)}/magic_link/${pathSegment(this, itemIndex, 'Storefront Host Name', host)}`,
		safeToRepeat: true,
	});
	return { customer_profile_oid: oid, url: response.url };
}
