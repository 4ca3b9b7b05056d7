import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createLegalDisclosure: POST /messaging/v1/orders/{amazonOrderId}/messages/legalDisclosure */
const kind: MessageKind = { operation: 'sendLegalDisclosure', vendorOperation: 'createLegalDisclosure', action: 'legalDisclosure', attachments: 'required' };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
