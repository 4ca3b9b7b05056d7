import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createDigitalAccessKey: POST /messaging/v1/orders/{amazonOrderId}/messages/digitalAccessKey */
const kind: MessageKind = { operation: 'sendDigitalAccessKey', vendorOperation: 'createDigitalAccessKey', action: 'digitalAccessKey', textMax: 400, attachments: 'optional' };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
