// The forms a user can give a date in, and what the vendor must receive for each: one table for every operation that
// takes a date (see nodes/shared/dates.ts).

export interface DateCase {
	/** What the case shows, for the test name. */
	name: string;
	/** The parameter value as the user sets it (text, or an expression that yields a DateTime or a Date). */
	value: string;
	/** The workflow's time zone. */
	timezone: string;
	/** What the vendor receives. */
	sent: string;
}

/** Date-time fields: an offset or Z is kept; no offset means the workflow's time zone; a date alone is midnight there. */
export const DATE_TIME_CASES: DateCase[] = [
	{
		name: 'an offset is sent as written (precision kept)',
		value: '2024-03-01T10:00:00.250+05:45',
		timezone: 'America/Sao_Paulo',
		sent: '2024-03-01T10:00:00.250+05:45',
	},
	{
		name: 'Z is sent as written',
		value: '2024-03-01T10:00:00Z',
		timezone: 'Asia/Kolkata',
		sent: '2024-03-01T10:00:00Z',
	},
	{
		name: 'no offset is read in the workflow time zone (Asia/Kolkata, +05:30)',
		value: '2024-03-01T10:00:00',
		timezone: 'Asia/Kolkata',
		sent: '2024-03-01T10:00:00+05:30',
	},
	{
		name: 'no offset, minutes only, is read in the workflow time zone (America/Sao_Paulo)',
		value: '2024-03-01 10:00',
		timezone: 'America/Sao_Paulo',
		sent: '2024-03-01T10:00:00-03:00',
	},
	{
		name: 'no offset in summer gets the daylight-saving offset (Europe/Berlin, +02:00)',
		value: '2024-07-15T09:30:00',
		timezone: 'Europe/Berlin',
		sent: '2024-07-15T09:30:00+02:00',
	},
	{
		name: 'a date alone is midnight in the workflow time zone',
		value: '2024-03-01',
		timezone: 'America/Sao_Paulo',
		sent: '2024-03-01T00:00:00-03:00',
	},
	{
		name: 'a Luxon DateTime from an expression keeps its own offset',
		value: "={{ DateTime.fromISO('2024-03-01T10:00:00', { zone: 'Asia/Tokyo' }) }}",
		timezone: 'Europe/Berlin',
		sent: '2024-03-01T10:00:00.000+09:00',
	},
	{
		name: 'a JS Date from an expression is sent as its UTC time',
		value: '={{ new Date(Date.UTC(2024, 2, 1, 10)) }}',
		timezone: 'Europe/Berlin',
		sent: '2024-03-01T10:00:00.000Z',
	},
];

/** Values that are not dates: each fails naming the parameter before any request. */
export const NOT_DATES = ['soon', '2024-02-30T10:00:00', '2024-03-01+02:00'];

export const notADateTime = (label: string, value: string) =>
	`Parameter "${label}" is not a date: "${value}" — use a date like 2024-03-01T10:00:00+02:00`;

/** Date fields (YYYY-MM-DD): a date-time gives its own calendar date as written, never shifted to UTC. */
export const DATE_CASES: DateCase[] = [
	{
		name: 'a date is sent as it is',
		value: '1990-07-03',
		timezone: 'Asia/Kolkata',
		sent: '1990-07-03',
	},
	{
		name: "a date-time with an offset gives its own date (UTC's would be the 4th)",
		value: '1990-07-03T23:30:00-05:00',
		timezone: 'Asia/Kolkata',
		sent: '1990-07-03',
	},
	{
		name: "the date picker's midnight gives that date (UTC's would be the 2nd)",
		value: '1990-07-03T00:00:00',
		timezone: 'Asia/Kolkata',
		sent: '1990-07-03',
	},
	{
		name: 'a UTC date-time gives its date',
		value: '1990-07-03T00:00:00.000Z',
		timezone: 'America/Sao_Paulo',
		sent: '1990-07-03',
	},
	{
		name: 'a Luxon DateTime gives its own date',
		value: "={{ DateTime.fromISO('1990-07-03T23:30:00', { zone: 'America/Los_Angeles' }) }}",
		timezone: 'Asia/Kolkata',
		sent: '1990-07-03',
	},
];

export const NOT_CALENDAR_DATES = ['soon', '1990-02-30', '1990-07-03+02:00'];

export const notADate = (label: string, value: string) =>
	`Parameter "${label}" is not a date: "${value}" — use a date like 2024-03-01`;
