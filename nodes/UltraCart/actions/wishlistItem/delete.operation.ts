import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../fields';
import { wishlistItemOidProperty, wishlistPath } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Delete',
	description: 'Remove an item from a customer wishlist',
	action: 'Delete a wishlist item',
};

export const properties: INodeProperties[] = [customerOidProperty, wishlistItemOidProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const path = wishlistPath(this, itemIndex, oid, 'item');
	await ultraCartRequest(this, itemIndex, { method: 'DELETE', path, safeToRepeat: true });
	return {
		customer_profile_oid: oid,
		customer_wishlist_item_oid: Number(path.split('/').pop()),
		deleted: true,
	};
}
