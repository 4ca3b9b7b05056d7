import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** CreateWarranty: POST /messaging/v1/orders/{amazonOrderId}/messages/warranty */
const kind: MessageKind = { operation: 'sendWarranty', vendorOperation: 'CreateWarranty', action: 'warranty', attachments: 'required', coverageDates: true };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
