import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ultraCartRequest } from '../transport';

/** The account's email lists; a failed request reaches the user instead of an empty list. */
export async function getEmailLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await ultraCartRequest<{ lists?: IDataObject[] }>(this, 0, {
		method: 'GET',
		path: '/customer/email_lists',
		safeToRepeat: true,
	});
	return (response.lists ?? [])
		.filter((list) => !list.deleted)
		.map((list) => ({
			name: String(list.name),
			value: String(list.email_list_uuid),
			description:
				list.member_count !== undefined ? `${String(list.member_count)} members` : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
