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

/** Parses a document and returns its root element. */
export function parseXml(xml: string): XmlElement {
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let i = 0;
	while (i < xml.length) {
		const lt = xml.indexOf('<', i);
		const textEnd = lt < 0 ? xml.length : lt;
		if (textEnd > i && stack.length) stack[stack.length - 1].text += decodeEntities(xml.slice(i, textEnd));
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
		} else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
			const end = xml.indexOf('>', lt);
			if (end < 0) throw new XmlParseError('unterminated declaration');
			i = end + 1;
		} else if (xml.startsWith('</', lt)) {
			const end = xml.indexOf('>', lt);
			if (end < 0) throw new XmlParseError('unterminated closing tag');
			const name = localName(xml.slice(lt + 2, end).trim());
			const open = stack.pop();
			if (!open || open.name !== name) throw new XmlParseError(`closing tag </${name}> does not match <${open?.name ?? 'nothing'}>`);
			i = end + 1;
		} else {
			const end = xml.indexOf('>', lt);
			if (end < 0) throw new XmlParseError('unterminated tag');
			const raw = xml.slice(lt + 1, end);
			const selfClosing = raw.endsWith('/');
			const name = localName((selfClosing ? raw.slice(0, -1) : raw).trim().split(/\s+/)[0]);
			const element: XmlElement = { name, children: [], text: '' };
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
const BOOLEANS = new Set(['IsDefaultAddress', 'Origin', 'MoreResultsAvailable']);
const DATES = new Set(['AssociatedOn', 'LastUpdatedOn', 'Timestamp']);

export type XmlValue = string | boolean | null | XmlValue[] | { [key: string]: XmlValue };

/** Turns an element into clean JSON: lists as arrays, booleans as booleans, dates as ISO 8601. */
export function toJson(element: XmlElement): XmlValue {
	const listItem = LISTS[element.name];
	if (listItem) return element.children.filter((c) => c.name === listItem).map(toJson);
	if (element.children.length === 0) {
		const text = element.text.trim();
		if (BOOLEANS.has(element.name)) return text === 'true' ? true : text === 'false' ? false : text;
		if (DATES.has(element.name) && text) {
			const date = new Date(text);
			return Number.isNaN(date.getTime()) ? text : date.toISOString();
		}
		return text;
	}
	const out: { [key: string]: XmlValue } = {};
	for (const c of element.children) {
		const value = toJson(c);
		const existing = out[c.name];
		if (existing === undefined) out[c.name] = value;
		else out[c.name] = Array.isArray(existing) && !LISTS[c.name] ? [...existing, value] : [existing, value];
	}
	return out;
}
