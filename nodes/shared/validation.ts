import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/** Any node context (execute, load options, poll): errors only need the node. */
type NodeContext = Pick<IExecuteFunctions, 'getNode'>;

function fail(ctx: NodeContext, itemIndex: number, parameter: string, problem: string): never {
	throw new NodeOperationError(ctx.getNode(), `Parameter "${parameter}" ${problem}`, { itemIndex });
}

/**
 * The one way a value enters a URL path: one segment, percent-encoded so "/", "?" and "#" stay inside it.
 * Empty, "." and ".." are refused, naming the parameter: encoded or not, URL parsing turns them into another path.
 */
export function pathSegment(
	ctx: NodeContext,
	itemIndex: number,
	parameter: string,
	value: string | number,
): string {
	const text = String(value);
	if (text.trim() === '')
		fail(ctx, itemIndex, parameter, 'is empty: enter a value or map one from the input');
	if (text === '.' || text === '..')
		fail(
			ctx,
			itemIndex,
			parameter,
			`cannot be "${text}": URL parsing turns it into another path, so it cannot name a record`,
		);
	return encodeURIComponent(text);
}

/** A required text parameter, trimmed; fails naming the parameter when empty. */
export function requiredString(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '')
		fail(ctx, itemIndex, displayName, 'is empty: enter a value or map one from the input');
	return text;
}

/** A required id that goes into a URL path, checked by pathSegment as soon as it is read; returned as typed (encode it with pathSegment). */
export function requiredPathId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
): string {
	const id = requiredString(ctx, name, itemIndex, displayName);
	pathSegment(ctx, itemIndex, displayName, id);
	return id;
}

/**
 * An email address as the vendors' contracts define one (JSON Schema format "email", RFC 5321/6531): a dot-atom
 * local part of at most 64 characters, "@", a domain of letters, digits and hyphens (any script), 254 at most.
 */
export const EMAIL_PATTERN =
	/^(?=[^@]{1,64}@)(?=.{3,254}$)[^\s\p{Cc}@"(),.:;<>[\]\\]+(?:\.[^\s\p{Cc}@"(),.:;<>[\]\\]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u;

/** Checks an email value (surrounding spaces dropped), failing naming the parameter; returns the address. */
export function assertEmail(
	ctx: NodeContext,
	itemIndex: number,
	displayName: string,
	value: unknown,
): string {
	const email = String(value ?? '').trim();
	if (!EMAIL_PATTERN.test(email))
		fail(ctx, itemIndex, displayName, `is not an email address: "${String(value ?? '')}"`);
	return email;
}

/** A required email parameter: read as requiredString reads text, then checked by assertEmail. */
export function emailParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
): string {
	return assertEmail(
		ctx,
		itemIndex,
		displayName,
		requiredString(ctx, name, itemIndex, displayName),
	);
}

/** A positive integer parameter (ids that the vendor types as integers). */
export function requiredInteger(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
): number {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (String(raw).trim() === '' || !Number.isInteger(value) || value <= 0) {
		fail(ctx, itemIndex, displayName, `must be a positive whole number, not "${String(raw)}"`);
	}
	return value;
}

/** Parses a JSON parameter (object expected); fails naming the parameter when it is not valid JSON. */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
): IDataObject {
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
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
		fail(ctx, itemIndex, displayName, 'must be a JSON object');
	return parsed as IDataObject;
}

/** Checks a text length limit before anything is sent. */
export function assertMaxLength(
	ctx: NodeContext,
	itemIndex: number,
	displayName: string,
	value: string,
	max: number,
): void {
	if (value.length > max)
		fail(
			ctx,
			itemIndex,
			displayName,
			`is ${value.length} characters long; the vendor accepts at most ${max}`,
		);
}

/** Throws the standard parameter error; exported for checks the helpers above do not cover. */
export function invalidParameter(
	ctx: NodeContext,
	itemIndex: number,
	displayName: string,
	problem: string,
): never {
	fail(ctx, itemIndex, displayName, problem);
}

/** Drops undefined, null and empty-string fields so optional inputs left blank are not sent. */
export function compact(data: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(data))
		if (v !== undefined && v !== null && v !== '') out[k] = v;
	return out;
}
