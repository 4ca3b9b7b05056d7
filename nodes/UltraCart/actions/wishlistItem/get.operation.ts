import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../common';
import { wishlistItemOidProperty, wishlistPath } from './shared';

const displayOptions = { show: { resource: ['wishlistItem'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, [customerOidProperty, wishlistItemOidProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await ultraCartRequest(this, itemIndex, { method: 'GET', path: wishlistPath(this, itemIndex, customerOid(this, itemIndex), 'item'), safeToRepeat: true });
	return response.wishlist_item as IDataObject;
}
