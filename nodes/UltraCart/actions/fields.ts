import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requiredInteger } from '../../shared';
import type { UltraCartContext } from '../transport';

/** Every resource acts on one customer, named by its customer_profile_oid. */
export const customerOidProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerProfileOid',
	type: 'string',
	required: true,
	default: '',
	placeholder: '12345',
	description: 'The customer_profile_oid of the customer',
};

export function customerOid(ctx: IExecuteFunctions, itemIndex: number): number {
	return requiredInteger(ctx, 'customerProfileOid', itemIndex, 'Customer ID');
}

export const customerPath = (ctx: UltraCartContext, itemIndex: number, oid: number) =>
	`/customer/customers/${pathSegment(ctx, itemIndex, 'Customer ID', oid)}`;
