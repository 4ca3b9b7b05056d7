import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { customerEventProperty, customerEventSubtitle, pollChanges } from '../shared';
import { expandProperty } from './actions/customer/fields';
import { authenticationProperty, credentials } from './authentication';
import { pageCustomers } from './transport/paging';

/** The customer field each event watches, and the filter that asks UltraCart for it. */
const EVENTS = {
	customerCreated: { field: 'signup_dts', filter: 'signup_dts_start' },
	customerCreatedOrUpdated: { field: 'last_modified_dts', filter: 'last_modified_dts_start' },
} as const;

export class UltraCartTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UltraCart Trigger',
		name: 'ultraCartTrigger',
		icon: { light: 'file:ultracart.svg', dark: 'file:ultracart.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: customerEventSubtitle,
		description: 'Starts the workflow when an UltraCart customer signs up or changes',
		defaults: { name: 'UltraCart Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [authenticationProperty, customerEventProperty, expandProperty],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = EVENTS[this.getNodeParameter('event') as keyof typeof EVENTS];
		const expand = this.getNodeParameter('expand', []) as string[];
		const shared = expand.length ? { _expand: expand.join(',') } : {};
		const list = async (qs: IDataObject, limit?: number) =>
			await pageCustomers(
				this,
				0,
				{ method: 'GET', path: '/customer/customers', qs: { ...shared, ...qs } },
				limit,
			);
		return await pollChanges.call(this, {
			fetchChangedSince: async (since) => await list({ [event.filter]: since }),
			fetchSample: async (limit) => await list({ _sort: `-${event.field}` }, limit),
			idOf: (customer) => String(customer.customer_profile_oid),
			changedAtOf: (customer) => customer[event.field] as string | undefined,
		});
	}
}
