import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createConfirmDeliveryDetails: POST /messaging/v1/orders/{amazonOrderId}/messages/confirmDeliveryDetails */
const kind: MessageKind = { operation: 'sendConfirmDeliveryDetails', vendorOperation: 'createConfirmDeliveryDetails', action: 'confirmDeliveryDetails', textMax: 2000 };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
