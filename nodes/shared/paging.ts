import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One page: its items and the cursor of the next page, if any. */
export interface Page<TCursor> {
	items: IDataObject[];
	next?: TCursor;
}

/** A vendor sent a cursor it had sent before: following it would repeat pages forever. */
export class RepeatedCursorError extends Error {
	constructor(readonly itemsRead: number) {
		super(
			`The vendor sent the same page cursor twice; stopped after ${itemsRead} items instead of repeating pages forever. Try again, or narrow the filters.`,
		);
	}
}

/**
 * Collects pages until there is no next cursor or `limit` items are gathered.
 * Every provider's paging (offset, page and Link header, cursor, next token) is a cursor here;
 * `fetchPage` receives how many items are still wanted, so the last page can ask for fewer.
 * An empty page with a next cursor is followed (vendors may filter a page down to nothing);
 * a cursor seen before is an error rather than a silently shortened list.
 */
export async function collectPages<TCursor>(
	first: TCursor,
	fetchPage: (cursor: TCursor, remaining: number | undefined) => Promise<Page<TCursor>>,
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let cursor: TCursor | undefined = first;
	const seen = new Set<string>();
	while (cursor !== undefined) {
		const remaining = limit === undefined ? undefined : limit - results.length;
		if (remaining !== undefined && remaining <= 0) break;
		const key = JSON.stringify(cursor);
		if (seen.has(key)) throw new RepeatedCursorError(results.length);
		seen.add(key);
		const page = await fetchPage(cursor, remaining);
		results.push(...page.items);
		cursor = page.next;
	}
	return limit === undefined ? results : results.slice(0, limit);
}

/** Next offset for offset/limit paging: continue while the vendor says there is more, or the page was full. */
export function nextOffset(
	offset: number,
	pageSize: number,
	received: number,
	more?: boolean,
	vendorNext?: number,
): number | undefined {
	if (more === false || received === 0) return undefined;
	if (more === undefined && received < pageSize) return undefined;
	return vendorNext !== undefined && vendorNext > offset ? vendorNext : offset + received;
}

/** Parses an RFC 8288 Link header into rel → URL. */
export function parseLinkHeader(header: unknown): Record<string, string> {
	const text = Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '';
	const links: Record<string, string> = {};
	for (const part of text.split(/,(?=\s*<)/)) {
		const match = part.match(/<([^>]*)>\s*;(.*)/);
		if (!match) continue;
		const rel = match[2].match(/rel\s*=\s*"?([^";]+)"?/i);
		if (rel) for (const name of rel[1].trim().split(/\s+/)) links[name.toLowerCase()] = match[1];
	}
	return links;
}

/** Return All / Limit, as every Get Many offers them; `displayOptions` only for conditions beyond the operation's own. */
export function returnAllOrLimit(
	displayOptions?: INodeProperties['displayOptions'],
	maxLimit?: number,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			...(displayOptions ? { displayOptions } : {}),
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: {
				...displayOptions,
				show: { ...(displayOptions?.show ?? {}), returnAll: [false] },
			},
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** Reads Return All / Limit for one item: undefined means "everything". */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}
