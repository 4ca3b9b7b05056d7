import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messageDescription, sendMessage, type MessageKind } from './send';

/** createUnexpectedProblem: POST /messaging/v1/orders/{amazonOrderId}/messages/unexpectedProblem */
const kind: MessageKind = { operation: 'sendUnexpectedProblem', vendorOperation: 'createUnexpectedProblem', action: 'unexpectedProblem', textMax: 2000 };

export const description = messageDescription(kind);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, kind);
}
