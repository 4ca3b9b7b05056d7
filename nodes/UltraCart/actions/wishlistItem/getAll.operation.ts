import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty } from '../common';
import { wishlistPath } from './shared';

const displayOptions = { show: { resource: ['wishlistItem'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, [customerOidProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await ultraCartRequest<{ wishlist_items?: IDataObject[] }>(this, itemIndex, { method: 'GET', path: wishlistPath(this, itemIndex, customerOid(this, itemIndex)), safeToRepeat: true });
	return response.wishlist_items ?? [];
}
