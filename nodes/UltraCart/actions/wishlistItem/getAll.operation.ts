import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../fields';
import { wishlistPath } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Many',
	description: "Get a customer's wishlist",
	action: 'Get many wishlist items',
};

export const properties: INodeProperties[] = [customerOidProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await ultraCartRequest<{ wishlist_items?: IDataObject[] }>(this, itemIndex, {
		method: 'GET',
		path: wishlistPath(this, itemIndex, customerOid(this, itemIndex)),
		safeToRepeat: true,
	});
	return response.wishlist_items ?? [];
}
