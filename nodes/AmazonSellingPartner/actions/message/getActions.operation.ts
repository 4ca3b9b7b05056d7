import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { fetchAllowedTypes } from './allowedTypes';
import { orderProperties, readOrder } from './fields';

export const menu: OperationMenuEntry = {
	name: 'Get Allowed Message Types',
	description: 'List the message types Amazon lets you send for an order right now',
	action: 'Get allowed message types for an order',
};

export const properties: INodeProperties[] = [
	...orderProperties,
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
				description:
					'Whether to add Amazon\'s whole answer (HAL links and the JSON schema of each message type) as the field "raw"',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const order = await readOrder(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { body, actions } = await fetchAllowedTypes(this, itemIndex, order);
	return {
		amazonOrderId: order.amazonOrderId,
		marketplaceId: order.marketplaceId,
		actions: actions.map((a) => a.name),
		messageTypes: actions as unknown as IDataObject[],
		...(options.includeRawResponse === true ? { raw: body } : {}),
	};
}
