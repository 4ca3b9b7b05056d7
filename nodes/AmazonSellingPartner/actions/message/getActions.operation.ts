import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared';
import { spApiRequest } from '../../transport';
import { parseActions } from './actions';
import { readOrder } from './order';

const displayOptions = { show: { resource: ['message'], operation: ['getActions'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Response',
				name: 'includeRawResponse',
				type: 'boolean',
				default: false,
				description: "Whether to add Amazon's whole answer (HAL links and the JSON schema of each message type) as the field \"raw\"",
			},
		],
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

/** getMessagingActionsForOrder: the message types Amazon lets the seller send for this order right now. */
export async function fetchActions(ctx: IExecuteFunctions, itemIndex: number, amazonOrderId: string, marketplaceId: string) {
	const response = await spApiRequest(ctx, itemIndex, {
		method: 'GET',
		path: `/messaging/v1/orders/${pathSegment(ctx, itemIndex, 'Order ID', amazonOrderId)}`,
		qs: { marketplaceIds: marketplaceId },
		operation: 'getMessagingActionsForOrder',
		safeToRepeat: true,
	});
	return { body: response.body, actions: parseActions(response.body) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { amazonOrderId, marketplaceId } = await readOrder(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { body, actions } = await fetchActions(this, itemIndex, amazonOrderId, marketplaceId);
	return {
		amazonOrderId,
		marketplaceId,
		actions: actions.map((a) => a.name),
		messageTypes: actions as unknown as IDataObject[],
		...(options.includeRawResponse === true ? { raw: body } : {}),
	};
}
