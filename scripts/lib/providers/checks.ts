/** The small language the e2e cases check a node's output with: counts, fields, and what the emulator received. */
import type { AnyEmulator, Check } from './types';

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a dotted path (`oauthTokenData.refresh_token`, `ShippingAddressList.0.City`): object keys, array indexes. */
export function valueAt(value: unknown, dotted: string): unknown {
	let cur = value;
	for (const part of dotted.split('.'))
		cur = isObj(cur) ? cur[part] : Array.isArray(cur) ? cur[Number(part)] : undefined;
	return cur;
}

/** Expects at least `n` items. */
export const atLeast =
	(n: number, more?: Check): Check =>
	(items, emu) =>
		items.length < n ? `expected at least ${n} item(s), got ${items.length}` : more?.(items, emu);

/** Expects exactly `n` items. */
export const exactly =
	(n: number, more?: Check): Check =>
	(items, emu) =>
		items.length !== n ? `expected ${n} item(s), got ${items.length}` : more?.(items, emu);

/** Expects the first item to contain `field` (a dotted path) equal to `value` (or present when value is undefined). */
export const field =
	(dotted: string, value?: unknown): Check =>
	(items) => {
		const item = items[0];
		if (!item) return 'no output item';
		const cur = valueAt(item, dotted);
		if (value === undefined)
			return cur === undefined || cur === null
				? `output has no "${dotted}": ${JSON.stringify(item).slice(0, 300)}`
				: undefined;
		return String(cur) === String(value)
			? undefined
			: `output "${dotted}" is ${JSON.stringify(cur)}, expected ${JSON.stringify(value)}`;
	};

/** Every check in turn; the first that finds something wrong says what. */
export const all =
	(...checks: Check[]): Check =>
	(items, emu) => {
		for (const c of checks) {
			const r = c(items, emu);
			if (r) return r;
		}
		return undefined;
	};

/** Expects the emulator to have recorded at least `n` requests of a vendor operation id. */
export const vendorSaw =
	(operation: string, n = 1): Check =>
	(_items, emu: AnyEmulator) => {
		const got = (emu.calls?.(operation) ?? []).length;
		return got >= n
			? undefined
			: `the emulator saw ${got} "${operation}" request(s), expected at least ${n}`;
	};
