import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collectPages, compact, isoDate, readLimit, returnAllOrLimit } from '../../../shared';
import { voucherifyRequest } from '../../transport';

const displayOptions = { show: { resource: ['customer'], operation: ['getAll'] } };
const PAGE_SIZE = 100;
const LAST_PAGE = 99;

const properties: INodeProperties[] = [
	...returnAllOrLimit(undefined),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{ displayName: 'Created After', name: 'created_at[after]', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'created_at[before]', type: 'dateTime', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Segment ID', name: 'segment_id', type: 'string', default: '', placeholder: 'seg_…' },
			{ displayName: 'Updated After', name: 'updated_at[after]', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updated_at[before]', type: 'dateTime', default: '' },
		],
	},
	{
		displayName: 'Sort',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Created At, Newest First', value: '-created_at' },
			{ name: 'Created At, Oldest First', value: 'created_at' },
			{ name: 'Default (Newest First)', value: '' },
			{ name: 'Source ID, A to Z', value: 'source_id' },
			{ name: 'Source ID, Z to A', value: '-source_id' },
			{ name: 'Updated At, Newest First', value: '-updated_at' },
			{ name: 'Updated At, Oldest First', value: 'updated_at' },
		],
		default: '',
		description: 'More than 9,900 customers can only be read in an order by creation time',
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

const DATE_FILTERS: Record<string, string> = {
	'created_at[after]': 'Created After',
	'created_at[before]': 'Created Before',
	'updated_at[after]': 'Updated After',
	'updated_at[before]': 'Updated Before',
};

interface Cursor {
	page: number;
	startingAfter?: string;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	for (const [name, label] of Object.entries(DATE_FILTERS)) if (filters[name]) filters[name] = isoDate(this, itemIndex, label, filters[name]);
	const order = this.getNodeParameter('order', itemIndex, '') as string;
	const pageSize = Math.min(PAGE_SIZE, limit ?? PAGE_SIZE);
	const seen = new Set<string>();

	// Pages 1–99 as Voucherify allows; past page 99 the starting_after cursor (creation time) continues.
	return await collectPages<Cursor>(
		{ page: 1 },
		async (cursor, remaining) => {
			const size = Math.min(pageSize, remaining ?? pageSize);
			const qs = compact({ ...filters, order, limit: size, page: cursor.page, starting_after: cursor.startingAfter });
			const response = await voucherifyRequest<{ customers: IDataObject[]; has_more: boolean }>(this, itemIndex, { method: 'GET', path: '/v1/customers', qs, safeToRepeat: true });
			const items = (response.customers ?? []).filter((c) => !seen.has(String(c.id)) && seen.add(String(c.id)));
			if (!response.has_more || items.length === 0) return { items };
			if (cursor.page < LAST_PAGE) return { items, next: { page: cursor.page + 1, startingAfter: cursor.startingAfter } };
			if (order !== '' && order !== 'created_at' && order !== '-created_at') {
				throw new NodeOperationError(
					this.getNode(),
					`More than ${LAST_PAGE * size} customers match: Voucherify pages stop at page ${LAST_PAGE}, and only an order by creation time can continue past it`,
					{ itemIndex, description: 'Set "Sort" to a Created At order, or narrow the filters.' },
				);
			}
			return { items, next: { page: 1, startingAfter: String(items[items.length - 1].created_at) } };
		},
		limit,
	);
}
