import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../fields';
import { wishlistBody, wishlistFields, wishlistItemOidProperty, wishlistPath } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update',
	description: 'Update a wishlist item',
	action: 'Update a wishlist item',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	wishlistItemOidProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: wishlistFields,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const path = wishlistPath(this, itemIndex, oid, 'item');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Update Fields',
			'is empty: add at least one field to change',
		);
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path,
		body: wishlistBody(fields),
		safeToRepeat: true,
	});
	// UltraCart answers update with the bare CustomerWishListItem (only Get wraps it in wishlist_item)
	return (response.wishlist_item ?? response) as IDataObject;
}
