import type { IDataObject } from 'n8n-workflow';

import type { MessagingAction } from './allowedTypes';
import type { Order } from './fields';

/**
 * getMessagingActionsForOrder's HAL answer made plain: the order, the names of the allowed message types, and each
 * type's name, title (when Amazon embeds its schema) and the node operation that sends it.
 */
export function simplifyActions(order: Order, actions: MessagingAction[]): IDataObject {
	return {
		amazonOrderId: order.amazonOrderId,
		marketplaceId: order.marketplaceId,
		actions: actions.map((action) => action.name),
		messageTypes: actions as unknown as IDataObject[],
	};
}

/** GetAttributes' answer with the order it is about and the buyer's locale as a field of its own. */
export function simplifyAttributes(order: Order, body: IDataObject): IDataObject {
	const buyer = (body.buyer ?? {}) as IDataObject;
	return {
		amazonOrderId: order.amazonOrderId,
		marketplaceId: order.marketplaceId,
		buyerLocale: buyer.locale ?? null,
		buyer,
	};
}
