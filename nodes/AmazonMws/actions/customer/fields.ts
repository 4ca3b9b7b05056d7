import type { INodeProperties } from 'n8n-workflow';

/** The marketplace filter of the customer reads: optional, as MWS makes it. */
export const marketplaceIdProperty: INodeProperties = {
	displayName: 'Marketplace ID',
	name: 'marketplaceId',
	type: 'string',
	default: '',
	placeholder: 'ATVPDKIKX0DER',
	description: 'Only customers of this marketplace; all when empty',
};
