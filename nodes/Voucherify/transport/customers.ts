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
export async function listCustomers(ctx: VoucherifyContext, itemIndex: number, filters: IDataObject, order: string, limit?: number): Promise<IDataObject[]> {
	const pageSize = Math.min(PAGE_SIZE, limit ?? PAGE_SIZE);
	const seen = new Set<string>();
	// Pages 1–99 as Voucherify allows; past page 99 the starting_after cursor (creation time) continues.
	return await collectPages<Cursor>(
		{ page: 1 },
		async (cursor) => {
			// Pages are numbered in pages of `limit`: every page must ask for the same size, or page 2 of a
			// smaller last page would repeat customers already read. collectPages cuts the surplus.
			const qs = compact({ ...filters, order, limit: pageSize, page: cursor.page, starting_after: cursor.startingAfter });
			const response = await voucherifyRequest<{ customers: IDataObject[]; has_more: boolean }>(ctx, itemIndex, { method: 'GET', path: '/v1/customers', qs, safeToRepeat: true });
			const items = (response.customers ?? []).filter((c) => !seen.has(String(c.id)) && seen.add(String(c.id)));
			if (!response.has_more || items.length === 0) return { items };
			if (cursor.page < LAST_PAGE) return { items, next: { page: cursor.page + 1, startingAfter: cursor.startingAfter } };
			if (order !== '' && order !== 'created_at' && order !== '-created_at') {
				throw new NodeOperationError(
					ctx.getNode(),
					`More than ${LAST_PAGE * pageSize} customers match: Voucherify pages stop at page ${LAST_PAGE}, and only an order by creation time can continue past it`,
					{ itemIndex, description: 'Set "Sort" to a Created At order, or narrow the filters.' },
				);
			}
			return { items, next: { page: 1, startingAfter: String(items[items.length - 1].created_at) } };
		},
		limit,
	);
}
