import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createConfirmServiceDetails: POST /messaging/v1/orders/{amazonOrderId}/messages/confirmServiceDetails */
const kind: MessageKind = { operation: 'sendConfirmServiceDetails', vendorOperation: 'createConfirmServiceDetails', action: 'confirmServiceDetails', textMax: 2000 };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
