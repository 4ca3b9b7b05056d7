import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import * as asyncAction from './actions/asyncAction/AsyncAction.resource';
import * as customer from './actions/customer/Customer.resource';
import { credentials } from './authentication';
import { getCustomerMetadataKeys } from './methods/loadOptions';
import { voucherifyTransport } from './transport';

export class Voucherify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voucherify',
		name: 'voucherify',
		icon: { light: 'file:voucherify.svg', dark: 'file:voucherify.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Sync customers into Voucherify: create, update in bulk, import CSV files, read activity, segments and redeemables',
		defaults: { name: 'Voucherify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Async Action', value: 'asyncAction' },
					{ name: 'Customer', value: 'customer' },
				],
				default: 'customer',
			},
			...customer.description,
			...asyncAction.description,
			requestSettingsProperty,
		],
	};

	methods = { loadOptions: { getCustomerMetadataKeys } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(
			this,
			{ customer: customer.operations, asyncAction: asyncAction.operations },
			{ maxInFlight: voucherifyTransport.config.maxInFlight },
		);
	}
}
