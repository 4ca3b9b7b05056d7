import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import * as message from './actions/message/Message.resource';
import { getMarketplaces } from './methods/loadOptions';
import { spApiTransport } from './transport';

export class AmazonSellingPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Selling Partner',
		name: 'amazonSellingPartner',
		icon: { light: 'file:amazonSellingPartner.svg', dark: 'file:amazonSellingPartner.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Message Amazon buyers about their orders with the Selling Partner API, files included',
		defaults: { name: 'Amazon Selling Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonSellingPartnerApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			...message.description,
			requestSettingsProperty,
		],
	};

	methods = { loadOptions: { getMarketplaces } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(
			this,
			{ message: message.operations },
			{ maxInFlight: spApiTransport.config.maxInFlight },
		);
	}
}
