import type { IDataObject } from 'n8n-workflow';

/** Message types (action names in Amazon's HAL answers) and the node operations that send them. */
export const OPERATION_OF_ACTION: Record<string, string> = {
	confirmCustomizationDetails: 'sendConfirmCustomizationDetails',
	confirmDeliveryDetails: 'sendConfirmDeliveryDetails',
	confirmOrderDetails: 'sendConfirmOrderDetails',
	confirmServiceDetails: 'sendConfirmServiceDetails',
	digitalAccessKey: 'sendDigitalAccessKey',
	legalDisclosure: 'sendLegalDisclosure',
	unexpectedProblem: 'sendUnexpectedProblem',
	warranty: 'sendWarranty',
	invoice: 'sendInvoice',
	amazonMotors: 'sendAmazonMotors',
	negativeFeedbackRemoval: 'sendNegativeFeedbackRemoval',
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

const asObject = (value: unknown): IDataObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});
const asArray = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : value ? [asObject(value)] : []);

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
	for (const link of asArray(asObject(body._links).actions)) add(typeof link.name === 'string' ? link.name : nameFromHref(link.href));
	for (const action of asArray(asObject(body._embedded).actions)) {
		const links = asObject(action._links);
		const self = asObject(links.self);
		const schema = asObject(links.schema);
		const name =
			(typeof asObject(action.payload).name === 'string' ? (asObject(action.payload).name as string) : undefined) ??
			(typeof self.name === 'string' ? self.name : undefined) ??
			(typeof schema.name === 'string' ? schema.name : undefined) ??
			nameFromHref(self.href) ??
			nameFromHref(schema.href);
		const title = asObject(asObject(asObject(action._embedded).schema).payload).title;
		add(name, title);
	}
	return [...found.values()].map((a) => (a.operation ? a : { name: a.name, ...(a.title ? { title: a.title } : {}) }));
}
