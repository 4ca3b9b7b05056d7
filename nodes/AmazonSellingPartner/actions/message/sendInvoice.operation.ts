import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** sendInvoice: POST /messaging/v1/orders/{amazonOrderId}/messages/invoice */
const kind: MessageKind = { operation: 'sendInvoice', vendorOperation: 'sendInvoice', action: 'invoice', attachments: 'required' };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
