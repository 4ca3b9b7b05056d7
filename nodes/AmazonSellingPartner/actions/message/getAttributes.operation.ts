import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared';
import { spApiRequest } from '../../transport';
import { readOrder } from './order';

const displayOptions = { show: { resource: ['message'], operation: ['getAttributes'] } };

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(displayOptions, properties);

/** GetAttributes: the buyer's preferences for an order; today only the locale messages must be written in. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { amazonOrderId, marketplaceId } = await readOrder(this, itemIndex);
	const response = await spApiRequest(this, itemIndex, {
		method: 'GET',
		path: `/messaging/v1/orders/${pathSegment(this, itemIndex, 'Order ID', amazonOrderId)}/attributes`,
		qs: { marketplaceIds: marketplaceId },
		operation: 'GetAttributes',
		safeToRepeat: true,
	});
	const buyer = (response.body.buyer ?? {}) as IDataObject;
	return { amazonOrderId, marketplaceId, buyerLocale: buyer.locale ?? null, buyer };
}
