// UltraCart's Webhook API (specs/ultracart-webhooks.md §1): the registrations of this application, read, inserted,
// updated and deleted through the kernel like every other UltraCart request.
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { collectPages, nextOffset, pathSegment } from '../../shared';
import { ultraCartRequest } from './index';

const WEBHOOKS_PATH = '/webhook/webhooks';
const PAGE_SIZE = 100;

export interface UltraCartWebhook extends IDataObject {
	webhook_oid?: number;
	webhook_url?: string;
}

interface WebhooksPage {
	webhooks?: UltraCartWebhook[];
	metadata?: { result_set?: { more?: boolean; next_offset?: number } };
}

/** Every webhook of this application (getWebhooks), page by page. */
export async function listWebhooks(ctx: IHookFunctions): Promise<UltraCartWebhook[]> {
	return (await collectPages(0, async (offset) => {
		const page = await ultraCartRequest<WebhooksPage>(ctx, 0, {
			method: 'GET',
			path: WEBHOOKS_PATH,
			qs: { _limit: PAGE_SIZE, _offset: offset },
			safeToRepeat: true,
		});
		const items = page.webhooks ?? [];
		const resultSet = page.metadata?.result_set;
		return {
			items,
			next: nextOffset(offset, PAGE_SIZE, items.length, resultSet?.more, resultSet?.next_offset),
		};
	})) as UltraCartWebhook[];
}

/** insertWebhook: not repeated after an unclear failure, since a second registration would deliver every event twice. */
export async function insertWebhook(
	ctx: IHookFunctions,
	webhook: UltraCartWebhook,
): Promise<UltraCartWebhook> {
	const answer = await ultraCartRequest<{ webhook?: UltraCartWebhook }>(ctx, 0, {
		method: 'POST',
		path: WEBHOOKS_PATH,
		body: webhook,
		safeToRepeat: false,
	});
	return answer.webhook ?? {};
}

/** updateWebhook: replaces the registration with this oid; the same PUT twice does no harm. */
export async function updateWebhook(
	ctx: IHookFunctions,
	oid: number,
	webhook: UltraCartWebhook,
): Promise<UltraCartWebhook> {
	const answer = await ultraCartRequest<{ webhook?: UltraCartWebhook }>(ctx, 0, {
		method: 'PUT',
		path: `${WEBHOOKS_PATH}/${pathSegment(ctx, 0, 'Webhook ID', oid)}`,
		body: webhook,
		safeToRepeat: true,
	});
	return answer.webhook ?? {};
}

/** deleteWebhook; a registration already gone (404, removed in the back office) counts as deleted. */
export async function deleteWebhook(ctx: IHookFunctions, oid: number): Promise<void> {
	await ultraCartRequest(ctx, 0, {
		method: 'DELETE',
		path: `${WEBHOOKS_PATH}/${pathSegment(ctx, 0, 'Webhook ID', oid)}`,
		safeToRepeat: true,
		acceptStatuses: [404],
	});
}
