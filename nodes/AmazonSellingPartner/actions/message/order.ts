import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, requiredPathId, requiredString } from '../../../shared';
import { apiBaseUrl, checkMarketplaceRegion } from '../../transport';

/** Order ID and marketplace: every Messaging operation takes both. */
export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'amazonOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123-1234567-1234567',
		description: 'The Amazon order number, as shown in Seller Central (3-7-7 digits)',
		displayOptions: { show: { resource: ['message'] } },
	},
	{
		displayName: 'Marketplace Name or ID',
		name: 'marketplaceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMarketplaces' },
		required: true,
		default: '',
		description:
			'The marketplace where the order was placed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { resource: ['message'] } },
	},
];

export async function readOrder(ctx: IExecuteFunctions, itemIndex: number): Promise<{ amazonOrderId: string; marketplaceId: string }> {
	const amazonOrderId = requiredPathId(ctx, 'amazonOrderId', itemIndex, 'Order ID');
	const marketplaceId = requiredString(ctx, 'marketplaceId', itemIndex, 'Marketplace');
	// Messaging takes exactly one marketplace id (e.g. ATVPDKIKX0DER); a list or a name would be refused only after sending
	if (!/^[A-Z0-9]{9,15}$/.test(marketplaceId)) {
		invalidParameter(ctx, itemIndex, 'Marketplace', `must be one marketplace ID such as ATVPDKIKX0DER, not "${marketplaceId}"`);
	}
	const { region } = await apiBaseUrl(ctx);
	checkMarketplaceRegion(ctx, itemIndex, marketplaceId, region);
	return { amazonOrderId, marketplaceId };
}
