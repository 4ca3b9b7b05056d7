import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyOutput, type OperationMenuEntry } from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';
import { expandProperty, expandQuery } from './fields';
import { simplifyCustomer, withSimplify } from './simplify';

export const menu: OperationMenuEntry = {
	name: 'Get',
	description: 'Get a customer by ID',
	action: 'Get a customer',
};

export const properties: INodeProperties[] = withSimplify([customerOidProperty, expandProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'GET',
		path: customerPath(this, itemIndex, customerOid(this, itemIndex)),
		qs: expandQuery(this, itemIndex),
		safeToRepeat: true,
	});
	return simplifyOutput(this, itemIndex, response.customer as IDataObject, simplifyCustomer);
}
