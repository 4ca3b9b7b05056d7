// Dates as the user means them (nodes/shared/dates.ts): the pure conversions, then the parameter helpers' errors.
import { DateTime } from 'luxon';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import {
	dateInstant,
	dateParameter,
	dateTimeParameter,
	knownTimeZone,
	toDate,
	toDateTime,
	zoneOffsetMs,
} from '../../nodes/shared';

describe('toDateTime: a date-time with an offset is sent as written', () => {
	test.each([
		['the Amazon sandbox case', '2004-12-13T21:39:45.618-08:00'],
		['Z', '2024-03-01T10:00:00Z'],
		['Z with milliseconds', '2024-03-01T10:00:00.000Z'],
		['nanoseconds', '2024-03-01T10:00:00.123456789+01:00'],
		['a half-hour offset', '2024-03-01T10:00:00+05:30'],
		['a 45-minute offset', '2024-03-01T10:00:00+05:45'],
		['-00:00 (offset unknown), kept', '2024-03-01T10:00:00-00:00'],
		['an offset other than the workflow zone', '2024-07-15T09:30:00-03:00'],
	])('%s: %s', (_name, value) => {
		expect(toDateTime(value, 'Europe/Berlin')).toBe(value);
	});

	test.each([
		['surrounding spaces are dropped', ' 2024-03-01T10:00:00Z ', '2024-03-01T10:00:00Z'],
		['lower-case t and z', '2024-03-01t10:00:00z', '2024-03-01T10:00:00Z'],
		['a space for T', '2024-03-01 10:00:00+02:00', '2024-03-01T10:00:00+02:00'],
		['minutes only', '2024-03-01T10:00+02:00', '2024-03-01T10:00:00+02:00'],
		[
			'an offset without a colon (as Nuvemshop writes it)',
			'2013-09-05T17:59:19+0000',
			'2013-09-05T17:59:19+00:00',
		],
		['an offset in hours only', '2024-03-01 10:00:00-03', '2024-03-01T10:00:00-03:00'],
	])('ISO 8601 variants become RFC 3339, same instant: %s', (_name, value, sent) => {
		expect(toDateTime(value, 'Europe/Berlin')).toBe(sent);
	});
});

describe('toDateTime: no offset means wall-clock time in the workflow time zone', () => {
	test.each([
		['Asia/Kolkata (+05:30)', '2024-03-01T10:00:00', 'Asia/Kolkata', '2024-03-01T10:00:00+05:30'],
		[
			'Asia/Kathmandu (+05:45)',
			'2024-03-01T10:00:00',
			'Asia/Kathmandu',
			'2024-03-01T10:00:00+05:45',
		],
		[
			'America/Sao_Paulo (-03:00), minutes only',
			'2024-03-01 10:00',
			'America/Sao_Paulo',
			'2024-03-01T10:00:00-03:00',
		],
		[
			'the fraction is kept',
			'2024-03-01T10:00:00.5',
			'America/Sao_Paulo',
			'2024-03-01T10:00:00.5-03:00',
		],
		[
			'Europe/Berlin in winter',
			'2024-01-15T09:30:00',
			'Europe/Berlin',
			'2024-01-15T09:30:00+01:00',
		],
		[
			'Europe/Berlin in summer (DST)',
			'2024-07-15T09:30:00',
			'Europe/Berlin',
			'2024-07-15T09:30:00+02:00',
		],
		[
			'Europe/Berlin, the day clocks go forward, after the change',
			'2024-03-31T12:00:00',
			'Europe/Berlin',
			'2024-03-31T12:00:00+02:00',
		],
		[
			'Europe/Berlin, the day clocks go back, before the change',
			'2024-10-27T00:30:00',
			'Europe/Berlin',
			'2024-10-27T00:30:00+02:00',
		],
		[
			'Australia/Sydney in January (southern summer)',
			'2024-01-15T09:30:00',
			'Australia/Sydney',
			'2024-01-15T09:30:00+11:00',
		],
		[
			'Australia/Sydney in July',
			'2024-07-15T09:30:00',
			'Australia/Sydney',
			'2024-07-15T09:30:00+10:00',
		],
		[
			'America/New_York in summer',
			'2024-07-04T12:00:00',
			'America/New_York',
			'2024-07-04T12:00:00-04:00',
		],
		[
			'Pacific/Chatham (+13:45 in summer)',
			'2024-01-15T09:30:00',
			'Pacific/Chatham',
			'2024-01-15T09:30:00+13:45',
		],
		['UTC gets Z, as Luxon writes it', '2024-03-01T10:00:00', 'UTC', '2024-03-01T10:00:00Z'],
		['Etc/UTC gets +00:00', '2024-03-01T10:00:00', 'Etc/UTC', '2024-03-01T10:00:00+00:00'],
		[
			'Europe/London in winter gets +00:00',
			'2024-01-15T10:00:00',
			'Europe/London',
			'2024-01-15T10:00:00+00:00',
		],
	])('%s', (_name, value, zone, sent) => {
		expect(toDateTime(value, zone)).toBe(sent);
	});

	test('a time that does not exist (clocks go forward) moves forward by the gap, as Temporal and Luxon do', () => {
		expect(toDateTime('2024-03-31T02:30:00', 'Europe/Berlin')).toBe('2024-03-31T03:30:00+02:00');
		expect(toDateTime('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T03:30:00-04:00');
	});

	test("a time that happens twice (clocks go back) is the first one, as Temporal's default", () => {
		expect(toDateTime('2024-10-27T02:30:00', 'Europe/Berlin')).toBe('2024-10-27T02:30:00+02:00');
		expect(toDateTime('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T01:30:00-04:00');
	});

	test('a zone offset with seconds (local mean time before ~1914) is sent as the same instant in UTC', () => {
		// São Paulo was -03:06:28 then; RFC 3339 offsets have no seconds
		expect(toDateTime('1900-01-01T00:00:00', 'America/Sao_Paulo')).toBe('1900-01-01T03:06:28Z');
	});

	test.each([
		['America/Sao_Paulo', '2024-03-01T00:00:00-03:00'],
		['Asia/Kolkata', '2024-03-01T00:00:00+05:30'],
		['Europe/Berlin', '2024-03-01T00:00:00+01:00'],
	])('a date alone is midnight in %s', (zone, sent) => {
		expect(toDateTime('2024-03-01', zone)).toBe(sent);
	});

	test('an unknown time zone gives nothing, only when a zone is needed', () => {
		expect(knownTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(knownTimeZone('America/Sao_Paulo')).toBe(true);
		expect(toDateTime('2024-03-01T10:00:00', 'Mars/Olympus_Mons')).toBeUndefined();
		// with an offset the zone is not needed
		expect(toDateTime('2024-03-01T10:00:00Z', 'Mars/Olympus_Mons')).toBe('2024-03-01T10:00:00Z');
	});
});

describe('toDateTime: what n8n expressions give', () => {
	test('a Luxon DateTime keeps its own zone and offset', () => {
		expect(
			toDateTime(DateTime.fromISO('2024-03-01T10:00:00', { zone: 'Asia/Tokyo' }), 'Europe/Berlin'),
		).toBe('2024-03-01T10:00:00.000+09:00');
		expect(
			toDateTime(DateTime.fromISO('2024-07-15T09:30:00', { zone: 'Europe/Berlin' }), 'UTC'),
		).toBe('2024-07-15T09:30:00.000+02:00');
	});

	test('a JS Date is its UTC time', () => {
		expect(toDateTime(new Date(Date.UTC(2024, 2, 1, 10)), 'Asia/Kolkata')).toBe(
			'2024-03-01T10:00:00.000Z',
		);
	});

	test.each([
		['an invalid DateTime', DateTime.fromISO('soon')],
		['an invalid Date', new Date('soon')],
		['a number', 1709287200000],
		['an object', { date: '2024-03-01' }],
		['null', null],
		['undefined', undefined],
	])('%s is not a date', (_name, value) => {
		expect(toDateTime(value, 'UTC')).toBeUndefined();
	});
});

describe('toDateTime: what is not a date', () => {
	test.each([
		['garbage', 'soon'],
		['empty', ''],
		['blank', '   '],
		['February 30th', '2024-02-30T10:00:00'],
		['February 29th of a common year', '2023-02-29'],
		['month 13', '2024-13-01'],
		['day 0', '2024-03-00'],
		['hour 24', '2024-03-01T24:00:00Z'],
		['minute 60', '2024-03-01T10:60:00Z'],
		['a leap second', '2024-03-01T23:59:60Z'],
		['an hour alone', '2024-03-01T10'],
		['an offset without a time', '2024-03-01+02:00'],
		['Z without a time', '2024-03-01Z'],
		['an offset of 24 hours', '2024-03-01T10:00:00+24:00'],
		['offset minutes over 59', '2024-03-01T10:00:00+05:60'],
		['a fraction without seconds', '2024-03-01T10:00.5Z'],
		['one-digit month', '2024-3-01'],
		['basic format', '20240301T100000Z'],
		['a five-digit year', '+012024-03-01T10:00:00Z'],
		['US format', '03/01/2024'],
		['an expression left as text', '[DateTime: 2024-03-01]'],
	])('%s: %s', (_name, value) => {
		expect(toDateTime(value, 'Europe/Berlin')).toBeUndefined();
	});
});

test('the utc option converts to Z, keeping the fraction as written', () => {
	expect(toDateTime('2024-03-01T10:00:00.123456+05:30', 'UTC', { utc: true })).toBe(
		'2024-03-01T04:30:00.123456Z',
	);
	expect(toDateTime('2024-07-15T09:30:00', 'Europe/Berlin', { utc: true })).toBe(
		'2024-07-15T07:30:00Z',
	);
	expect(toDateTime('2024-03-01', 'Asia/Kolkata', { utc: true })).toBe('2024-02-29T18:30:00Z');
	expect(toDateTime('2024-03-01T00:30:00+01:00', 'UTC', { utc: true })).toBe(
		'2024-02-29T23:30:00Z',
	);
});

describe('toDate: a calendar date, as written', () => {
	test.each([
		['a date', '1990-07-03', '1990-07-03'],
		[
			"a date-time with an offset gives its own date, not UTC's",
			'1990-07-03T23:30:00-05:00',
			'1990-07-03',
		],
		['a date-time without offset gives its date', '1990-07-03T00:00:00', '1990-07-03'],
		['a UTC date-time gives its date', '1815-12-10T00:00:00.000Z', '1815-12-10'],
		['February 29th of a leap year', '2024-02-29', '2024-02-29'],
	])('%s', (_name, value, sent) => {
		expect(toDate(value)).toBe(sent);
	});

	test('a Luxon DateTime gives its own date; a JS Date its UTC date', () => {
		expect(toDate(DateTime.fromISO('1990-07-03T23:30:00', { zone: 'America/Los_Angeles' }))).toBe(
			'1990-07-03',
		);
		expect(toDate(new Date(Date.UTC(1990, 6, 3, 23, 30)))).toBe('1990-07-03');
	});

	test.each(['soon', '1990-02-30', '1990-07-03+02:00', '1990-07-03T25:00:00', '07/03/1990', ''])(
		'%s is not a date',
		(value) => {
			expect(toDate(value)).toBeUndefined();
		},
	);
});

test('dateInstant: the instant of an RFC 3339 date-time, offsets applied', () => {
	expect(dateInstant('2004-12-13T21:39:45.618-08:00')).toBe(Date.UTC(2004, 11, 14, 5, 39, 45, 618));
	expect(dateInstant('2024-03-01T10:00:00.57Z')).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 570));
	expect(dateInstant('2024-03-01T10:00:00.123456789+05:30')).toBe(
		Date.UTC(2024, 2, 1, 4, 30, 0, 123),
	);
	expect(dateInstant('2027-01-01T10:00:00+05:00')).toBeLessThan(
		dateInstant('2027-01-01T08:00:00+02:00'),
	);
	expect(dateInstant('2024-03-01T10:00:00')).toBeNaN();
	expect(dateInstant('soon')).toBeNaN();
});

test('zoneOffsetMs: the zone offset at an instant, DST included', () => {
	expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 0, 15))).toBe(3_600_000);
	expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 6, 15))).toBe(7_200_000);
	// the change itself: 01:00Z on 2024-03-31
	expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 2, 31, 0, 59, 59))).toBe(3_600_000);
	expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 2, 31, 1))).toBe(7_200_000);
	expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2024, 2, 1, 12, 0, 0, 500))).toBe(19_800_000);
	expect(zoneOffsetMs('America/Sao_Paulo', Date.UTC(2024, 2, 1))).toBe(-10_800_000);
});

describe('the parameter helpers fail naming the parameter', () => {
	const ctx = (timezone: string) =>
		({
			getNode: () => ({ name: 'Node', type: 'test', typeVersion: 1, parameters: {} }),
			getTimezone: () => timezone,
		}) as unknown as IExecuteFunctions;

	test('dateTimeParameter reads the workflow time zone', () => {
		expect(dateTimeParameter(ctx('Asia/Kolkata'), 0, 'Start Date', '2024-03-01T10:00:00')).toBe(
			'2024-03-01T10:00:00+05:30',
		);
		expect(
			dateTimeParameter(ctx('Asia/Kolkata'), 0, 'Start Date', '2024-03-01T10:00:00', { utc: true }),
		).toBe('2024-03-01T04:30:00Z');
	});

	test('dateTimeParameter: not a date', () => {
		const call = () => dateTimeParameter(ctx('UTC'), 2, 'Coverage Start Date', 'soon');
		expect(call).toThrow(NodeOperationError);
		expect(call).toThrow(
			'Parameter "Coverage Start Date" is not a date: "soon" — use a date like 2024-03-01T10:00:00+02:00',
		);
	});

	test('dateTimeParameter: an object is shown as JSON, a long value cut short', () => {
		expect(() => dateTimeParameter(ctx('UTC'), 0, 'From', { at: 1 })).toThrow(
			'Parameter "From" is not a date: "{"at":1}"',
		);
		expect(() => dateTimeParameter(ctx('UTC'), 0, 'From', 'x'.repeat(200))).toThrow(
			`Parameter "From" is not a date: "${'x'.repeat(80)}…"`,
		);
	});

	test('dateTimeParameter: an unknown workflow time zone is named, and an offset is suggested', () => {
		expect(() =>
			dateTimeParameter(ctx('Mars/Olympus_Mons'), 0, 'From', '2024-03-01T10:00:00'),
		).toThrow(
			'Parameter "From" has no time zone, and the workflow\'s time zone "Mars/Olympus_Mons" is unknown: add an offset such as +02:00',
		);
	});

	test('dateParameter', () => {
		expect(dateParameter(ctx('Asia/Kolkata'), 0, 'Birthdate', '1990-07-03T23:30:00-05:00')).toBe(
			'1990-07-03',
		);
		expect(() => dateParameter(ctx('UTC'), 0, 'Birthdate', '1990-02-30')).toThrow(
			'Parameter "Birthdate" is not a date: "1990-02-30" — use a date like 2024-03-01',
		);
	});
});
