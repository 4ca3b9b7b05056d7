// Nuvemshop's /webhooks API (nuvemshop-webhook.md): one registration per event and URL.
import type { IDataObject } from 'n8n-workflow';

import { nuvemshopRequest, nuvemshopResponseError, type NuvemshopContext } from './index';

export interface NuvemshopWebhook {
	id: number;
	url: string;
	event: string;
}

/** GET /webhooks filtered by URL (and event): the registrations sending to that URL. */
export async function findWebhooks(
	ctx: NuvemshopContext,
	url: string,
	event?: string,
): Promise<NuvemshopWebhook[]> {
	const response = await nuvemshopRequest(ctx, 0, {
		method: 'GET',
		path: '/webhooks',
		qs: event ? { url, event } : { url },
		safeToRepeat: true,
		// the API answers an empty list of some resources with 404 "Last page is 0"
		acceptStatuses: [404],
	});
	if (response.statusCode === 404) {
		if (/last page is/i.test(String((response.body as IDataObject)?.description ?? ''))) return [];
		throw await nuvemshopResponseError(ctx, 0, 'GET', '/webhooks', response);
	}
	const found = Array.isArray(response.body) ? (response.body as NuvemshopWebhook[]) : [];
	// the filters are the vendor's; checked again so a registration of another URL is never taken for ours
	return found.filter((w) => w.url === url && (!event || w.event === event));
}

/**
 * POST /webhooks. A registration that already exists (a repeat that reached Nuvemshop, or a second activation at the
 * same moment) is answered 422; it is then looked up and reused, so the URL never gets two for one event.
 */
export async function registerWebhook(
	ctx: NuvemshopContext,
	url: string,
	event: string,
): Promise<NuvemshopWebhook> {
	const response = await nuvemshopRequest(ctx, 0, {
		method: 'POST',
		path: '/webhooks',
		body: { event, url },
		safeToRepeat: false,
		acceptStatuses: [422],
	});
	if (response.statusCode !== 422) return response.body as NuvemshopWebhook;
	const [existing] = await findWebhooks(ctx, url, event);
	if (existing) return existing;
	throw await nuvemshopResponseError(ctx, 0, 'POST', '/webhooks', response);
}

/** DELETE /webhooks/{id}; one already gone counts as removed. */
export async function removeWebhook(ctx: NuvemshopContext, id: number): Promise<void> {
	await nuvemshopRequest(ctx, 0, {
		method: 'DELETE',
		path: `/webhooks/${encodeURIComponent(String(id))}`,
		safeToRepeat: true,
		acceptStatuses: [404],
	});
}
