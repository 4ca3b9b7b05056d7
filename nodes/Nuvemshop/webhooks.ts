// The Nuvemshop webhook trigger's work: its registrations at Nuvemshop, and each delivery checked, answered and
// turned into an item (nuvemshop-webhook.md, nuvemshop-webhooks-notes.md).
import { createHash } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	acknowledgeDelivery,
	customerEventItem,
	emitAcknowledged,
	firstDelivery,
	headerOf,
	hmacSha256Hex,
	rawBodyOf,
	refuseDelivery,
	sameSecret,
	type CustomerWebhookEvent,
} from '../shared';
import type { NuvemshopCredentialType } from './authentication';
import { credentialStoreId } from './transport';
import { fetchCustomer } from './transport/customers';
import { findWebhooks, registerWebhook, removeWebhook } from './transport/webhooks';

/** Nuvemshop's name of each customer event. */
const VENDOR_EVENTS: Record<CustomerWebhookEvent, string> = {
	created: 'customer/created',
	updated: 'customer/updated',
	deleted: 'customer/deleted',
};

const SIGNATURE_HEADER = 'x-linkedstore-hmac-sha256';

interface RegistrationData extends IDataObject {
	/** Nuvemshop's webhook id per vendor event, for deactivation. */
	webhookIds?: Record<string, number>;
}

type TriggerContext = IHookFunctions | IWebhookFunctions;

function credentialTypeOf(ctx: TriggerContext): NuvemshopCredentialType {
	return ctx.getNodeParameter('authentication', 'nuvemshopApi') as NuvemshopCredentialType;
}

function chosenEvents(ctx: TriggerContext): CustomerWebhookEvent[] {
	return ctx.getNodeParameter('events', []) as CustomerWebhookEvent[];
}

/** The credential's store and the app secret Nuvemshop signs with (the OAuth2 client secret, or App Secret). */
async function verificationKeys(
	ctx: TriggerContext,
): Promise<{ storeId: string; secret: string; credentialType: NuvemshopCredentialType }> {
	const credentialType = credentialTypeOf(ctx);
	const credentials = await ctx.getCredentials(credentialType);
	const secret = String(
		(credentialType === 'nuvemshopOAuth2Api' ? credentials.clientSecret : credentials.appSecret) ??
			'',
	).trim();
	return { storeId: credentialStoreId(ctx, credentialType, credentials), secret, credentialType };
}

/** Refuses to activate without the secret: deliveries could not be told from forgeries. */
async function requireSecret(ctx: IHookFunctions): Promise<void> {
	const { secret, credentialType } = await verificationKeys(ctx);
	if (secret) return;
	throw new NodeOperationError(
		ctx.getNode(),
		credentialType === 'nuvemshopOAuth2Api'
			? 'The Nuvemshop OAuth2 credential has no Client Secret: fill it in, as the trigger checks with it that each delivery comes from Nuvemshop'
			: "The Nuvemshop API credential has no App Secret: fill it in with your app's client secret (Partners portal, your app, beside the App ID), as the trigger checks with it that each delivery comes from Nuvemshop",
	);
}

export async function webhooksExist(this: IHookFunctions): Promise<boolean> {
	await requireSecret(this);
	const url = this.getNodeWebhookUrl('default') as string;
	const webhookIds: Record<string, number> = {};
	for (const event of chosenEvents(this)) {
		const [mine] = await findWebhooks(this, url, VENDOR_EVENTS[event]);
		if (!mine) return false;
		webhookIds[mine.event] = mine.id;
	}
	(this.getWorkflowStaticData('node') as RegistrationData).webhookIds = webhookIds;
	return true;
}

export async function createWebhooks(this: IHookFunctions): Promise<boolean> {
	await requireSecret(this);
	const url = this.getNodeWebhookUrl('default') as string;
	const staticData = this.getWorkflowStaticData('node') as RegistrationData;
	const webhookIds = { ...staticData.webhookIds };
	for (const event of chosenEvents(this)) {
		const webhook = await registerWebhook(this, url, VENDOR_EVENTS[event]);
		webhookIds[webhook.event] = webhook.id;
		// kept after each one, so a failure on the next event leaves nothing deactivation cannot find
		staticData.webhookIds = { ...webhookIds };
	}
	return true;
}

/** Removes the registrations this trigger made (remembered, or found at its URL if static data was lost). */
export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const staticData = this.getWorkflowStaticData('node') as RegistrationData;
	const customerEvents = Object.values(VENDOR_EVENTS);
	const ids = new Set(Object.values(staticData.webhookIds ?? {}));
	for (const webhook of await findWebhooks(this, url))
		if (customerEvents.includes(webhook.event)) ids.add(webhook.id);
	for (const id of ids) await removeWebhook(this, id);
	delete staticData.webhookIds;
	return true;
}

/** A fingerprint of the customer's fetched state, so a repeated delivery of one update is told from a new update. */
function stateDigest(customer: IDataObject): string {
	return createHash('sha256').update(JSON.stringify(customer)).digest('hex');
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { storeId, secret } = await verificationKeys(this);
	if (!secret) return refuseDelivery(this, 'The trigger has no app secret to verify deliveries');
	const raw = rawBodyOf(this);
	const signature = headerOf(this, SIGNATURE_HEADER)?.trim().toLowerCase();
	if (!raw || !sameSecret(hmacSha256Hex(secret, raw), signature))
		return refuseDelivery(this, 'The X-Linkedstore-HMAC-SHA256 signature does not match');

	const body = this.getBodyData();
	if (String(body.store_id) !== storeId)
		return refuseDelivery(this, "The delivery is not for the credential's store", 403);
	const vendorEvent = String(body.event);
	const event = (Object.keys(VENDOR_EVENTS) as CustomerWebhookEvent[]).find(
		(e) => VENDOR_EVENTS[e] === vendorEvent,
	);
	const id = String(body.id ?? '');
	acknowledgeDelivery(this);
	if (!event || !chosenEvents(this).includes(event) || !/^\d+$/.test(id))
		return emitAcknowledged([]);

	const extra = { vendorEvent, storeId: Number(storeId) };
	const idOnly = { id: Number(id) };
	const eventKey = `${storeId}:${vendorEvent}:${id}`;
	const fetch = event !== 'deleted' && (this.getNodeParameter('fetchCustomer', true) as boolean);
	// created and deleted happen once per customer; an update can happen many times (see below)
	if (event !== 'updated' && !firstDelivery(this, eventKey)) return emitAcknowledged([]);
	if (!fetch) return emitAcknowledged([customerEventItem(event, idOnly, extra)]);

	let customer: IDataObject | undefined;
	try {
		customer = await fetchCustomer(this, id);
	} catch (error) {
		// the vendor was already answered: an execution that shows the failure, rather than none at all
		return emitAcknowledged([
			customerEventItem(event, idOnly, { ...extra, fetchError: (error as Error).message }),
		]);
	}
	// Nuvemshop sends no event id: a repeated update delivery fetches the same state, a new update a new one
	if (
		event === 'updated' &&
		!firstDelivery(this, `${eventKey}:${customer ? stateDigest(customer) : 'gone'}`)
	)
		return emitAcknowledged([]);
	return emitAcknowledged([customerEventItem(event, customer ?? idOnly, extra)]);
}
