import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, pathSegment, requiredInteger } from '../../../shared';
import { customerPath } from '../fields';

export const wishlistItemOidProperty: INodeProperties = {
	displayName: 'Wishlist Item ID',
	name: 'wishlistItemOid',
	type: 'string',
	required: true,
	default: '',
	description: 'The customer_wishlist_item_oid',
};

export const wishlistFields: INodeProperties[] = [
	{ displayName: 'Comments', name: 'comments', type: 'string', default: '' },
	{
		displayName: 'Position',
		name: 'position',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Higher means more wanted',
	},
];

/** The customer's wishlist; with `item`, the wishlist item the Wishlist Item ID parameter names. */
export function wishlistPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	oid: number,
	item?: 'item',
): string {
	const base = `${customerPath(ctx, itemIndex, oid)}/wishlist`;
	return item
		? `${base}/${pathSegment(ctx, itemIndex, 'Wishlist Item ID', requiredInteger(ctx, 'wishlistItemOid', itemIndex, 'Wishlist Item ID'))}`
		: base;
}

export function wishlistBody(fields: IDataObject): IDataObject {
	const body = compact(fields);
	for (const key of ['position', 'priority'])
		if (body[key] === 0 && fields[key] === undefined) delete body[key];
	return body;
}
