import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, requiredInteger } from '../../../shared';
import { customerPath } from '../common';

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
	{ displayName: 'Position', name: 'position', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{ displayName: 'Priority', name: 'priority', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Higher means more wanted' },
];

export function wishlistPath(oid: number, ctx?: IExecuteFunctions, itemIndex = 0): string {
	const base = `${customerPath(oid)}/wishlist`;
	return ctx ? `${base}/${requiredInteger(ctx, 'wishlistItemOid', itemIndex, 'Wishlist Item ID')}` : base;
}

export function wishlistBody(fields: IDataObject): IDataObject {
	const body = compact(fields);
	for (const key of ['position', 'priority']) if (body[key] === 0 && fields[key] === undefined) delete body[key];
	return body;
}
