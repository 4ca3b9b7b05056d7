import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import * as getAll from './actions/customer/getAll.operation';
import * as getByIds from './actions/customer/getByIds.operation';
import * as getNextPage from './actions/customer/getNextPage.operation';
import * as getStatus from './actions/service/getStatus.operation';

export class AmazonMws implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon MWS (Legacy)',
		name: 'amazonMws',
		icon: { light: 'file:amazonMws.svg', dark: 'file:amazonMws.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read customers through the MWS Customer Information API (2014-03-01). Amazon retired MWS on 2024-03-31: this node works with MWS-compatible endpoints and archives only.',
		defaults: { name: 'Amazon MWS (Legacy)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonMwsApi', required: true }],
		properties: [
			{
				displayName: 'Amazon retired MWS on 2024-03-31. This node only works with MWS-compatible endpoints; for live Amazon data use the Amazon Selling Partner node.',
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
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['customer'] } },
				options: [
					{ name: 'Get by IDs', value: 'getByIds', description: 'Get customers by their IDs (GetCustomersForCustomerId)', action: 'Get customers by their identifiers' },
					{ name: 'Get Many', value: 'getAll', description: 'List customers (ListCustomers, then ListCustomersByNextToken)', action: 'Get many customers' },
					{ name: 'Get Next Page', value: 'getNextPage', description: 'Continue a customer list from a NextToken', action: 'Get the next page of customers' },
				],
				default: 'getAll',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['service'] } },
				options: [{ name: 'Get Status', value: 'getStatus', description: 'Get the status of the Customer Information API', action: 'Get service status' }],
				default: 'getStatus',
			},
			...getAll.description,
			...getNextPage.description,
			...getByIds.description,
			requestSettingsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, { customer: { getAll, getNextPage, getByIds }, service: { getStatus } });
	}
}
