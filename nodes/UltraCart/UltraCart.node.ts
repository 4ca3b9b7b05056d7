import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared';
import * as cashback from './actions/cashback/Cashback.resource';
import * as customer from './actions/customer/Customer.resource';
import * as emailList from './actions/emailList/EmailList.resource';
import * as emailVerification from './actions/emailVerification/EmailVerification.resource';
import * as storeCredit from './actions/storeCredit/StoreCredit.resource';
import * as wishlistItem from './actions/wishlistItem/WishlistItem.resource';
import { authenticationProperty, credentials } from './authentication';
import { getEmailLists } from './methods/loadOptions';

export class UltraCart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UltraCart',
		name: 'ultraCart',
		icon: { light: 'file:ultracart.svg', dark: 'file:ultracart.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage UltraCart customers, store credit, cashback, email list subscriptions and wishlists',
		defaults: { name: 'UltraCart' },
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
				options: [
					{ name: 'Cashback', value: 'cashback' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Email List', value: 'emailList' },
					{ name: 'Email Verification', value: 'emailVerification' },
					{ name: 'Store Credit', value: 'storeCredit' },
					{ name: 'Wishlist Item', value: 'wishlistItem' },
				],
				default: 'customer',
			},
			...customer.description,
			...storeCredit.description,
			...cashback.description,
			...emailList.description,
			...emailVerification.description,
			...wishlistItem.description,
			requestSettingsProperty,
		],
	};

	methods = { loadOptions: { getEmailLists } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, {
			customer: customer.operations,
			storeCredit: storeCredit.operations,
			cashback: cashback.operations,
			emailList: emailList.operations,
			emailVerification: emailVerification.operations,
			wishlistItem: wishlistItem.operations,
		});
	}
}
