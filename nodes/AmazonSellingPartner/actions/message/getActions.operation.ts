import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	simplifyParameter,
	simplifyProperty,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { fetchAllowedTypes } from './allowedTypes';
import { orderProperties, readOrder } from './fields';
import { simplifyActions } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get Allowed Message Types',
	description: 'List the message types Amazon lets you send for an order right now',
	action: 'Get allowed message types for an order',
};

export const properties: INodeProperties[] = [
	...orderProperties,
	// version 1 always gave the simplified answer (with the raw one on request), so it has no switch
	...simplifyProperty({ inVersion1: false }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		// without Simplify the output is the raw answer itself
		displayOptions: { hide: { simplify: [false] } },
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
	const { body, actions } = await fetchAllowedTypes(this, itemIndex, order);
	if (!simplifyParameter(this, itemIndex, true)) return body;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		...simplifyActions(order, actions),
		...(options.includeRawResponse === true ? { raw: body } : {}),
	};
}

/** A read: items are independent. */
export const parallel: ParallelItems = {};
