// Customer metadata checked against the project's metadata schema before anything is sent: each value typed as the
// schema defines its key (a Metadata entry's "12" is a number only where the key is one), then checked; a key the
// schema does not define is refused, naming it, unless the user allows such keys.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter, toDate, toDateTime } from '../../../shared';
import type { MetadataDefinition, MetadataSchema } from '../../transport/metadataSchemas';

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	date: 'a date (YYYY-MM-DD)',
	datetime: 'a date-time (ISO 8601)',
	object: 'an object',
	geopoint: 'a geopoint object',
	image_url: 'an image URL (http or https)',
};

/** The schema's type in words: "a number", "a list of text". */
export function describeDefinition(definition: MetadataDefinition): string {
	const one = TYPE_NAMES[definition.type] ?? definition.type;
	return definition.array ? `a list of ${one.replace(/^an? /, '')}` : one;
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether one value (not a list) has the schema's type. */
function hasType(type: string, value: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'date':
			return typeof value === 'string' && toDate(value) === value;
		case 'datetime':
			return (
				typeof value === 'string' && /T/i.test(value) && toDateTime(value, 'UTC') !== undefined
			);
		case 'object':
		case 'geopoint':
			return isObject(value);
		case 'image_url':
			return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value);
		default:
			// a type this node does not know yet: Voucherify judges it
			return true;
	}
}

/** What is wrong with a typed value for its definition, or undefined (null clears a key and is always allowed). */
export function metadataValueProblem(
	definition: MetadataDefinition,
	value: unknown,
): string | undefined {
	if (value === null) return undefined;
	const items = definition.array ? value : [value];
	if (!Array.isArray(items) || !items.every((item) => hasType(definition.type, item)))
		return `must be ${describeDefinition(definition)}`;
	const { eq } = definition;
	if (eq && !items.every((item) => eq.includes(item)))
		return `must be one of ${eq.map((v) => JSON.stringify(v)).join(', ')}`;
	return undefined;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A Metadata entry's value as the user means it, given its definition's type (values that cannot be are left to the check). */
function typedItem(ctx: IExecuteFunctions, type: string, value: unknown): unknown {
	const text = typeof value === 'string' ? value.trim() : undefined;
	switch (type) {
		case 'string':
		case 'image_url':
			return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
		case 'number':
			return text !== undefined && NUMBER.test(text) ? Number(text) : value;
		case 'boolean':
			return text !== undefined && /^(true|false)$/i.test(text)
				? text.toLowerCase() === 'true'
				: value;
		case 'date':
			return toDate(value) ?? value;
		case 'datetime':
			return toDateTime(value, ctx.getTimezone()) ?? value;
		case 'object':
		case 'geopoint':
			if (text?.startsWith('{')) {
				try {
					return JSON.parse(text) as unknown;
				} catch {
					return value;
				}
			}
			return value;
		default:
			return value;
	}
}

/** A Metadata entry's value typed by its definition: a list from a JSON array or comma-separated text; "null" clears. */
export function typedByDefinition(
	ctx: IExecuteFunctions,
	definition: MetadataDefinition,
	value: unknown,
): unknown {
	if (typeof value === 'string' && value.trim() === 'null') return null;
	if (!definition.array) return typedItem(ctx, definition.type, value);
	let items: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				items = JSON.parse(text) as unknown;
			} catch {
				return value;
			}
		} else
			items = text
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
	}
	return Array.isArray(items) ? items.map((item) => typedItem(ctx, definition.type, item)) : value;
}

const shown = (value: unknown) => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/**
 * Refuses, before sending, metadata the project's schema refuses: a value that does not have its key's type, and a
 * key the schema does not define unless `allowUnknown` (never when the schema allows only its own keys).
 */
export function checkMetadata(
	ctx: IExecuteFunctions,
	itemIndex: number,
	metadata: IDataObject,
	schema: MetadataSchema,
	allowUnknown: boolean,
): void {
	const unknown = Object.keys(metadata).filter((key) => !schema.properties[key]);
	if (unknown.length && (!allowUnknown || schema.allowDefinedOnly)) {
		const keys = unknown.map((k) => `"${k}"`).join(', ');
		const known = Object.keys(schema.properties).sort().join(', ') || 'none';
		invalidParameter(
			ctx,
			itemIndex,
			'Metadata',
			schema.allowDefinedOnly
				? `has ${unknown.length > 1 ? 'keys' : 'a key'} the project's customer metadata schema does not define: ${keys}, and the schema allows only its own keys, so Voucherify would refuse ${unknown.length > 1 ? 'them' : 'it'} (keys it defines: ${known})`
				: `has ${unknown.length > 1 ? 'keys' : 'a key'} the project's customer metadata schema does not define: ${keys} (keys it defines: ${known}); pick a key from the list, or turn on "Allow Keys Not in Schema" to send ${unknown.length > 1 ? 'them' : 'it'} anyway`,
		);
	}
	for (const [key, value] of Object.entries(metadata)) {
		const definition = schema.properties[key];
		if (!definition) continue;
		const problem = metadataValueProblem(definition, value);
		if (problem)
			invalidParameter(
				ctx,
				itemIndex,
				'Metadata',
				`has "${key}" = ${shown(value)}, but the project's metadata schema says "${key}" ${problem}`,
			);
	}
}
