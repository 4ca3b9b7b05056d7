import type { IDataObject } from 'n8n-workflow';

import { collectPages, nextOffset } from '../../shared';
import { ultraCartRequest, type UltraCartContext } from './index';

const PAGE_SIZE = 200;

interface CustomersPage {
	customers?: IDataObject[];
	metadata?: { result_set?: { more?: boolean; next_offset?: number } };
}

export interface CustomerListing {
	method: 'GET' | 'POST';
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	plainJson?: boolean;
}

/** Offset paging by `_limit` (max 200) and `_offset`, following `metadata.result_set.more` and `next_offset`. */
export async function pageCustomers(
	ctx: UltraCartContext,
	itemIndex: number,
	request: CustomerListing,
	limit?: number,
): Promise<IDataObject[]> {
	return await collectPages(
		0,
		async (offset, remaining) => {
			const size = Math.min(PAGE_SIZE, remaining ?? PAGE_SIZE);
			const page = await ultraCartRequest<CustomersPage>(ctx, itemIndex, {
				method: request.method,
				path: request.path,
				qs: { ...request.qs, _limit: size, _offset: offset },
				body: request.body,
				plainJson: request.plainJson,
				safeToRepeat: true,
			});
			const items = page.customers ?? [];
			const resultSet = page.metadata?.result_set;
			return {
				items,
				next: nextOffset(offset, size, items.length, resultSet?.more, resultSet?.next_offset),
			};
		},
		limit,
	);
}
