import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import * as customer from './actions/customer/Customer.resource';
import * as service from './actions/service/Service.resource';

export class AmazonMws implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon MWS (Legacy)',
		name: 'amazonMws',
		icon: { light: 'file:amazonMws.svg', dark: 'file:amazonMws.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read customers through the MWS Customer Information API (2014-03-01). Amazon retired MWS on 2024-03-31: this node works with MWS-compatible endpoints and archives only.',
		defaults: { name: 'Amazon MWS (Legacy)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonMwsApi', required: true }],
		properties: [
			{
				displayName:
					'Amazon retired MWS on 2024-03-31. This node only works with MWS-compatible endpoints; for live Amazon data use the Amazon Selling Partner node.',
				name: 'retirementNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Service', value: 'service' },
				],
				default: 'customer',
			},
			...customer.description,
			...service.description,
			requestSettingsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, {
			customer: customer.operations,
			service: service.operations,
		});
	}
}
