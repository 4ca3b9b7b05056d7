import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asyncAction'] } },
		options: [{ name: 'Get', value: 'get', description: 'Get the status and result of an import or bulk update', action: 'Get an async action' }],
		default: 'get',
	},
	...get.description,
];
