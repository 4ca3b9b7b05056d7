import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** CreateAmazonMotors: POST /messaging/v1/orders/{amazonOrderId}/messages/amazonMotors */
const kind: MessageKind = { operation: 'sendAmazonMotors', vendorOperation: 'CreateAmazonMotors', action: 'amazonMotors', attachments: 'required' };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
