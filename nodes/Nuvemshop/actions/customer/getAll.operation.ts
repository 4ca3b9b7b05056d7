import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collectPages, compact, isoDate, parseLinkHeader, readLimit, returnAllOrLimit } from '../../../shared';
import { nuvemshopRequest, nuvemshopResponseError } from '../../transport';
import { fieldsOption } from './shared';

const displayOptions = { show: { resource: ['customer'], operation: ['getAll'] } };
const MAX_PER_PAGE = 200;

const properties: INodeProperties[] = [
	...returnAllOrLimit(undefined),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created After', name: 'created_at_min', type: 'dateTime', default: '', description: 'Only customers created at or after this time' },
			{ displayName: 'Created Before', name: 'created_at_max', type: 'dateTime', default: '', description: 'Only customers created at or before this time' },
			{ displayName: 'Search Text', name: 'q', type: 'string', default: '', description: 'Customers whose name, email or identification contains this text' },
			{ displayName: 'Since ID', name: 'since_id', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Only customers with an ID greater than this one' },
			{ displayName: 'Updated After', name: 'updated_at_min', type: 'dateTime', default: '', description: 'Only customers changed at or after this time' },
			{ displayName: 'Updated Before', name: 'updated_at_max', type: 'dateTime', default: '', description: 'Only customers changed at or before this time' },
		],
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [fieldsOption] },
];

export const description = updateDisplayOptions(displayOptions, properties);

const DATE_FILTERS: Record<string, string> = {
	created_at_min: 'Created After',
	created_at_max: 'Created Before',
	updated_at_min: 'Updated After',
	updated_at_max: 'Updated Before',
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	for (const [name, label] of Object.entries(DATE_FILTERS)) {
		if (filters[name]) filters[name] = isoDate(this, itemIndex, label, filters[name]);
	}
	if (!filters.since_id) delete filters.since_id;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const perPage = Math.min(MAX_PER_PAGE, limit ?? MAX_PER_PAGE);
	const firstPage = { path: '/customers', qs: compact({ ...filters, fields: options.fields, page: 1, per_page: perPage }) as IDataObject | undefined };

	return await collectPages(
		firstPage,
		async (page) => {
			const response = await nuvemshopRequest(this, itemIndex, { method: 'GET', path: page.path, qs: page.qs, safeToRepeat: true, acceptStatuses: [404] });
			if (response.statusCode === 404) {
				// Nuvemshop answers a page past the end (and an empty list) with 404 "Last page is N": that is the end.
				if (/last page is/i.test(String((response.body as IDataObject | undefined)?.description ?? ''))) return { items: [] };
				throw await nuvemshopResponseError(this, itemIndex, 'GET', page.path, response);
			}
			const next = parseLinkHeader(response.headers.link).next;
			return { items: (response.body as IDataObject[]) ?? [], next: next ? { path: next, qs: undefined } : undefined };
		},
		limit,
	);
}
