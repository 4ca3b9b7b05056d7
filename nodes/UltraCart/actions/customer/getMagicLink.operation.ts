import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment, requiredPathId } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../common';

const displayOptions = { show: { resource: ['customer'], operation: ['getMagicLink'] } };

export const description = updateDisplayOptions(displayOptions, [
	customerOidProperty,
	{ displayName: 'Storefront Host Name', name: 'storefrontHostName', type: 'string', required: true, default: '', placeholder: 'store.example.com', description: 'The storefront to log in to as the customer' },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const host = requiredPathId(this, 'storefrontHostName', itemIndex, 'Storefront Host Name');
	// A PUT by UltraCart's design, but it only reads a login link.
	const response = await ultraCartRequest(this, itemIndex, { method: 'PUT', path: `${customerPath(this, itemIndex, oid)}/magic_link/${pathSegment(this, itemIndex, 'Storefront Host Name', host)}`, safeToRepeat: true });
	return { customer_profile_oid: oid, url: response.url };
}
