import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import * as customer from './actions/customer/Customer.resource';
import { authenticationProperty, credentials } from './authentication';
import { nuvemshopTransport } from './transport';

export class Nuvemshop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nuvemshop / Tiendanube',
		name: 'nuvemshop',
		icon: { light: 'file:nuvemshop.svg', dark: 'file:nuvemshop.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, find, update and delete the customers of a Nuvemshop or Tiendanube store',
		defaults: { name: 'Nuvemshop / Tiendanube' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Customer', value: 'customer' }],
				default: 'customer',
			},
			...customer.description,
			requestSettingsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(
			this,
			{ customer: customer.operations },
			{ maxInFlight: nuvemshopTransport.config.maxInFlight },
		);
	}
}
