// Dates as the user means them. A date-time with an offset (or Z) is sent as written; one without an offset (what
// n8n's date picker gives) is wall-clock time in the workflow's time zone; a date alone is midnight there.
import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './validation';

export interface DateTimeOptions {
	/** Send UTC (`Z`) instead of the offset, for vendors that accept nothing else. */
	utc?: boolean;
}

/** Date, optional time (minutes or seconds, optional fraction), optional offset only after a time (Z, ±HH, ±HHMM, ±HH:MM). */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** Already RFC 3339: sent byte for byte. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

interface Parts {
	year: number;
	month: number;
	day: number;
	/** Undefined for a date alone. */
	time?: { hour: number; minute: number; second: number; fraction: string };
	/** Offset in minutes east of UTC, 'Z' for UTC, undefined for none. */
	offset?: number | 'Z';
	/** The offset as ±HH:MM: keeps "-00:00" (offset unknown) apart from Z. */
	offsetText?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parse(text: string): Parts | undefined {
	const m = DATE_TIME.exec(text);
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	const parts: Parts = { year, month, day };
	if (m[4] === undefined) return parts;
	const time = {
		hour: Number(m[4]),
		minute: Number(m[5]),
		second: Number(m[6] ?? 0),
		fraction: m[7] ?? '',
	};
	// 24:00 and leap seconds (23:59:60) are refused rather than guessed at
	if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
	parts.time = time;
	const zone = m[8];
	if (zone === undefined) return parts;
	if (zone.toUpperCase() === 'Z') {
		parts.offset = 'Z';
		return parts;
	}
	const digits = zone.slice(1).replace(':', '');
	const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || 0)];
	if (hours > 23 || minutes > 59) return undefined;
	parts.offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
	parts.offsetText = `${zone[0]}${pad(hours)}:${pad(minutes)}`;
	return parts;
}

/** Milliseconds of a wall-clock time read as if it were UTC (any year 0–9999, which Date.UTC does not map). */
function wallMs(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, 0);
	return date.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		// throws RangeError for an unknown zone; gregory is proleptic in V8, as ISO 8601 is
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			calendar: 'gregory',
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, format);
	}
	return format;
}

/** The zone's offset from UTC at an instant, in ms (to the second: historical offsets have seconds). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
	const seconds = instant - (((instant % 1000) + 1000) % 1000);
	const get: Record<string, string> = {};
	for (const part of formatter(timeZone).formatToParts(new Date(seconds)))
		get[part.type] = part.value;
	const year = get.era === 'BC' ? 1 - Number(get.year) : Number(get.year);
	return (
		wallMs(
			year,
			Number(get.month),
			Number(get.day),
			Number(get.hour),
			Number(get.minute),
			Number(get.second),
		) - seconds
	);
}

/**
 * The instant a wall-clock time names in a zone, as Temporal's default ("compatible") chooses: a time that happens
 * twice (clocks go back) is the earlier one; a time skipped (clocks go forward) moves forward by the gap, as in Luxon.
 */
function resolveWallTime(timeZone: string, wall: number): { instant: number; offset: number } {
	const day = 86_400_000;
	const before = zoneOffsetMs(timeZone, wall - day);
	const after = zoneOffsetMs(timeZone, wall + day);
	const valid = [...new Set([before, after])].filter(
		(offset) => zoneOffsetMs(timeZone, wall - offset) === offset,
	);
	if (valid.length) {
		const offset = Math.max(...valid);
		return { instant: wall - offset, offset };
	}
	// in the gap: the offset before the change gives the instant; the time is then read with the offset after it
	const instant = wall - before;
	return { instant, offset: zoneOffsetMs(timeZone, instant) };
}

function formatWall(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function formatOffset(offsetMs: number): string {
	const minutes = Math.abs(offsetMs) / 60_000;
	return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The text of a value n8n hands over: a string, a JS Date, or a Luxon DateTime (top-level parameters stay objects). */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	// toString tag, not instanceof: an expression's Date may come from another realm
	if (Object.prototype.toString.call(value) === '[object Date]') {
		const date = value as Date;
		return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		const iso = (value as { toISO(): string | null }).toISO();
		return typeof iso === 'string' ? iso : undefined;
	}
	return undefined;
}

/** Whether Intl knows the zone (n8n checks the setting, but a workflow imported from elsewhere may carry anything). */
export function knownTimeZone(timeZone: string): boolean {
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

/**
 * A date-time as RFC 3339, or undefined when the value is not a date. Offsets are kept as written; a time without one
 * is read in `timeZone` (an IANA name; undefined when the zone is unknown); a date alone is midnight there.
 */
export function toDateTime(
	value: unknown,
	timeZone: string,
	options: DateTimeOptions = {},
): string | undefined {
	const text = textOf(value);
	if (text === undefined) return undefined;
	const parts = parse(text);
	if (!parts) return undefined;
	const time = parts.time ?? { hour: 0, minute: 0, second: 0, fraction: '' };
	const wall = wallMs(parts.year, parts.month, parts.day, time.hour, time.minute, time.second);
	if (parts.offset !== undefined) {
		if (!options.utc)
			return RFC_3339.test(text)
				? text
				: `${formatWall(wall)}${time.fraction}${parts.offset === 'Z' ? 'Z' : parts.offsetText}`;
		const offsetMs = parts.offset === 'Z' ? 0 : parts.offset * 60_000;
		return `${formatWall(wall - offsetMs)}${time.fraction}Z`;
	}
	if (!knownTimeZone(timeZone)) return undefined;
	const resolved = resolveWallTime(timeZone, wall);
	// RFC 3339 offsets have no seconds (zones had them before ~1900): UTC says the same instant exactly
	if (options.utc || resolved.offset % 60_000 !== 0)
		return `${formatWall(resolved.instant)}${time.fraction}Z`;
	// "UTC" itself gets Z, as Luxon (and so n8n's $now) writes it
	const offset =
		resolved.offset === 0 && /^(utc|gmt)$/i.test(timeZone) ? 'Z' : formatOffset(resolved.offset);
	return `${formatWall(resolved.instant + resolved.offset)}${time.fraction}${offset}`;
}

/** A calendar date (YYYY-MM-DD), or undefined when the value is not a date. A date-time gives its own date, as written. */
export function toDate(value: unknown): string | undefined {
	const text = textOf(value);
	const parts = text === undefined ? undefined : parse(text);
	return parts ? `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}` : undefined;
}

/** Milliseconds since the epoch of an RFC 3339 date-time (as dateTimeParameter returns); NaN for anything else. */
export function dateInstant(text: string): number {
	const parts = parse(text);
	if (!parts?.time || parts.offset === undefined) return Number.NaN;
	const { time } = parts;
	const wall = wallMs(parts.year, parts.month, parts.day, time.hour, time.minute, time.second);
	// from the digits, not a float: 0.57 * 1000 is not 570
	const millis = Number(`${time.fraction.slice(1)}000`.slice(0, 3));
	return wall + millis - (parts.offset === 'Z' ? 0 : parts.offset * 60_000);
}

function shown(value: unknown): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else if (
		value &&
		typeof value === 'object' &&
		Object.prototype.toString.call(value) !== '[object Object]'
	)
		text = String(value);
	else text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** A date-time parameter as RFC 3339 (see toDateTime), read in the workflow's time zone; fails naming the parameter. */
export function dateTimeParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
	options: DateTimeOptions = {},
): string {
	const timeZone = ctx.getTimezone();
	const result = toDateTime(value, timeZone, options);
	if (result !== undefined) return result;
	// a date that only lacked a usable zone: say so rather than "not a date"
	if (!knownTimeZone(timeZone) && toDateTime(value, 'UTC', options) !== undefined) {
		invalidParameter(
			ctx,
			itemIndex,
			displayName,
			`has no time zone, and the workflow's time zone "${timeZone}" is unknown: add an offset such as +02:00`,
		);
	}
	invalidParameter(
		ctx,
		itemIndex,
		displayName,
		`is not a date: "${shown(value)}" — use a date like 2024-03-01T10:00:00+02:00`,
	);
}

/** A date parameter as YYYY-MM-DD (see toDate); fails naming the parameter. */
export function dateParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
): string {
	const result = toDate(value);
	if (result === undefined)
		invalidParameter(
			ctx,
			itemIndex,
			displayName,
			`is not a date: "${shown(value)}" — use a date like 2024-03-01`,
		);
	return result;
}
