/**
 * What every webhook trigger needs: the vendor's signature or password checked in constant time over the raw body,
 * forgeries answered 401 without an execution, the vendor answered before slow work, repeated deliveries dropped,
 * and the Events and public-URL properties.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/** The one URL every webhook trigger listens on; n8n answers only when the node did not answer itself. */
export const customerWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: 'webhook',
};

/** The customer events every webhook trigger offers, whatever the vendor calls them. */
export type CustomerWebhookEvent = 'created' | 'updated' | 'deleted';

export const customerWebhookEventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Customer Created',
			value: 'created',
			description: 'A customer signed up or was added',
		},
		{ name: 'Customer Deleted', value: 'deleted', description: 'A customer was deleted' },
		{ name: 'Customer Updated', value: 'updated', description: 'A customer was changed' },
	],
	default: ['created'],
	description: 'Which customer events start the workflow',
};

/** The trigger's subtitle on the canvas, naming the chosen events. */
export const customerWebhookSubtitle = '={{"Customer " + $parameter["events"].join(", ")}}';

/** Lowercase hex HMAC-SHA256, the form Nuvemshop and Voucherify sign with. */
export function hmacSha256Hex(secret: string, data: Buffer | string): string {
	return createHmac('sha256', secret).update(data).digest('hex');
}

/** Compares two secrets or signatures without telling by timing how much of them matched. */
export function sameSecret(expected: string, received: string | undefined): boolean {
	if (received === undefined) return false;
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(received, 'utf8');
	// equal-length buffers for timingSafeEqual; a different length is compared against itself and still fails
	return timingSafeEqual(a, b.length === a.length ? b : a) && b.length === a.length;
}

/** Whether `Authorization: Basic …` carries exactly this user and password. */
export function basicAuthorizationMatches(
	authorization: string | undefined,
	user: string,
	password: string,
): boolean {
	const match = /^basic\s+(\S+)$/i.exec(authorization ?? '');
	const given = match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
	return sameSecret(`${user}:${password}`, given);
}

/** One request header as a string (the first, when sent several times). */
export function headerOf(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : (value as string | undefined);
}

/**
 * The body exactly as the vendor sent it. Signatures are over these bytes: a body parsed and serialized again can
 * differ (spacing, escapes, key order), so without them a delivery cannot be verified.
 */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer | undefined {
	const raw = ctx.getRequestObject().rawBody as Buffer | undefined;
	return Buffer.isBuffer(raw) ? raw : undefined;
}

/** Answers a delivery that is not the vendor's (or cannot be checked) and starts no execution. */
export function refuseDelivery(
	ctx: IWebhookFunctions,
	reason: string,
	status = 401,
): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message: reason });
	return { noWebhookResponse: true };
}

/**
 * Answers the vendor now, before slow work (fetching the customer), so it does not time out and retry.
 * Return the result of `afterAnswer()` with `noWebhookResponse`, as n8n then runs the workflow without answering again.
 */
export function acknowledgeDelivery(ctx: IWebhookFunctions): void {
	const response = ctx.getResponseObject();
	if (!response.headersSent) response.status(200).json({ received: true });
}

/** Starts the workflow with these items, after acknowledgeDelivery() answered the vendor; nothing when empty. */
export function emitAcknowledged(items: INodeExecutionData[]): IWebhookResponseData {
	return items.length
		? { noWebhookResponse: true, workflowData: [items] }
		: { noWebhookResponse: true };
}

/** One output item for a customer event: the event, then the customer (or its id when it is gone). */
export function customerEventItem(
	event: CustomerWebhookEvent,
	customer: IDataObject,
	extra: IDataObject = {},
): INodeExecutionData {
	return { json: { event, ...extra, ...customer } };
}

/** How many recent event keys each trigger remembers, to drop a vendor's repeated delivery. */
const RECENT_DELIVERIES_KEPT = 2000;
const recentDeliveries = new Map<string, Set<string>>();

/**
 * True the first time this trigger sees `eventKey`, false for a repeat (vendors retry and may deliver twice).
 * The memory is this n8n process's, bounded to the most recent keys of each trigger, and lost on restart.
 * The Test URL (Listen for Test Event, mode 'manual') and the Production URL each get the vendor's delivery of the
 * same event: each keeps its own memory, or the first would swallow the other's execution.
 */
export function firstDelivery(ctx: IWebhookFunctions, eventKey: string): boolean {
	const owner = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}\u0000${ctx.getMode()}`;
	let seen = recentDeliveries.get(owner);
	if (!seen) recentDeliveries.set(owner, (seen = new Set()));
	if (seen.has(eventKey)) return false;
	seen.add(eventKey);
	// a Set iterates in insertion order: drop the oldest
	if (seen.size > RECENT_DELIVERIES_KEPT) seen.delete(seen.values().next().value as string);
	return true;
}

/** The notice every webhook trigger shows: which URL the vendor must reach, and when to use the polling trigger. */
export function publicUrlNotice(vendor: string, pollingTrigger: string): INodeProperties {
	return {
		displayName: `${vendor} must be able to reach this workflow's Production URL over the internet, by HTTPS. If n8n runs behind a proxy or on your own computer, set the WEBHOOK_URL environment variable to the public HTTPS address. If ${vendor} cannot reach your n8n, use the ${pollingTrigger} instead.`,
		name: 'publicUrlNotice',
		type: 'notice',
		default: '',
	};
}

/**
 * Whether n8n is registering or removing the editor's Test URL (Listen for Test Event). n8n registers it in 'manual'
 * mode but removes every webhook, test or production, in 'internal' mode: then only the URL tells them apart
 * (n8n's test endpoint is `webhook-test`, unless N8N_ENDPOINT_WEBHOOK_TEST renames it).
 */
export function isTestWebhook(ctx: IHookFunctions): boolean {
	return (
		ctx.getMode() === 'manual' ||
		(ctx.getNodeWebhookUrl('default') ?? '').includes('/webhook-test/')
	);
}
