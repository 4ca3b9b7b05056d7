import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	emailParameter,
	pathSegment,
	sameAsHeld,
	upsertResult,
	type OperationMenuEntry,
} from '../../../shared';
import { ultraCartRequest } from '../../transport';
import { customerPath } from '../fields';
import {
	customerChanges,
	customerFieldsCollection,
	customerJsonProperty,
	EXPANSIONS,
	expandProperty,
	expandQuery,
	listsToMerge,
	mergeIntoCurrent,
	propertiesProperty,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create or Update',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	action: 'Create or update a customer',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'The customer is found by this email address: updated when UltraCart has one with it (or left as it is when nothing you set differs), created otherwise',
	},
	customerFieldsCollection('additionalFields', 'Additional Fields'),
	propertiesProperty,
	customerJsonProperty,
	expandProperty,
];

const sortedText = (list: unknown, field: string) =>
	(Array.isArray(list) ? (list as IDataObject[]) : []).map((entry) => String(entry[field])).sort();

/** The default address of a list, as UltraCart marks it (else its first). */
const defaultAddress = (list: unknown, kind: 'billing' | 'shipping') => {
	const addresses = Array.isArray(list) ? (list as IDataObject[]) : [];
	return addresses.find((a) => a[`default_${kind}`] === true) ?? addresses[0];
};

/** Whether one field the user set (from the node's fields) is what UltraCart holds, compared as UltraCart keeps it. */
function fieldHeld(key: string, wanted: unknown, held: IDataObject): boolean {
	switch (key) {
		case 'billing':
		case 'shipping': {
			const fields = { ...(wanted as IDataObject[])[0] };
			delete fields[`default_${key}`];
			return sameAsHeld(fields, defaultAddress(held[key], key));
		}
		case 'tags':
			return sameAsHeld(sortedText(wanted, 'tag_value'), sortedText(held.tags, 'tag_value'));
		case 'pricing_tiers':
			return sameAsHeld(sortedText(wanted, 'name'), sortedText(held.pricing_tiers, 'name'));
		case 'properties':
			return (wanted as IDataObject[]).every((property) =>
				sameAsHeld(
					property,
					((held.properties as IDataObject[] | undefined) ?? []).find(
						(p) => p.name === property.name,
					),
				),
			);
		default:
			return sameAsHeld(wanted, held[key], key);
	}
}

/**
 * Looks the customer up by email (GET by_email; 404 means new), with the parts the comparison needs. An existing
 * customer that already holds every field the user set is left alone; otherwise it is updated by its oid (lists merged
 * into its own, as Update does). A new one is created (not repeated after an unclear failure).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const { fromFields, fromJson, changes } = customerChanges(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		email,
	});
	const asked = expandQuery(this, itemIndex);
	const shownParts = String(asked._expand ?? '')
		.split(',')
		.filter(Boolean);
	const neededParts = Object.keys(changes).filter((key) => EXPANSIONS.includes(key));
	const lookupParts = [...new Set([...shownParts, ...neededParts])];
	const found = await ultraCartRequest<{ customer?: IDataObject | null; success?: boolean }>(
		this,
		itemIndex,
		{
			method: 'GET',
			path: `/customer/customers/by_email/${pathSegment(this, itemIndex, 'Email', email)}`,
			qs: lookupParts.length ? { _expand: lookupParts.join(',') } : undefined,
			safeToRepeat: true,
			acceptStatuses: [404],
		},
	);
	const held = found.success === false ? undefined : (found.customer ?? undefined);

	if (!held) {
		const created = await ultraCartRequest(this, itemIndex, {
			method: 'POST',
			path: '/customer/customers',
			qs: asked,
			body: changes,
			safeToRepeat: false,
		});
		return upsertResult('created', created.customer as IDataObject);
	}

	// the password cannot be read back, so it is set only when the customer is created
	const update = { ...changes };
	delete update.password;
	const same = Object.entries(update).every(([key, value]) =>
		key in fromJson ? sameAsHeld(value, held[key], key) : fieldHeld(key, value, held),
	);
	if (same) {
		const shown = Object.fromEntries(
			Object.entries(held).filter(([key]) => !EXPANSIONS.includes(key) || shownParts.includes(key)),
		);
		return upsertResult('unchanged', shown);
	}
	mergeIntoCurrent(update, held, listsToMerge(fromFields, fromJson));
	const oid = Number(held.customer_profile_oid);
	const updated = await ultraCartRequest(this, itemIndex, {
		method: 'PUT',
		path: customerPath(this, itemIndex, oid),
		qs: asked,
		body: { ...update, customer_profile_oid: oid },
		safeToRepeat: true,
	});
	return upsertResult('updated', updated.customer as IDataObject);
}
