import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationMenuEntry } from '../../../shared';
import { mwsRequest } from '../../transport';
import { toJson } from '../../transport/xml';

export const menu: OperationMenuEntry = {
	name: 'Get Status',
	description: 'Get the status of the Customer Information API',
	action: 'Get service status',
};

export const properties: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return toJson(await mwsRequest(this, itemIndex, 'GetServiceStatus')) as IDataObject;
}
