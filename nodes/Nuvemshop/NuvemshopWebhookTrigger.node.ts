import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	customerWebhook,
	customerWebhookEventsProperty,
	customerWebhookSubtitle,
	publicUrlNotice,
} from '../shared';
import { authenticationProperty, credentials } from './authentication';
import { createWebhooks, deleteWebhooks, receiveDelivery, webhooksExist } from './webhooks';

export class NuvemshopWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nuvemshop / Tiendanube Webhook Trigger',
		name: 'nuvemshopWebhookTrigger',
		icon: { light: 'file:nuvemshop.svg', dark: 'file:nuvemshop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: customerWebhookSubtitle,
		description:
			'Starts the workflow the moment a customer is created, updated or deleted in a Nuvemshop or Tiendanube store',
		defaults: { name: 'Nuvemshop / Tiendanube Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		webhooks: [customerWebhook],
		properties: [
			publicUrlNotice('Nuvemshop', 'Nuvemshop / Tiendanube Trigger'),
			authenticationProperty,
			customerWebhookEventsProperty,
			{
				displayName: 'Fetch Customer',
				name: 'fetchCustomer',
				type: 'boolean',
				default: true,
				description:
					"Whether to read the customer's current data from Nuvemshop for each event. Nuvemshop only sends the customer's ID; when off, or for a deleted customer, the item has the ID only.",
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhooksExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhooks.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
