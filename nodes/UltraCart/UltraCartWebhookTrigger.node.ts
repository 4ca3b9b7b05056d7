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
import { expansionOptions } from './actions/customer/fields';
import { authenticationProperty, credentials } from './authentication';
import {
	createRegistration,
	DEFAULT_MAXIMUM_EVENTS,
	deleteRegistration,
	receiveDelivery,
	registrationExists,
} from './webhooks';

export class UltraCartWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UltraCart Webhook Trigger',
		name: 'ultraCartWebhookTrigger',
		icon: { light: 'file:ultracart.svg', dark: 'file:ultracart.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: customerWebhookSubtitle,
		description:
			'Starts the workflow the moment an UltraCart customer is created, updated or deleted',
		defaults: { name: 'UltraCart Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		webhooks: [customerWebhook],
		properties: [
			publicUrlNotice('UltraCart', 'UltraCart Trigger'),
			authenticationProperty,
			customerWebhookEventsProperty,
			{
				displayName: 'Include',
				name: 'expand',
				type: 'multiOptions',
				options: expansionOptions,
				default: [],
				description:
					'Parts of the customer UltraCart adds to each created or updated event; without them an event carries a limited customer',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Events per Delivery',
						name: 'maximumEvents',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_MAXIMUM_EVENTS,
						description:
							'The most events UltraCart puts into one delivery; each event still becomes its own item',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createRegistration(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteRegistration(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
