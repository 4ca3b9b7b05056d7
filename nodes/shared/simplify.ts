import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The node version from which read operations simplify their output unless told not to. */
export const SIMPLIFY_BY_DEFAULT_FROM = 1.1;

const SIMPLIFY_DESCRIPTION =
	'Whether to return a simplified version of the response instead of the raw data';

/**
 * The Simplify switch of a read operation, as n8n's own nodes have it: on for nodes added from version 1.1, off for
 * nodes saved with version 1, so the workflows built on the vendor's full object keep getting it.
 * `inVersion1: false` leaves version 1 without the switch, for an operation whose version-1 output already was the
 * simplified one (read it with `simplifyParameter(ctx, itemIndex, true)`).
 */
export function simplifyProperty({ inVersion1 = true } = {}): INodeProperties[] {
	const current: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: SIMPLIFY_DESCRIPTION,
		displayOptions: { show: { '@version': [{ _cnd: { gte: SIMPLIFY_BY_DEFAULT_FROM } }] } },
	};
	if (!inVersion1) return [current];
	const version1: INodeProperties = {
		...current,
		// version 1 keeps the full output its workflows were built on
		default: false,
		displayOptions: { show: { '@version': [{ _cnd: { lt: SIMPLIFY_BY_DEFAULT_FROM } }] } },
	};
	return [current, version1];
}

/** Shows fields only while Simplify is off (the parts of the full object to ask for, which Simplify chooses itself). */
export function onlyWithoutSimplify(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, simplify: [false] },
		},
	}));
}

/** Whether Simplify is on for this item; `withoutSwitch` where the operation (or its node version) has no switch. */
export function simplifyParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withoutSwitch = false,
): boolean {
	return ctx.getNodeParameter('simplify', itemIndex, withoutSwitch) === true;
}

/** The vendor's records, or each mapped to its simplified shape when Simplify is on for this item. */
export function simplifyOutput<T extends IDataObject | IDataObject[]>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	data: T,
	simplify: (record: IDataObject) => IDataObject,
): T {
	if (!simplifyParameter(ctx, itemIndex)) return data;
	return (Array.isArray(data) ? data.map(simplify) : simplify(data)) as T;
}

// Building blocks of the providers' simplify.ts: every key of a simplified shape is always there, null when empty,
// so all items of a node have the same columns (a sheet or CSV made of them needs no gaps filled).

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object field of a vendor record, or an empty one. */
export const objectAt = (value: unknown): IDataObject => (isObject(value) ? value : {});

/** A scalar as the vendor gave it; null for a missing or empty value (text of blanks included). */
export function valueOrNull(value: unknown): string | number | boolean | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value;
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	return null;
}

/** The entry of a list the vendor marks as default (`flag` true), else its first entry, else an empty object. */
export function defaultEntry(list: unknown, flag: string): IDataObject {
	const entries = Array.isArray(list) ? list.filter(isObject) : [];
	return entries.find((entry) => entry[flag] === true) ?? entries[0] ?? {};
}

/** `{ billingCity: …, billingState: … }` from one address: each output key gets the prefix, its value the vendor field. */
export function flatFields(
	prefix: string,
	source: IDataObject,
	fields: Record<string, string>,
): IDataObject {
	const out: IDataObject = {};
	for (const [key, vendorField] of Object.entries(fields)) {
		const name = prefix ? prefix + key[0].toUpperCase() + key.slice(1) : key;
		out[name] = valueOrNull(source[vendorField]);
	}
	return out;
}

/**
 * Custom fields as one object of key → value: from an object (kept as it is; PHP-style `[]` for none), or from a list
 * of `{ [keyField]: …, [valueField]: … }` entries.
 */
export function customFieldsObject(
	value: unknown,
	keyField = 'name',
	valueField = 'value',
): IDataObject {
	if (isObject(value)) return { ...value };
	if (!Array.isArray(value)) return {};
	const out: IDataObject = {};
	for (const entry of value)
		if (isObject(entry) && typeof entry[keyField] === 'string')
			out[entry[keyField] as string] = entry[valueField] ?? null;
	return out;
}
