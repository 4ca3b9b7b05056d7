import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	pathSegment,
	simplifyParameter,
	simplifyProperty,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { spApiRequest } from '../../transport';
import { orderProperties, readOrder } from './fields';
import { simplifyAttributes } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Buyer Attributes',
	description: "Get the buyer's preferred language (locale) for an order",
	action: 'Get buyer attributes for an order',
};

export const properties: INodeProperties[] = [
	...orderProperties,
	// version 1 always gave the simplified answer, so it has no switch
	...simplifyProperty({ inVersion1: false }),
];

/** GetAttributes: the buyer's preferences for an order; today only the locale messages must be written in. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const order = await readOrder(this, itemIndex);
	const response = await spApiRequest(this, itemIndex, {
		method: 'GET',
		path: `/messaging/v1/orders/${pathSegment(this, itemIndex, 'Order ID', order.amazonOrderId)}/attributes`,
		qs: { marketplaceIds: order.marketplaceId },
		operation: 'GetAttributes',
		safeToRepeat: true,
	});
	return simplifyParameter(this, itemIndex, true)
		? simplifyAttributes(order, response.body)
		: response.body;
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
