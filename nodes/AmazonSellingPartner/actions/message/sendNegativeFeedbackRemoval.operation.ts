import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createNegativeFeedbackRemoval: POST /messaging/v1/orders/{amazonOrderId}/messages/negativeFeedbackRemoval */
const kind: MessageKind = { operation: 'sendNegativeFeedbackRemoval', vendorOperation: 'createNegativeFeedbackRemoval', action: 'negativeFeedbackRemoval', noBody: true };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
