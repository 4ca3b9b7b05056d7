import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { customerEventProperty, customerEventSubtitle, pollChanges } from '../shared';
import { credentials } from './authentication';
import { listCustomers } from './transport/customers';

export class VoucherifyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voucherify Trigger',
		name: 'voucherifyTrigger',
		icon: { light: 'file:voucherify.svg', dark: 'file:voucherify.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: customerEventSubtitle,
		description: 'Starts the workflow when a Voucherify customer is created or changes',
		defaults: { name: 'Voucherify Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [customerEventProperty],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const withUpdates = this.getNodeParameter('event') === 'customerCreatedOrUpdated';
		// Voucherify's [after] filters are strict: ask from 1 ms earlier; the shared loop drops what it already emitted
		const after = (since: string) => new Date(Date.parse(since) - 1).toISOString();
		const changedAt = (customer: IDataObject) =>
			(withUpdates ? (customer.updated_at ?? customer.created_at) : customer.created_at) as
				| string
				| undefined;
		return await pollChanges.call(this, {
			fetchChangedSince: async (since) => {
				const created = await listCustomers(
					this,
					0,
					{ 'created_at[after]': after(since) },
					'created_at',
				);
				if (!withUpdates) return created;
				// a customer never updated has no updated_at: new ones come from the first list, changed ones from this
				const updated = await listCustomers(
					this,
					0,
					{ 'updated_at[after]': after(since) },
					'created_at',
				);
				const byId = new Map(
					[...created, ...updated].map((customer) => [String(customer.id), customer]),
				);
				return [...byId.values()];
			},
			fetchSample: async (limit) =>
				await listCustomers(this, 0, {}, withUpdates ? '-updated_at' : '-created_at', limit),
			idOf: (customer) => String(customer.id),
			changedAtOf: changedAt,
		});
	}
}
