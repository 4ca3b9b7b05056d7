import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertEmail,
	invalidParameter,
	jsonObjectParameter,
	type OperationMenuEntry,
} from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerOid, customerOidProperty, customerPath } from '../fields';
import {
	customerFieldsCollection,
	customerFromFields,
	customerJsonProperty,
	expandProperty,
	expandQuery,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Update',
	description: 'Update a customer',
	action: 'Update a customer',
};

export const properties: INodeProperties[] = [
	customerOidProperty,
	customerFieldsCollection('updateFields', 'Update Fields'),
	customerJsonProperty,
	expandProperty,
];

type AddressList = 'billing' | 'shipping';

/**
 * UltraCart replaces a customer's address list with the one sent, so changing one billing field must not
 * send a new one-field address: the changed fields go into the customer's current default address
 * (by its oid), and every other address is sent back as it was.
 */
async function mergeIntoCurrentAddresses(
	ctx: IExecuteFunctions,
	itemIndex: number,
	oid: number,
	changes: IDataObject,
	lists: AddressList[],
): Promise<void> {
	if (lists.length === 0) return;
	const current = await ultraCartRequest<{ customer?: IDataObject }>(ctx, itemIndex, {
		method: 'GET',
		path: customerPath(ctx, itemIndex, oid),
		qs: { _expand: lists.join(',') },
		safeToRepeat: true,
	});
	for (const list of lists) {
		const addresses = (current.customer?.[list] as IDataObject[] | undefined) ?? [];
		const [changed] = changes[list] as IDataObject[];
		const defaultIndex = Math.max(
			0,
			addresses.findIndex((address) => address[`default_${list}`] === true),
		);
		changes[list] = addresses.length
			? addresses.map((address, i) => (i === defaultIndex ? { ...address, ...changed } : address))
			: [changed];
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const oid = customerOid(this, itemIndex);
	const fields = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	if (fields.email !== undefined && fields.email !== '')
		fields.email = assertEmail(this, itemIndex, 'Email', fields.email);
	const fromFields = customerFromFields(fields);
	const fromJson = jsonObjectParameter(this, 'customerJson', itemIndex, 'Customer JSON');
	const changes = { ...fromFields, ...fromJson };
	if (Object.keys(changes).length === 0)
		invalidParameter(
			this,
			itemIndex,
			'Update Fields',
			'is empty: add at least one field to change',
		);
	const addressLists = (['billing', 'shipping'] as const).filter(
		(list) => fromFields[list] !== undefined && fromJson[list] === undefined,
	);
	await mergeIntoCurrentAddresses(this, itemIndex, oid, changes, addressLists);
	const response = await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path: customerPath(this, itemIndex, oid),
		qs: expandQuery(this, itemIndex),
		body: { ...changes, customer_profile_oid: oid },
		safeToRepeat: true,
	});
	return response.customer as IDataObject;
}
