import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** confirmCustomizationDetails: POST /messaging/v1/orders/{amazonOrderId}/messages/confirmCustomizationDetails */
const kind: MessageKind = { operation: 'sendConfirmCustomizationDetails', vendorOperation: 'confirmCustomizationDetails', action: 'confirmCustomizationDetails', textMax: 800, attachments: 'optional' };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
