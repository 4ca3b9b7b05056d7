import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { customerEventProperty, customerEventSubtitle, pollChanges } from '../shared';
import { authenticationProperty, credentials } from './authentication';
import { listCustomers } from './transport/customers';

export class NuvemshopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nuvemshop / Tiendanube Trigger',
		name: 'nuvemshopTrigger',
		icon: { light: 'file:nuvemshop.svg', dark: 'file:nuvemshop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: customerEventSubtitle,
		description:
			'Starts the workflow when a customer signs up or changes in a Nuvemshop or Tiendanube store',
		defaults: { name: 'Nuvemshop / Tiendanube Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [authenticationProperty, customerEventProperty],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watched =
			this.getNodeParameter('event') === 'customerCreated' ? 'created_at' : 'updated_at';
		return await pollChanges.call(this, {
			fetchChangedSince: async (since) =>
				await listCustomers(this, 0, { [`${watched}_min`]: since }),
			fetchSample: async (limit) => await listCustomers(this, 0, {}, limit),
			idOf: (customer: IDataObject) => String(customer.id),
			changedAtOf: (customer: IDataObject) => customer[watched] as string | undefined,
		});
	}
}
