import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../common';
import { wishlistBody, wishlistFields, wishlistItemOidProperty, wishlistPath } from './shared';

const displayOptions = { show: { resource: ['wishlistItem'], operation: ['update'] } };

const properties: INodeProperties[] = [
	customerOidProperty,
	wishlistItemOidProperty,
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: wishlistFields },
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const path = wishlistPath(this, itemIndex, oid, 'item');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) invalidParameter(this, itemIndex, 'Update Fields', 'is empty: add at least one field to change');
	const response = await ultraCartRequest(this, itemIndex, { method: 'PUT', path, body: wishlistBody(fields), safeToRepeat: true });
	// UltraCart answers update with the bare CustomerWishListItem (only Get wraps it in wishlist_item)
	return (response.wishlist_item ?? response) as IDataObject;
}
