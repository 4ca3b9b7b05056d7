import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../fields';
import { wishlistItemOidProperty, wishlistPath } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: 'Get a wishlist item',
	action: 'Get a wishlist item',
};

export const properties: INodeProperties[] = [customerOidProperty, wishlistItemOidProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'GET',
		path: wishlistPath(this, itemIndex, customerOid(this, itemIndex), 'item'),
		safeToRepeat: true,
	});
	return response.wishlist_item as IDataObject;
}
