import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, type OperationMenuEntry } from '../../../shared';
import { spApiRequest } from '../../transport';
import { orderProperties, readOrder } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Buyer Attributes',
	description: "Get the buyer's preferred language (locale) for an order",
	action: 'Get buyer attributes for an order',
};

export const properties: INodeProperties[] = [...orderProperties];

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
