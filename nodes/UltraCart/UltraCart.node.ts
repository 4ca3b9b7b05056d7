import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import { operations, resourceProperties } from './actions/resources';
import { getEmailLists } from './methods/loadOptions';

export class UltraCart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UltraCart',
		name: 'ultraCart',
		icon: { light: 'file:ultracart.svg', dark: 'file:ultracart.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage UltraCart customers, store credit, cashback, email list subscriptions and wishlists',
		defaults: { name: 'UltraCart' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ultraCartApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'ultraCartOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Simple API Key', value: 'apiKey' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiKey',
			},
			...resourceProperties,
			requestSettingsProperty,
		],
	};

	methods = { loadOptions: { getEmailLists } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}
