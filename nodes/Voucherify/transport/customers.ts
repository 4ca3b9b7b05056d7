import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { collectPages, compact } from '../../shared';
import { voucherifyRequest, type VoucherifyContext } from './index';

const PAGE_SIZE = 100;
const LAST_PAGE = 99;

interface Cursor {
	page: number;
	startingAfter?: string;
}

/** GET /v1/customers with these filters, up to `limit` customers (all when undefined). */
export async function listCustomers(
	ctx: VoucherifyContext,
	itemIndex: number,
	filters: IDataObject,
	order: string,
	limit?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(PAGE_SIZE, limit ?? PAGE_SIZE);
	const seen = new Set<string>();
	// Pages 1–99 as Voucherify allows; past page 99 the starting_after cursor (creation time) continues.
	return await collectPages<Cursor>(
		{ page: 1 },
		async (cursor) => {
			// Pages are numbered in pages of `limit`: every page must ask for the same size, or page 2 of a
			// smaller last page would repeat customers already read. collectPages cuts the surplus.
			const qs = compact({
				...filters,
				order,
				limit: pageSize,
				page: cursor.page,
				starting_after: cursor.startingAfter,
			});
			const response = await voucherifyRequest<{ customers: IDataObject[]; has_more: boolean }>(
				ctx,
				itemIndex,
				{ method: 'GET', path: '/v1/customers', qs, safeToRepeat: true },
			);
			const items = (response.customers ?? []).filter(
				(c) => !seen.has(String(c.id)) && seen.add(String(c.id)),
			);
			if (!response.has_more || items.length === 0) return { items };
			if (cursor.page < LAST_PAGE)
				return { items, next: { page: cursor.page + 1, startingAfter: cursor.startingAfter } };
			if (order !== '' && order !== 'created_at' && order !== '-created_at') {
				throw new NodeOperationError(
					ctx.getNode(),
					`More than ${LAST_PAGE * pageSize} customers match: Voucherify pages stop at page ${LAST_PAGE}, and only an order by creation time can continue past it`,
					{ itemIndex, description: 'Set "Sort" to a Created At order, or narrow the filters.' },
				);
			}
			return {
				items,
				next: { page: 1, startingAfter: String(items[items.length - 1].created_at) },
			};
		},
		limit,
	);
}

/**
 * One of a customer's lists at `path` (activity, redeemables, deprecated activities), up to `limit` items (all when
 * undefined): `limit` up to 100 a page and the `starting_after_id` cursor, taken from `more_starting_after` or else
 * from the last item's id.
 */
export async function listCustomerItems(
	ctx: VoucherifyContext,
	itemIndex: number,
	path: string,
	query: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(PAGE_SIZE, limit ?? PAGE_SIZE);
	return await collectPages<string | null>(
		null,
		async (startingAfterId, remaining) => {
			const size = Math.min(pageSize, remaining ?? pageSize);
			const response = await voucherifyRequest<{
				data: IDataObject[];
				has_more?: boolean;
				more_starting_after?: string;
				total?: number;
			}>(ctx, itemIndex, {
				method: 'GET',
				path,
				qs: compact({ ...query, limit: size, starting_after_id: startingAfterId ?? undefined }),
				safeToRepeat: true,
			});
			const items = response.data ?? [];
			const more = response.has_more ?? items.length === size;
			const next =
				more && items.length
					? (response.more_starting_after ?? String(items[items.length - 1].id))
					: undefined;
			return { items, next };
		},
		limit,
	);
}
