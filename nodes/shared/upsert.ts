// Create or Update: what every provider's upsert says it did, and whether what the user set differs from what the
// vendor holds (only the fields the user set count; emails compare without case, dates as the instants they name).
import type { IDataObject } from 'n8n-workflow';

import { dateInstant, toDateTime } from './dates';

/** What a Create or Update did: `unchanged` means nothing the user set differed, so nothing was sent. */
export type UpsertAction = 'created' | 'updated' | 'unchanged';

/** The output item of a Create or Update: `action` first, then the record as the vendor holds it. */
export function upsertResult(action: UpsertAction, record: IDataObject): IDataObject {
	return Object.assign({ action }, record, { action });
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** The instant a date or date-time text names (a date alone is midnight UTC), or undefined when it is not one. */
function instantOf(text: string): number | undefined {
	const dateTime = toDateTime(text, 'UTC');
	if (dateTime === undefined) return undefined;
	const instant = dateInstant(dateTime);
	return Number.isNaN(instant) ? undefined : instant;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Whether the value the user set is what the vendor already holds. Objects compare only the keys the user set
 * (the vendor adds ids and timestamps of its own); lists compare item by item, in order; an email compares without
 * case or surrounding spaces; two dates or date-times compare as the instants they name; null or empty matches a
 * value the vendor does not hold. Anything else must be equal, type included.
 */
export function sameAsHeld(wanted: unknown, held: unknown, key = ''): boolean {
	if (isBlank(wanted)) return isBlank(held);
	if (Array.isArray(wanted))
		return (
			Array.isArray(held) &&
			held.length === wanted.length &&
			wanted.every((item, i) => sameAsHeld(item, held[i], key))
		);
	if (isObject(wanted))
		return isObject(held) && Object.entries(wanted).every(([k, v]) => sameAsHeld(v, held[k], k));
	if (typeof wanted === 'string' && typeof held === 'string') {
		if (wanted === held) return true;
		if (/e-?mail/i.test(key)) return wanted.trim().toLowerCase() === held.trim().toLowerCase();
		const [a, b] = [instantOf(wanted.trim()), instantOf(held.trim())];
		return a !== undefined && a === b;
	}
	return wanted === held;
}

/** The names of the fields the user set whose values differ from what the vendor holds (empty: unchanged). */
export function changedFields(wanted: IDataObject, held: IDataObject): string[] {
	return Object.keys(wanted).filter((key) => !sameAsHeld(wanted[key], held[key], key));
}
