import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acknowledgeDelivery,
	customerEventItem,
	customerWebhook,
	customerWebhookEventsProperty,
	customerWebhookSubtitle,
	emitAcknowledged,
	firstDelivery,
	headerOf,
	isTestWebhook,
	publicUrlNotice,
	rawBodyOf,
	refuseDelivery,
	type CustomerWebhookEvent,
} from '../shared';
import { credentials } from './authentication';
import { CREDENTIAL_TYPE } from './transport';
import {
	createWebhook,
	deleteWebhook,
	listWebhooks,
	managementAccess,
	type VoucherifyWebhook,
} from './transport/webhooks';
import {
	customerEventOf,
	REGISTRABLE_BY_API,
	VENDOR_EVENT,
	voucherifySignatureMatches,
} from './webhooks';

interface Registration {
	webhookId?: string;
	webhookUrl?: string;
	/** The project the webhook was registered in. */
	projectId?: string;
}
const REGISTRATION_FIELDS = ['webhookId', 'webhookUrl', 'projectId'] as const;

/**
 * Where a registration lives in the node's static data: the Test URL's (Listen for test event) under other keys than
 * the Production URL's, so testing in the editor never replaces or removes the published workflow's webhook.
 */
function registrationKey(ctx: IHookFunctions, field: (typeof REGISTRATION_FIELDS)[number]): string {
	return isTestWebhook(ctx) ? `test${field[0].toUpperCase()}${field.slice(1)}` : field;
}

function readRegistration(ctx: IHookFunctions): Registration {
	const data = ctx.getWorkflowStaticData('node');
	return Object.fromEntries(
		REGISTRATION_FIELDS.map((field) => [field, data[registrationKey(ctx, field)]]),
	) as Registration;
}

/** Stores the given fields; an undefined one is removed. */
function writeRegistration(ctx: IHookFunctions, registration: Registration): void {
	const data = ctx.getWorkflowStaticData('node');
	for (const field of REGISTRATION_FIELDS) {
		if (!(field in registration)) continue;
		const key = registrationKey(ctx, field);
		if (registration[field] === undefined) delete data[key];
		else data[key] = registration[field];
	}
}

/** The project's webhook secret; activating without it would accept deliveries nobody can verify. */
async function webhookSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string | undefined> {
	const data = await ctx.getCredentials(CREDENTIAL_TYPE);
	const secret = String(data.webhookSecret ?? '').trim();
	return secret || undefined;
}

async function requireSecret(ctx: IHookFunctions): Promise<void> {
	if (!(await webhookSecret(ctx)))
		throw new NodeOperationError(
			ctx.getNode(),
			'The Voucherify credential has no Webhook Secret Key: copy the Secret key from Project settings → Webhooks into it, so the trigger can check that deliveries come from Voucherify',
		);
}

/** The Voucherify events the trigger registers through the Management API for the chosen events. */
function eventsToRegister(ctx: IHookFunctions): string[] {
	const chosen = ctx.getNodeParameter('events', []) as CustomerWebhookEvent[];
	const withUpdated = (ctx.getNodeParameter('options', {}) as IDataObject).registerUpdated === true;
	return chosen
		.filter((event) => withUpdated || REGISTRABLE_BY_API.includes(event))
		.map((event) => VENDOR_EVENT[event]);
}

const fits = (webhook: VoucherifyWebhook, url: string, events: string[]) =>
	webhook.target_url === url &&
	webhook.active !== false &&
	events.every((event) => (webhook.events ?? []).includes(event));

export class VoucherifyWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voucherify Webhook Trigger',
		name: 'voucherifyWebhookTrigger',
		icon: { light: 'file:voucherify.svg', dark: 'file:voucherify.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: customerWebhookSubtitle,
		description:
			'Starts the workflow at once when a Voucherify customer is created, updated or deleted (signed webhooks)',
		defaults: { name: 'Voucherify Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		webhooks: [customerWebhook],
		properties: [
			publicUrlNotice('Voucherify', 'Voucherify Trigger'),
			{
				displayName:
					'With Management API keys in the credential (Enterprise), the trigger adds its webhook to the project itself and removes it when the workflow is unpublished. Without them, add it in Voucherify: Project settings → Webhooks → Add new webhook, version v2024-01-01, paste this workflow\'s Production URL (see Webhook URLs above) as the target URL, tick "Is active?" and the events chosen below (customer.created, customer.updated, customer.deleted), then Create endpoint. Either way, copy the Secret key shown there into the credential\'s Webhook Secret Key.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			customerWebhookEventsProperty,
			{
				displayName:
					"Voucherify's Management API does not list customer.updated among the events it registers (the dashboard does). When the trigger registers the webhook itself, tick customer.updated on that webhook in the dashboard, or turn on Options → Register Customer Updated Through the API.",
				name: 'updatedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { events: ['updated'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Register Customer Updated Through the API',
						name: 'registerUpdated',
						type: 'boolean',
						default: false,
						description:
							"Whether to ask the Management API for customer.updated too, which its documentation does not list; if Voucherify refuses it, publishing fails with Voucherify's reason",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await requireSecret(this);
				const data = readRegistration(this);
				const access = await managementAccess(this, { lookedUp: data.projectId });
				const events = eventsToRegister(this);
				// registered by hand in the dashboard: nothing to check or add
				if (!access || !events.length) return true;
				writeRegistration(this, { projectId: access.projectId });
				const url = this.getNodeWebhookUrl('default') as string;
				const webhooks = await listWebhooks(this, access);
				const own = webhooks.find((w) => fits(w, url, events));
				if (!own) return false;
				// the trigger's earlier registration for another URL (n8n's public URL changed) is no longer needed
				if (
					data.webhookId &&
					data.webhookId !== own.id &&
					webhooks.some((w) => w.id === data.webhookId)
				)
					await deleteWebhook(this, access, data.webhookId);
				writeRegistration(this, { webhookId: own.id, webhookUrl: url });
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				await requireSecret(this);
				const data = readRegistration(this);
				const access = await managementAccess(this, { lookedUp: data.projectId });
				const events = eventsToRegister(this);
				if (!access || !events.length) return true;
				const url = this.getNodeWebhookUrl('default') as string;
				// replaced, so there is never a second one: the trigger's earlier registration, and a webhook at this
				// workflow's URL that no longer fits (other events, or disabled by Voucherify after failed deliveries)
				for (const stale of (await listWebhooks(this, access)).filter(
					(w) => w.target_url === url || w.id === data.webhookId,
				))
					await deleteWebhook(this, access, stale.id);
				const created = await createWebhook(this, access, url, events);
				writeRegistration(this, {
					webhookId: created.id,
					webhookUrl: url,
					projectId: access.projectId,
				});
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = readRegistration(this);
				if (!data.webhookId) return true;
				const access = await managementAccess(this, { registeredIn: data.projectId });
				if (access) await deleteWebhook(this, access, data.webhookId);
				writeRegistration(this, {
					webhookId: undefined,
					webhookUrl: undefined,
					projectId: undefined,
				});
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = await webhookSecret(this);
		if (!secret)
			return refuseDelivery(
				this,
				'No Webhook Secret Key in the Voucherify credential: deliveries cannot be verified',
			);
		const raw = rawBodyOf(this);
		if (!raw || !voucherifySignatureMatches(secret, raw, headerOf(this, 'x-voucherify-signature')))
			return refuseDelivery(this, 'x-voucherify-signature does not match');

		const body = this.getBodyData();
		const meta = (body.event ?? {}) as IDataObject;
		const vendorEvent = String(body.type ?? meta.type ?? '');
		const event = customerEventOf(vendorEvent);
		const chosen = this.getNodeParameter('events', []) as CustomerWebhookEvent[];
		acknowledgeDelivery(this);
		// other events of the same webhook (or ones not chosen) are acknowledged and start nothing
		if (!event || !chosen.includes(event)) return emitAcknowledged([]);
		const eventId = String(meta.id ?? body.id ?? '');
		if (eventId && !firstDelivery(this, eventId)) return emitAcknowledged([]);
		const customer = ((body.data as IDataObject | undefined)?.customer as IDataObject) ?? {
			id: meta.entity_id,
		};
		return emitAcknowledged([customerEventItem(event, customer, { vendorEvent, eventId })]);
	}
}
