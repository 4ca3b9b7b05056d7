import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	changedFields,
	emailParameter,
	invalidParameter,
	pathSegment,
	requiredString,
	upsertResult,
	type OperationMenuEntry,
	type ParallelItems,
} from '../../../shared';
import { nuvemshopRequest } from '../../transport';
import { listCustomers } from '../../transport/customers';
import {
	customerBody,
	customerFieldsCollection,
	customerStructuredProperties,
	nameAndEmailProperties,
	signUpFields,
} from './fields';

export const menu: OperationMenuEntry = {
	name: 'Create or Update',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	action: 'Create or update a customer',
};

export const properties: INodeProperties[] = [
	...nameAndEmailProperties(
		'The customer is found by this email address: updated when the store has one with it (or left as it is when nothing you set differs), created otherwise',
	),
	customerFieldsCollection('additionalFields', 'Additional Fields', signUpFields(true)),
	...customerStructuredProperties,
];

/** The store's customers whose email is exactly this one (case aside), found through the search (`q`), every page. */
async function customersWithEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	email: string,
): Promise<IDataObject[]> {
	const found = await listCustomers(ctx, itemIndex, { q: email });
	const wanted = email.toLowerCase();
	return found.filter(
		(c) =>
			String(c.email ?? '')
				.trim()
				.toLowerCase() === wanted,
	);
}

/**
 * Searches the store for the email (`q`, then an exact match only): none means new (created, not repeated after an
 * unclear failure); one is updated by its ID, or left alone when it already holds every field the user set; more than
 * one is refused, naming them, rather than guessing which to change.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredString(this, 'name', itemIndex, 'Name');
	const email = emailParameter(this, 'email', itemIndex, 'Email');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = customerBody(this, itemIndex, { name, email, ...additional });
	const matches = await customersWithEmail(this, itemIndex, email);
	if (matches.length > 1)
		invalidParameter(
			this,
			itemIndex,
			'Email',
			`matches ${matches.length} customers of the store (IDs ${matches.map((c) => String(c.id)).join(', ')}): Create or Update does not guess which one to change. Merge them in Nuvemshop, or change one with Update and its Customer ID.`,
		);
	const [held] = matches;
	if (!held) {
		const created = await nuvemshopRequest(this, itemIndex, {
			method: 'POST',
			path: '/customers',
			body,
			safeToRepeat: false,
		});
		return upsertResult('created', created.body as IDataObject);
	}
	// a password cannot be read back and an invite is for new customers: both only go with a create
	const update = { ...body };
	delete update.password;
	delete update.send_email_invite;
	if (changedFields(update, held).length === 0) return upsertResult('unchanged', held);
	const updated = await nuvemshopRequest(this, itemIndex, {
		method: 'PUT',
		path: `/customers/${pathSegment(this, itemIndex, 'Customer ID', String(held.id))}`,
		body: update,
		safeToRepeat: true,
	});
	return upsertResult('updated', updated.body as IDataObject);
}

/** Items of the same email address (it reads, then writes) run one after another, in input order; others in parallel. */
export const parallel: ParallelItems = {
	recordKey: (ctx, itemIndex) => emailParameter(ctx, 'email', itemIndex, 'Email').toLowerCase(),
};
