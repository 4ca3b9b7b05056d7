import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	assertMaxLength,
	dateInstant,
	dateTimeParameter,
	invalidParameter,
	requiredPathId,
	requiredString,
} from '../../../shared';
import { apiBaseUrl, checkMarketplaceRegion } from '../../transport';
import type { MessageType } from './messageTypes';

/** Order ID and marketplace: every Messaging operation takes both. */
export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'amazonOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123-1234567-1234567',
		description: 'The Amazon order number, as shown in Seller Central (3-7-7 digits)',
	},
	{
		displayName: 'Marketplace Name or ID',
		name: 'marketplaceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMarketplaces' },
		required: true,
		default: '',
		description:
			'The marketplace where the order was placed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export interface Order {
	amazonOrderId: string;
	marketplaceId: string;
}

export async function readOrder(ctx: IExecuteFunctions, itemIndex: number): Promise<Order> {
	const amazonOrderId = requiredPathId(ctx, 'amazonOrderId', itemIndex, 'Order ID');
	const marketplaceId = requiredString(ctx, 'marketplaceId', itemIndex, 'Marketplace');
	// Messaging takes exactly one marketplace id (e.g. ATVPDKIKX0DER); a list or a name would be refused only after sending
	if (!/^[A-Z0-9]{9,15}$/.test(marketplaceId)) {
		invalidParameter(
			ctx,
			itemIndex,
			'Marketplace',
			`must be one marketplace ID such as ATVPDKIKX0DER, not "${marketplaceId}"`,
		);
	}
	const { region } = await apiBaseUrl(ctx);
	checkMarketplaceRegion(ctx, itemIndex, marketplaceId, region);
	return { amazonOrderId, marketplaceId };
}

const attachmentsHint = 'Each file is uploaded to Amazon first; the buyer sees its file name';

/** The fields of a send operation, after the order: what its message type takes, then the options. */
export function messageProperties(type: MessageType): INodeProperties[] {
	const properties: INodeProperties[] = [...orderProperties];
	if (type.textMax) {
		properties.push({
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: `The message, at most ${type.textMax} characters, in the buyer's language (see Get Buyer Attributes). No HTML and no email addresses.`,
		});
	}
	if (type.files?.min) {
		properties.push({
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			required: true,
			default: 'data',
			placeholder: 'data',
			description: `The binary fields of the input item that hold the files to attach, separated by commas (${type.files.min} to ${type.files.max} files). A PDF from a previous node is usually in the field "data".`,
			hint: attachmentsHint,
		});
	} else if (type.files) {
		properties.push({
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			default: '',
			placeholder: 'data',
			description: `The binary fields of the input item that hold files to attach, separated by commas (${type.files.min} to ${type.files.max} files). Leave empty to send the text only.`,
			hint: attachmentsHint,
		});
	}
	if (type.coverageDates) {
		properties.push(
			{
				displayName: 'Coverage Start Date',
				name: 'coverageStartDate',
				type: 'dateTime',
				default: '',
				description: 'When the warranty coverage begins',
			},
			{
				displayName: 'Coverage End Date',
				name: 'coverageEndDate',
				type: 'dateTime',
				default: '',
				description: 'When the warranty coverage ends',
			},
		);
	}
	properties.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Check That the Order Allows It',
				name: 'checkAllowed',
				type: 'boolean',
				default: false,
				description:
					'Whether to ask Amazon first which message types this order allows, and stop with a clear error (naming the allowed ones) instead of sending when this one is not among them',
			},
		],
	});
	return properties;
}

export function readText(ctx: IExecuteFunctions, itemIndex: number, textMax: number): string {
	const text = requiredString(ctx, 'text', itemIndex, 'Text');
	assertMaxLength(ctx, itemIndex, 'Text', text, textMax);
	return text;
}

/** Warranty coverage dates, as RFC 3339 date-times with the offset as given: the sandbox matches bodies exactly. */
export function readCoverageDates(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const start = ctx.getNodeParameter('coverageStartDate', itemIndex, '') as unknown;
	const end = ctx.getNodeParameter('coverageEndDate', itemIndex, '') as unknown;
	const from = start ? dateTimeParameter(ctx, itemIndex, 'Coverage Start Date', start) : undefined;
	const to = end ? dateTimeParameter(ctx, itemIndex, 'Coverage End Date', end) : undefined;
	// instants, not text: with offsets the text order is not the time order
	if (from && to && dateInstant(to) < dateInstant(from)) {
		invalidParameter(
			ctx,
			itemIndex,
			'Coverage End Date',
			`(${to}) is before the Coverage Start Date (${from})`,
		);
	}
	return { ...(from ? { coverageStartDate: from } : {}), ...(to ? { coverageEndDate: to } : {}) };
}

export function readCheckAllowed(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.checkAllowed === true;
}
