import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../common';
import { wishlistItemOidProperty, wishlistPath } from './shared';

const displayOptions = { show: { resource: ['wishlistItem'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, [customerOidProperty, wishlistItemOidProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const path = wishlistPath(this, itemIndex, oid, 'item');
	await ultraCartRequest(this, itemIndex, { method: 'DELETE', path, safeToRepeat: true });
	return { customer_profile_oid: oid, customer_wishlist_item_oid: Number(path.split('/').pop()), deleted: true };
}
