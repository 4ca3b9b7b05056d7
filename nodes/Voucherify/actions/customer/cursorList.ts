import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectPages, compact, pathSegment, readLimit, requiredPathId } from '../../../shared';
import { voucherifyRequest } from '../../transport';

/**
 * The per-customer lists (activity, redeemables, deprecated activities): `limit` up to 100 and the
 * `starting_after_id` cursor, taken from `more_starting_after` or else from the last item's id.
 */
export async function customerCursorList(ctx: IExecuteFunctions, itemIndex: number, resource: string, query: IDataObject): Promise<IDataObject[]> {
	const id = requiredPathId(ctx, 'customerId', itemIndex, 'Customer ID or Source ID');
	const limit = readLimit(ctx, itemIndex);
	const pageSize = Math.min(100, limit ?? 100);
	return await collectPages<string | null>(
		null,
		async (startingAfterId, remaining) => {
			const size = Math.min(pageSize, remaining ?? pageSize);
			const response = await voucherifyRequest<{ data: IDataObject[]; has_more?: boolean; more_starting_after?: string; total?: number }>(ctx, itemIndex, {
				method: 'GET',
				path: `/v1/customers/${pathSegment(ctx, itemIndex, 'Customer ID or Source ID', id)}/${resource}`,
				qs: compact({ ...query, limit: size, starting_after_id: startingAfterId ?? undefined }),
				safeToRepeat: true,
			});
			const items = response.data ?? [];
			const more = response.has_more ?? items.length === size;
			const next = more && items.length ? (response.more_starting_after ?? String(items[items.length - 1].id)) : undefined;
			return { items, next };
		},
		limit,
	);
}
