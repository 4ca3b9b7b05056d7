/**
 * A small XML reader for MWS answers (no runtime dependency may be used): elements, text, CDATA, entities;
 * namespaces and attributes are dropped because the live service and Amazon's own client disagree on them.
 */
export interface XmlElement {
	name: string;
	children: XmlElement[];
	text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
		return ENTITIES[entity] ?? whole;
	});
}

/** Local name without a namespace prefix. */
const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

export class XmlParseError extends Error {}

/** Index of the `>` that ends the tag opened at `from`, skipping any `>` inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
	let quote = '';
	for (let i = from; i < xml.length; i++) {
		const c = xml[i];
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") quote = c;
		else if (c === '>') return i;
	}
	return -1;
}

/** Parses a document and returns its root element. */
export function parseXml(xml: string): XmlElement {
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let i = 0;
	while (i < xml.length) {
		const lt = xml.indexOf('<', i);
		const textEnd = lt < 0 ? xml.length : lt;
		if (textEnd > i && stack.length)
			stack[stack.length - 1].text += decodeEntities(xml.slice(i, textEnd));
		if (lt < 0) break;
		if (xml.startsWith('<!--', lt)) {
			const end = xml.indexOf('-->', lt + 4);
			if (end < 0) throw new XmlParseError('unterminated comment');
			i = end + 3;
		} else if (xml.startsWith('<![CDATA[', lt)) {
			const end = xml.indexOf(']]>', lt + 9);
			if (end < 0) throw new XmlParseError('unterminated CDATA section');
			if (stack.length) stack[stack.length - 1].text += xml.slice(lt + 9, end);
			i = end + 3;
		} else if (xml.startsWith('<?', lt)) {
			const end = xml.indexOf('?>', lt + 2);
			if (end < 0) throw new XmlParseError('unterminated declaration');
			i = end + 2;
		} else if (xml.startsWith('<!', lt)) {
			const end = tagEnd(xml, lt + 2);
			if (end < 0) throw new XmlParseError('unterminated declaration');
			i = end + 1;
		} else if (xml.startsWith('</', lt)) {
			const end = xml.indexOf('>', lt);
			if (end < 0) throw new XmlParseError('unterminated closing tag');
			const name = localName(xml.slice(lt + 2, end).trim());
			const open = stack.pop();
			if (!open || open.name !== name)
				throw new XmlParseError(
					`closing tag </${name}> does not match <${open?.name ?? 'nothing'}>`,
				);
			i = end + 1;
		} else {
			// a `>` may stand unescaped inside an attribute value (`<a x="1>2">`): only a `>` outside quotes ends the tag
			const end = tagEnd(xml, lt + 1);
			if (end < 0) throw new XmlParseError('unterminated tag');
			const raw = xml.slice(lt + 1, end);
			const selfClosing = raw.endsWith('/');
			const qualified = /^[^\s/>]+/.exec(raw)?.[0];
			if (!qualified) throw new XmlParseError(`tag without a name at offset ${lt}`);
			const element: XmlElement = { name: localName(qualified), children: [], text: '' };
			if (stack.length) stack[stack.length - 1].children.push(element);
			else if (!root) root = element;
			else throw new XmlParseError('more than one root element');
			if (!selfClosing) stack.push(element);
			i = end + 1;
		}
	}
	if (stack.length) throw new XmlParseError(`<${stack[stack.length - 1].name}> is never closed`);
	if (!root) throw new XmlParseError('no root element');
	return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
	return element?.children.find((c) => c.name === name);
}

/** Elements whose children form a list, always output as an array. */
const LISTS: Record<string, string> = {
	CustomerList: 'Customer',
	ShippingAddressList: 'ShippingAddress',
	AssociatedMarketplaces: 'MarketplaceDomain',
	CustomerIdList: 'CustomerId',
};
/** Elements MWS documents as xsd:boolean, whose lexical forms are true, false, 1 and 0. */
const BOOLEANS = new Set(['IsDefaultAddress', 'Origin', 'MoreResultsAvailable']);
/** Elements MWS documents as xsd:dateTime. */
const DATES = new Set(['AssociatedOn', 'LastUpdatedOn', 'Timestamp']);

/** An xsd:boolean as a boolean; undefined when the text is none of its four lexical forms. */
export function xsdBoolean(text: string): boolean | undefined {
	const value = text.trim();
	return value === 'true' || value === '1'
		? true
		: value === 'false' || value === '0'
			? false
			: undefined;
}

const ISO_8601 =
	/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An xsd:dateTime as ISO 8601 in UTC. MWS gives its times in UTC; one given without a time zone is read as UTC
 * (never in the time zone of the n8n host). Text that is not an ISO 8601 date stays as it is.
 */
export function xsdDateTime(text: string): string {
	const value = text.trim();
	const match = ISO_8601.exec(value);
	if (!match) return value;
	const [, day, time, zone] = match;
	const [year, month, dayOfMonth] = day.split('-').map(Number);
	// JavaScript rolls 2014-02-30 over into March: such a day is not a date
	if (
		new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDate() !== dayOfMonth ||
		month < 1 ||
		month > 12
	)
		return value;
	const date = new Date(
		`${day}T${time ?? '00:00'}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`,
	);
	return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export type XmlValue = string | boolean | null | XmlValue[] | { [key: string]: XmlValue };

/** Turns an element into clean JSON: lists as arrays, booleans as booleans, dates as ISO 8601 in UTC. */
export function toJson(element: XmlElement): XmlValue {
	const listItem = LISTS[element.name];
	if (listItem) return element.children.filter((c) => c.name === listItem).map(toJson);
	if (element.children.length === 0) {
		const text = element.text.trim();
		if (BOOLEANS.has(element.name)) return xsdBoolean(text) ?? text;
		if (DATES.has(element.name) && text) return xsdDateTime(text);
		return text;
	}
	const out: { [key: string]: XmlValue } = {};
	const repeated = new Set<string>();
	for (const c of element.children) {
		const value = toJson(c);
		if (!(c.name in out)) out[c.name] = value;
		else {
			// a repeated element becomes an array of its occurrences
			const existing = out[c.name];
			out[c.name] =
				repeated.has(c.name) && Array.isArray(existing) ? [...existing, value] : [existing, value];
			repeated.add(c.name);
		}
	}
	return out;
}
