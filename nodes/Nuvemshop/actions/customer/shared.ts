import type { INodeProperties } from 'n8n-workflow';

export function customerIdProperty(description: string): INodeProperties {
	return { displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '', placeholder: '123456', description };
}

export const fieldsOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'id,name,email',
	description: 'Comma-separated list of the customer fields to return; all when empty',
};
