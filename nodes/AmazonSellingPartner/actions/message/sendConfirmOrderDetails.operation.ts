import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createConfirmOrderDetails: POST /messaging/v1/orders/{amazonOrderId}/messages/confirmOrderDetails */
const kind: MessageKind = { operation: 'sendConfirmOrderDetails', vendorOperation: 'createConfirmOrderDetails', action: 'confirmOrderDetails', textMax: 2000 };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
