import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { assertMaxLength, base64Md5, dateInstant, dateTimeParameter, invalidParameter, pathSegment, requiredString } from '../../../shared';
import { spApiRequest, uploadToPresignedUrl } from '../../transport';
import { fetchActions } from './getActions.operation';
import { readOrder } from './order';

/** One message type of the Messaging API and what its request body takes. */
export interface MessageKind {
	/** Node operation value. */
	operation: string;
	/** Amazon's operationId: also the rate-limit group. */
	vendorOperation: string;
	/** Path segment after /messages/, and the action name in getMessagingActionsForOrder. */
	action: string;
	/** Maximum text length, when the message has a text. */
	textMax?: number;
	/** Whether files can be attached, and whether at least one is required. */
	attachments?: 'optional' | 'required';
	/** Warranty coverage dates. */
	coverageDates?: boolean;
	/** The operation sends no body at all (negativeFeedbackRemoval). */
	noBody?: boolean;
}

const MAX_ATTACHMENTS = 5;

export function messageDescription(kind: MessageKind): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (kind.textMax) {
		properties.push({
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: `The message, at most ${kind.textMax} characters, in the buyer's language (see Get Buyer Attributes). No HTML and no email addresses.`,
		});
	}
	if (kind.attachments === 'required') {
		properties.push({
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			required: true,
			default: 'data',
			placeholder: 'data',
			description: `The binary fields of the input item that hold the files to attach, separated by commas (1 to ${MAX_ATTACHMENTS} files). A PDF from a previous node is usually in the field "data".`,
			hint: 'Each file is uploaded to Amazon first; the buyer sees its file name',
		});
	}
	if (kind.attachments === 'optional') {
		properties.push({
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			default: '',
			placeholder: 'data',
			description: `The binary fields of the input item that hold files to attach, separated by commas (0 to ${MAX_ATTACHMENTS} files). Leave empty to send the text only.`,
			hint: 'Each file is uploaded to Amazon first; the buyer sees its file name',
		});
	}
	if (kind.coverageDates) {
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
	return updateDisplayOptions({ show: { resource: ['message'], operation: [kind.operation] } }, properties);
}

interface PreparedFile {
	property: string;
	fileName: string;
	data: Buffer;
	contentMD5: string;
}

/** Reads and checks every attachment before anything is sent. */
async function readAttachments(ctx: IExecuteFunctions, itemIndex: number, kind: MessageKind): Promise<PreparedFile[]> {
	const raw = String(ctx.getNodeParameter('binaryPropertyNames', itemIndex, '') ?? '');
	const names = raw
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	if (kind.attachments === 'required' && names.length === 0) {
		invalidParameter(ctx, itemIndex, 'Input Binary Fields', 'is empty: this message needs at least one file; enter the binary field that holds it (usually "data")');
	}
	if (names.length > MAX_ATTACHMENTS) {
		invalidParameter(ctx, itemIndex, 'Input Binary Fields', `names ${names.length} files; Amazon accepts at most ${MAX_ATTACHMENTS} per message`);
	}
	const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
	const files: PreparedFile[] = [];
	for (const property of names) {
		if (!available.includes(property)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Parameter "Input Binary Fields" names "${property}", but the input item has no binary field of that name`,
				{
					itemIndex,
					description: available.length
						? `The item's binary fields are: ${available.join(', ')}.`
						: 'The item has no binary data at all: add a node before this one that reads or downloads the file.',
				},
			);
		}
		const binary = ctx.helpers.assertBinaryData(itemIndex, property);
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		if (data.length === 0) invalidParameter(ctx, itemIndex, 'Input Binary Fields', `names "${property}", whose file is empty`);
		const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
		const fileName = (binary.fileName ?? '').trim() || `${property}${extension}`;
		const contentMD5 = base64Md5(data);
		files.push({ property, fileName, data, contentMD5 });
	}
	return files;
}

export async function sendMessage(ctx: IExecuteFunctions, itemIndex: number, kind: MessageKind): Promise<IDataObject> {
	// Everything the user typed is checked before the first request.
	const { amazonOrderId, marketplaceId } = await readOrder(ctx, itemIndex);
	const body: IDataObject = {};
	if (kind.textMax) {
		const text = requiredString(ctx, 'text', itemIndex, 'Text');
		assertMaxLength(ctx, itemIndex, 'Text', text, kind.textMax);
		body.text = text;
	}
	const files = kind.attachments ? await readAttachments(ctx, itemIndex, kind) : [];
	if (kind.coverageDates) {
		const start = ctx.getNodeParameter('coverageStartDate', itemIndex, '') as unknown;
		const end = ctx.getNodeParameter('coverageEndDate', itemIndex, '') as unknown;
		// date-time (RFC 3339) with the offset as given: the sandbox matches bodies exactly
		const from = start ? dateTimeParameter(ctx, itemIndex, 'Coverage Start Date', start) : undefined;
		const to = end ? dateTimeParameter(ctx, itemIndex, 'Coverage End Date', end) : undefined;
		if (from) body.coverageStartDate = from;
		if (to) body.coverageEndDate = to;
		// instants, not text: with offsets the text order is not the time order
		if (from && to && dateInstant(to) < dateInstant(from)) {
			invalidParameter(ctx, itemIndex, 'Coverage End Date', `(${to}) is before the Coverage Start Date (${from})`);
		}
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;

	if (options.checkAllowed === true) {
		const { actions } = await fetchActions(ctx, itemIndex, amazonOrderId, marketplaceId);
		const names = actions.map((a) => a.name);
		if (!names.includes(kind.action)) {
			throw new NodeOperationError(ctx.getNode(), `Amazon does not allow the message type "${kind.action}" for order ${amazonOrderId} right now`, {
				itemIndex,
				description: names.length
					? `The order allows: ${names.join(', ')}. Nothing was sent.`
					: 'The order allows no message types at the moment (for example because it is not yet shipped, or too old). Nothing was sent.',
			});
		}
	}

	const orderPath = `messaging/v1/orders/${pathSegment(ctx, itemIndex, 'Order ID', amazonOrderId)}/messages/${kind.action}`;
	const attachments: IDataObject[] = [];
	for (const file of files) {
		const destination = await spApiRequest(ctx, itemIndex, {
			method: 'POST',
			path: `/uploads/2020-11-01/uploadDestinations/${orderPath}`,
			qs: { marketplaceIds: marketplaceId, contentMD5: file.contentMD5 },
			operation: 'createUploadDestinationForResource',
			// an upload destination is only a place to put a file: creating a second one reaches no buyer
			safeToRepeat: true,
		});
		const payload = (destination.body.payload ?? {}) as IDataObject;
		if (typeof payload.uploadDestinationId !== 'string' || typeof payload.url !== 'string') {
			throw new NodeOperationError(ctx.getNode(), 'Amazon created no upload destination for the attachment', {
				itemIndex,
				description: `The Uploads API answered without uploadDestinationId or url for "${file.fileName}". Nothing was sent.`,
			});
		}
		await uploadToPresignedUrl(ctx, itemIndex, {
			url: payload.url,
			headers: (payload.headers ?? {}) as IDataObject,
			data: file.data,
			fileName: file.fileName,
		});
		attachments.push({ uploadDestinationId: payload.uploadDestinationId, fileName: file.fileName });
	}
	if (attachments.length) body.attachments = attachments;

	await spApiRequest(ctx, itemIndex, {
		method: 'POST',
		path: `/${orderPath}`,
		qs: { marketplaceIds: marketplaceId },
		body: kind.noBody ? undefined : body,
		operation: kind.vendorOperation,
		// A message reaches the buyer: never sent twice, so only retried after Amazon refused it (429).
		safeToRepeat: false,
	});
	return {
		success: true,
		amazonOrderId,
		marketplaceId,
		messageType: kind.action,
		...(attachments.length ? { attachments } : {}),
	};
}
