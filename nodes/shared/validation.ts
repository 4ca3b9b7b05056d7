import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/** An id placed in a URL path, always encoded so "a/b" or "?x" cannot change the path. */
export function pathSegment(value: string | number): string {
	return encodeURIComponent(String(value));
}

function fail(ctx: IExecuteFunctions, itemIndex: number, parameter: string, problem: string): never {
	throw new NodeOperationError(ctx.getNode(), `Parameter "${parameter}" ${problem}`, { itemIndex });
}

/** A required text parameter, trimmed; fails naming the parameter when empty. */
export function requiredString(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') fail(ctx, itemIndex, displayName, 'is empty: enter a value or map one from the input');
	return text;
}

/**
 * A required id that goes into a URL path. Encoding keeps "/", "?" and "#" from changing the path, but "." and ".."
 * (encoded or not) are dot segments that URL parsing resolves, sending the request to another path: refused here.
 */
export function requiredPathId(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): string {
	const id = requiredString(ctx, name, itemIndex, displayName);
	if (id === '.' || id === '..') fail(ctx, itemIndex, displayName, `cannot be "${id}": that is not an id`);
	return id;
}

/** A positive integer parameter (ids that the vendor types as integers). */
export function requiredInteger(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): number {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (String(raw).trim() === '' || !Number.isInteger(value) || value <= 0) {
		fail(ctx, itemIndex, displayName, `must be a positive whole number, not "${String(raw)}"`);
	}
	return value;
}

/** Parses a JSON parameter (object expected); fails naming the parameter when it is not valid JSON. */
export function jsonObjectParameter(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): IDataObject {
	const raw = ctx.getNodeParameter(name, itemIndex, '{}') as unknown;
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as IDataObject;
	const text = String(raw ?? '').trim();
	if (text === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		fail(ctx, itemIndex, displayName, `is not valid JSON: ${(error as Error).message}`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail(ctx, itemIndex, displayName, 'must be a JSON object');
	return parsed as IDataObject;
}

/** Checks a text length limit before anything is sent. */
export function assertMaxLength(ctx: IExecuteFunctions, itemIndex: number, displayName: string, value: string, max: number): void {
	if (value.length > max) fail(ctx, itemIndex, displayName, `is ${value.length} characters long; the vendor accepts at most ${max}`);
}

/** Checks a date parameter parses, returning it as ISO 8601. */
export function isoDate(ctx: IExecuteFunctions, itemIndex: number, displayName: string, value: unknown): string {
	const date = new Date(String(value));
	if (value === '' || value === undefined || Number.isNaN(date.getTime())) fail(ctx, itemIndex, displayName, `is not a valid date: "${String(value)}"`);
	return date.toISOString();
}

/** Throws the standard parameter error; exported for checks the helpers above do not cover. */
export function invalidParameter(ctx: IExecuteFunctions, itemIndex: number, displayName: string, problem: string): never {
	fail(ctx, itemIndex, displayName, problem);
}

/** Drops undefined, null and empty-string fields so optional inputs left blank are not sent. */
export function compact(data: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(data)) if (v !== undefined && v !== null && v !== '') out[k] = v;
	return out;
}
