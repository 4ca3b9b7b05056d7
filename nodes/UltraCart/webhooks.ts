// The UltraCart Webhook Trigger's registration and deliveries (specs/ultracart-webhooks.md): one webhook per trigger URL,
// Basic authentication with a user and password the trigger generates, batches of customer events split into items.
import { createHash, randomBytes } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acknowledgeDelivery,
	basicAuthorizationMatches,
	customerEventItem,
	emitAcknowledged,
	firstDelivery,
	headerOf,
	rawBodyOf,
	refuseDelivery,
	type CustomerWebhookEvent,
} from '../shared';
import { API_VERSION } from './transport';
import {
	deleteWebhook,
	insertWebhook,
	listWebhooks,
	updateWebhook,
	type UltraCartWebhook,
} from './transport/webhooks';

/** UltraCart's name of each customer event. */
export const VENDOR_EVENTS: Record<CustomerWebhookEvent, string> = {
	created: 'customer_create',
	updated: 'customer_update',
	deleted: 'customer_delete',
};
const EVENT_OF_VENDOR_EVENT = Object.fromEntries(
	Object.entries(VENDOR_EVENTS).map(([event, vendorEvent]) => [vendorEvent, event]),
) as Record<string, CustomerWebhookEvent>;

/** UltraCart's default batch size in its samples. */
export const DEFAULT_MAXIMUM_EVENTS = 10;

/** What the trigger keeps in the workflow's static data: its registration and the Basic user and password it chose. */
interface RegistrationData extends IDataObject {
	webhookOid?: number;
	basicUsername?: string;
	basicPassword?: string;
}

function registrationData(ctx: IHookFunctions | IWebhookFunctions): RegistrationData {
	return ctx.getWorkflowStaticData('node') as RegistrationData;
}

function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): CustomerWebhookEvent[] {
	return ctx.getNodeParameter('events', []) as CustomerWebhookEvent[];
}

/** The webhook this trigger wants UltraCart to hold for its URL. */
function wantedWebhook(ctx: IHookFunctions, url: string, data: RegistrationData): UltraCartWebhook {
	assertDeliverableUrl(ctx, url);
	const events = chosenEvents(ctx);
	if (!events.length)
		throw new NodeOperationError(ctx.getNode(), 'Parameter "Events" is empty: choose at least one');
	const expansion = (ctx.getNodeParameter('expand', []) as string[]).join(',');
	const options = ctx.getNodeParameter('options', {}) as { maximumEvents?: number };
	const order: CustomerWebhookEvent[] = ['created', 'updated', 'deleted'];
	return {
		webhook_url: url,
		authentication_type: 'basic',
		basic_username: data.basicUsername,
		basic_password: data.basicPassword,
		api_version: API_VERSION,
		compress_events: false,
		maximum_events: options.maximumEvents ?? DEFAULT_MAXIMUM_EVENTS,
		event_categories: [
			{
				event_category: 'customer',
				events: order
					.filter((event) => events.includes(event))
					// as the vendor's sample: a deleted customer is sent without expansions
					.map((event) => ({
						event_name: VENDOR_EVENTS[event],
						subscribed: true,
						expansion: event === 'deleted' ? '' : expansion,
					})),
			},
		],
	};
}

/** The subscribed events of a webhook as comparable text: `category/event[expansions]`, sorted. */
function subscriptions(webhook: UltraCartWebhook): string[] {
	const categories = (webhook.event_categories ?? []) as IDataObject[];
	return categories
		.flatMap((category) =>
			((category.events ?? []) as IDataObject[])
				// the vendor's samples leave `subscribed` out; a listing with placeholders says false for the others
				.filter((event) => event.subscribed !== false)
				.map((event) => {
					const expansion = String(event.expansion ?? '')
						.split(',')
						.map((part) => part.trim())
						.filter(Boolean)
						.sort()
						.join(',');
					return `${String(category.event_category)}/${String(event.event_name)}[${expansion}]`;
				}),
		)
		.sort();
}

/**
 * Whether UltraCart holds exactly the registration wanted. A password UltraCart does not show counts as different:
 * the trigger cannot know it, so it writes it again.
 */
function sameRegistration(held: UltraCartWebhook, wanted: UltraCartWebhook): boolean {
	return (
		held.authentication_type === 'basic' &&
		held.basic_username === wanted.basic_username &&
		held.basic_password === wanted.basic_password &&
		held.api_version === wanted.api_version &&
		held.compress_events !== true &&
		held.disabled !== true &&
		held.maximum_events === wanted.maximum_events &&
		subscriptions(held).join('|') === subscriptions(wanted).join('|')
	);
}

/** UltraCart delivers customer events only over HTTPS; loopback http is let through for local test servers. */
function assertDeliverableUrl(ctx: IHookFunctions, url: string): void {
	const parsed = new URL(url);
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
	if (parsed.protocol !== 'https:' && !loopback)
		throw new NodeOperationError(
			ctx.getNode(),
			`UltraCart delivers customer events only over HTTPS, and this workflow's URL is ${url}`,
			{
				description:
					"Set n8n's WEBHOOK_URL environment variable to the public https:// address of this n8n, or use the UltraCart Trigger (polling)",
			},
		);
}

async function webhooksAt(ctx: IHookFunctions, url: string): Promise<UltraCartWebhook[]> {
	return (await listWebhooks(ctx)).filter((webhook) => webhook.webhook_url === url);
}

/** n8n's checkExists: true only when UltraCart holds one registration for this URL, exactly as wanted. */
export async function registrationExists(ctx: IHookFunctions): Promise<boolean> {
	const url = ctx.getNodeWebhookUrl('default') as string;
	const data = registrationData(ctx);
	const wanted = wantedWebhook(ctx, url, data);
	// without the password deliveries cannot be checked: create() writes a new one over any registration found
	if (!data.basicUsername || !data.basicPassword) return false;
	const held = await webhooksAt(ctx, url);
	if (held.length !== 1 || !sameRegistration(held[0], wanted)) return false;
	data.webhookOid = held[0].webhook_oid;
	return true;
}

/**
 * n8n's create: a registration UltraCart already holds for this URL is updated (and any second one removed), so a
 * URL never gets two and every event arrives once; otherwise one is inserted.
 */
export async function createRegistration(ctx: IHookFunctions): Promise<boolean> {
	const url = ctx.getNodeWebhookUrl('default') as string;
	const data = registrationData(ctx);
	if (!data.basicUsername || !data.basicPassword) {
		data.basicUsername = `n8n-${randomBytes(8).toString('hex')}`;
		data.basicPassword = randomBytes(32).toString('base64url');
	}
	const wanted = wantedWebhook(ctx, url, data);
	const [first, ...others] = await webhooksAt(ctx, url);
	let saved: UltraCartWebhook;
	if (first?.webhook_oid !== undefined) {
		// disabled: false takes back a webhook UltraCart switched off after failed deliveries
		saved = await updateWebhook(ctx, first.webhook_oid, { ...wanted, disabled: false });
		for (const other of others)
			if (other.webhook_oid !== undefined) await deleteWebhook(ctx, other.webhook_oid);
	} else {
		saved = await insertWebhook(ctx, wanted);
	}
	const oid = saved.webhook_oid ?? first?.webhook_oid;
	if (oid === undefined)
		throw new NodeOperationError(ctx.getNode(), 'UltraCart did not return the webhook it saved');
	data.webhookOid = oid;
	return true;
}

/** n8n's delete: removes this trigger's registration and forgets its password. */
export async function deleteRegistration(ctx: IHookFunctions): Promise<boolean> {
	const data = registrationData(ctx);
	const oids =
		data.webhookOid !== undefined
			? [data.webhookOid]
			: (await webhooksAt(ctx, ctx.getNodeWebhookUrl('default') as string)).map(
					(webhook) => webhook.webhook_oid,
				);
	for (const oid of oids) if (oid !== undefined) await deleteWebhook(ctx, oid);
	delete data.webhookOid;
	delete data.basicUsername;
	delete data.basicPassword;
	return true;
}

/**
 * The key a repeated delivery of one event is known by. UltraCart sends no event id; a repeat carries the same event
 * name and the same customer record, so the key is both (the record as a SHA-256, to keep the memory small).
 */
function eventKey(vendorEvent: string, customer: IDataObject): string {
	const digest = createHash('sha256').update(JSON.stringify(customer)).digest('hex');
	return `${vendorEvent}:${String(customer.customer_profile_oid)}:${digest}`;
}

/** The events of a delivery body: `{"events": [...]}`, or the older bare array. */
function eventsOf(body: unknown): unknown {
	if (Array.isArray(body)) return body;
	return body && typeof body === 'object' ? (body as IDataObject).events : undefined;
}

function parsedBody(ctx: IWebhookFunctions): unknown {
	const raw = rawBodyOf(ctx);
	if (!raw) return ctx.getBodyData();
	try {
		return JSON.parse(raw.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

/** n8n's webhook(): checks the Basic user and password, then emits one item per chosen customer event. */
export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const data = registrationData(ctx);
	if (!data.basicUsername || !data.basicPassword)
		return refuseDelivery(
			ctx,
			'This trigger holds no UltraCart registration: publish the workflow again',
		);
	if (
		!basicAuthorizationMatches(
			headerOf(ctx, 'authorization'),
			data.basicUsername,
			data.basicPassword,
		)
	)
		return refuseDelivery(ctx, 'Basic authentication does not match this trigger');
	const events = eventsOf(parsedBody(ctx));
	if (typeof events === 'string') {
		// gzip needs zlib, which n8n does not allow community nodes; the trigger registers with compress_events false
		const reason =
			'UltraCart sent compressed events, which this trigger cannot read: turn off "Compress Events" on the webhook in UltraCart, or publish the workflow again to restore its registration';
		ctx.logger.warn(reason);
		return refuseDelivery(ctx, reason, 415);
	}
	if (!Array.isArray(events)) return refuseDelivery(ctx, 'The body holds no UltraCart events', 400);
	acknowledgeDelivery(ctx);
	const chosen = chosenEvents(ctx);
	const items: INodeExecutionData[] = [];
	for (const element of events) {
		if (!element || typeof element !== 'object') continue;
		// each event is an object with one key, the event name, whose value is the customer
		for (const [vendorEvent, customer] of Object.entries(element as IDataObject)) {
			const event = EVENT_OF_VENDOR_EVENT[vendorEvent];
			if (!event || !chosen.includes(event) || !customer || typeof customer !== 'object') continue;
			if (!firstDelivery(ctx, eventKey(vendorEvent, customer as IDataObject))) continue;
			items.push(customerEventItem(event, customer as IDataObject, { vendorEvent }));
		}
	}
	return emitAcknowledged(items);
}
