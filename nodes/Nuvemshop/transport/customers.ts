import type { IDataObject } from 'n8n-workflow';

import { collectPages, parseLinkHeader } from '../../shared';
import { nuvemshopRequest, nuvemshopResponseError, type NuvemshopContext } from './index';

const MAX_PER_PAGE = 200;

/** GET /customers with these filters, following the Link header up to `limit` customers (all when undefined). */
export async function listCustomers(
	ctx: NuvemshopContext,
	itemIndex: number,
	filters: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	const perPage = Math.min(MAX_PER_PAGE, limit ?? MAX_PER_PAGE);
	const firstPage = {
		path: '/customers',
		qs: { ...filters, page: 1, per_page: perPage } as IDataObject | undefined,
	};
	return await collectPages(
		firstPage,
		async (page) => {
			const response = await nuvemshopRequest(ctx, itemIndex, {
				method: 'GET',
				path: page.path,
				qs: page.qs,
				safeToRepeat: true,
				acceptStatuses: [404],
			});
			if (response.statusCode === 404) {
				// Nuvemshop answers a page past the end (and an empty list) with 404 "Last page is N": that is the end.
				if (
					/last page is/i.test(
						String((response.body as IDataObject | undefined)?.description ?? ''),
					)
				)
					return { items: [] };
				throw await nuvemshopResponseError(ctx, itemIndex, 'GET', page.path, response);
			}
			const next = parseLinkHeader(response.headers.link).next;
			return {
				items: (response.body as IDataObject[]) ?? [],
				next: next ? { path: next, qs: undefined } : undefined,
			};
		},
		limit,
	);
}

/** GET /customers/{id}: the customer, or undefined when it no longer exists. */
export async function fetchCustomer(
	ctx: NuvemshopContext,
	id: string,
): Promise<IDataObject | undefined> {
	const response = await nuvemshopRequest(ctx, 0, {
		method: 'GET',
		path: `/customers/${encodeURIComponent(id)}`,
		safeToRepeat: true,
		acceptStatuses: [404],
	});
	return response.statusCode === 404 ? undefined : (response.body as IDataObject);
}
