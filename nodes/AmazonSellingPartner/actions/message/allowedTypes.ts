import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared';
import { spApiRequest } from '../../transport';
import type { Order } from './fields';
import type { operations } from './Message.resource';
import { MESSAGE_TYPES, type MessageType } from './messageTypes';

/** Action names in Amazon's HAL answers and the node operations that send (or read) them. */
const OPERATION_OF_ACTION: Record<string, keyof typeof operations> = {
	...Object.fromEntries(MESSAGE_TYPES.map((type) => [type.action, type.operation])),
	attributes: 'getAttributes',
};

export interface MessagingAction {
	name: string;
	title?: string;
	operation?: string;
}

function nameFromHref(href: unknown): string | undefined {
	const text = Array.isArray(href) ? href[0] : href;
	if (typeof text !== 'string') return undefined;
	const path = text.replace(/\?.*$/, '').replace(/\/schema$/, '');
	const m = /\/messages\/([^/]+)$/.exec(path) ?? /\/orders\/[^/]+\/([^/]+)$/.exec(path);
	return m?.[1];
}

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
const asArray = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : value ? [asObject(value)] : [];

/**
 * Reads the message types from getMessagingActionsForOrder's HAL answer, leniently: the static sandbox sends
 * only `_links`, production also `_embedded` with each type's JSON schema (whose title names it), and one
 * recorded answer had `self.href` as an array.
 */
export function parseActions(body: IDataObject): MessagingAction[] {
	const found = new Map<string, MessagingAction>();
	const add = (name: string | undefined, title?: unknown) => {
		if (!name) return;
		const entry = found.get(name) ?? { name, operation: OPERATION_OF_ACTION[name] };
		if (typeof title === 'string' && title) entry.title = title;
		found.set(name, entry);
	};
	for (const link of asArray(asObject(body._links).actions))
		add(typeof link.name === 'string' ? link.name : nameFromHref(link.href));
	for (const action of asArray(asObject(body._embedded).actions)) {
		const links = asObject(action._links);
		const self = asObject(links.self);
		const schema = asObject(links.schema);
		const name =
			(typeof asObject(action.payload).name === 'string'
				? (asObject(action.payload).name as string)
				: undefined) ??
			(typeof self.name === 'string' ? self.name : undefined) ??
			(typeof schema.name === 'string' ? schema.name : undefined) ??
			nameFromHref(self.href) ??
			nameFromHref(schema.href);
		const title = asObject(asObject(asObject(action._embedded).schema).payload).title;
		add(name, title);
	}
	return [...found.values()].map((a) =>
		a.operation ? a : { name: a.name, ...(a.title ? { title: a.title } : {}) },
	);
}

/** getMessagingActionsForOrder: the message types Amazon lets the seller send for this order right now. */
export async function fetchAllowedTypes(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ amazonOrderId, marketplaceId }: Order,
) {
	const response = await spApiRequest(ctx, itemIndex, {
		method: 'GET',
		path: `/messaging/v1/orders/${pathSegment(ctx, itemIndex, 'Order ID', amazonOrderId)}`,
		qs: { marketplaceIds: marketplaceId },
		operation: 'getMessagingActionsForOrder',
		safeToRepeat: true,
	});
	return { body: response.body, actions: parseActions(response.body) };
}

/** Stops before any upload or send when the order does not allow this message type, naming the ones it allows. */
export async function assertOrderAllows(
	ctx: IExecuteFunctions,
	itemIndex: number,
	order: Order,
	type: MessageType,
): Promise<void> {
	const { actions } = await fetchAllowedTypes(ctx, itemIndex, order);
	const names = actions.map((a) => a.name);
	if (names.includes(type.action)) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Amazon does not allow the message type "${type.action}" for order ${order.amazonOrderId} right now`,
		{
			itemIndex,
			description: names.length
				? `The order allows: ${names.join(', ')}. Nothing was sent.`
				: 'The order allows no message types at the moment (for example because it is not yet shipped, or too old). Nothing was sent.',
		},
	);
}
