import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredInteger, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../fields';
import { wishlistBody, wishlistFields, wishlistPath } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create',
	description: 'Add an item to a customer wishlist',
	action: 'Create a wishlist item',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	{
		displayName: 'Item OID',
		name: 'merchantItemOid',
		type: 'string',
		required: true,
		default: '',
		description: 'The merchant_item_oid of the product to add',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: wishlistFields,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const body = {
		merchant_item_oid: requiredInteger(this, 'merchantItemOid', itemIndex, 'Item OID'),
		...wishlistBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'POST',
		path: wishlistPath(this, itemIndex, oid),
		body,
		safeToRepeat: false,
	});
	// UltraCart answers insert with the bare CustomerWishListItem (only Get wraps it in wishlist_item)
	return (response.wishlist_item ?? response) as IDataObject;
}
