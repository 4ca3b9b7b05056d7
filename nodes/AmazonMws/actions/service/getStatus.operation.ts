import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mwsRequest } from '../../transport';
import { toJson } from '../../transport/xml';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return toJson(await mwsRequest(this, itemIndex, 'GetServiceStatus')) as IDataObject;
}
