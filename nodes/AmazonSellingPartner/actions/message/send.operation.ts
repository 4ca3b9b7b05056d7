import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathSegment, requiredPathId, type OperationModule } from '../../../shared';
import { spApiRequest } from '../../transport';
import { assertOrderAllows } from './allowedTypes';
import { readAttachments, uploadAttachments } from './attachments';
import {
	messageProperties,
	readCheckAllowed,
	readCoverageDates,
	readOrder,
	readText,
} from './fields';
import { menuOf, type MessageType } from './messageTypes';

/** POST /messaging/v1/orders/{amazonOrderId}/messages/{action}, with the uploads its files need first. */
async function send(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: MessageType,
): Promise<IDataObject> {
	// Everything the user typed is checked before the first request.
	const order = await readOrder(ctx, itemIndex);
	const text = type.textMax ? readText(ctx, itemIndex, type.textMax) : undefined;
	const files = type.files ? await readAttachments(ctx, itemIndex, type.files) : [];
	const coverage = type.coverageDates ? readCoverageDates(ctx, itemIndex) : {};
	if (readCheckAllowed(ctx, itemIndex)) await assertOrderAllows(ctx, itemIndex, order, type);

	const resource = `messaging/v1/orders/${pathSegment(ctx, itemIndex, 'Order ID', order.amazonOrderId)}/messages/${type.action}`;
	const attachments = await uploadAttachments(ctx, itemIndex, resource, order.marketplaceId, files);
	const body: IDataObject = {
		...(text !== undefined ? { text } : {}),
		...coverage,
		...(attachments.length ? { attachments } : {}),
	};
	await spApiRequest(ctx, itemIndex, {
		method: 'POST',
		path: `/${resource}`,
		qs: { marketplaceIds: order.marketplaceId },
		body: type.noBody ? undefined : body,
		operation: type.vendorOperation,
		// A message reaches the buyer: never sent twice, so only retried after Amazon refused it (429).
		safeToRepeat: false,
	});
	return {
		success: true,
		amazonOrderId: order.amazonOrderId,
		marketplaceId: order.marketplaceId,
		messageType: type.action,
		...(attachments.length ? { attachments } : {}),
	};
}

/** The operation that sends one message type: its menu entry and fields come from the type's row. */
export function sendOperation(type: MessageType): OperationModule {
	return {
		menu: menuOf(type),
		properties: messageProperties(type),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			return await send(this, itemIndex, type);
		},
		// messages to the same order go one after another, in input order (Amazon may allow only one of a type)
		parallel: {
			recordKey: (ctx, itemIndex) => requiredPathId(ctx, 'amazonOrderId', itemIndex, 'Order ID'),
		},
	};
}
