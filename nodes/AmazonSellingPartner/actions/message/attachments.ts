import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { base64Md5, invalidParameter } from '../../../shared';
import { spApiRequest } from '../../transport';
import { uploadToPresignedUrl } from '../../transport/fileStorage';
import type { MessageType } from './messageTypes';

export interface Attachment {
	property: string;
	fileName: string;
	data: Buffer;
	contentMD5: string;
}

/** Reads and checks every file the item's binary fields name, before anything is sent. */
export async function readAttachments(
	ctx: IExecuteFunctions,
	itemIndex: number,
	files: NonNullable<MessageType['files']>,
): Promise<Attachment[]> {
	const raw = String(ctx.getNodeParameter('binaryPropertyNames', itemIndex, '') ?? '');
	const names = raw
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	if (names.length < files.min) {
		invalidParameter(
			ctx,
			itemIndex,
			'Input Binary Fields',
			'is empty: this message needs at least one file; enter the binary field that holds it (usually "data")',
		);
	}
	if (names.length > files.max) {
		invalidParameter(
			ctx,
			itemIndex,
			'Input Binary Fields',
			`names ${names.length} files; Amazon accepts at most ${files.max} per message`,
		);
	}
	const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
	const attachments: Attachment[] = [];
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
		if (data.length === 0)
			invalidParameter(
				ctx,
				itemIndex,
				'Input Binary Fields',
				`names "${property}", whose file is empty`,
			);
		const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
		const fileName = (binary.fileName ?? '').trim() || `${property}${extension}`;
		attachments.push({ property, fileName, data, contentMD5: base64Md5(data) });
	}
	return attachments;
}

/**
 * Uploads each file for the message at `resource` (its path without the leading slash): an upload destination
 * from the Uploads API, then the file PUT to its presigned URL. Returns the attachments as the message names them.
 */
export async function uploadAttachments(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resource: string,
	marketplaceId: string,
	attachments: Attachment[],
): Promise<IDataObject[]> {
	const uploaded: IDataObject[] = [];
	for (const file of attachments) {
		const destination = await spApiRequest(ctx, itemIndex, {
			method: 'POST',
			path: `/uploads/2020-11-01/uploadDestinations/${resource}`,
			qs: { marketplaceIds: marketplaceId, contentMD5: file.contentMD5 },
			operation: 'createUploadDestinationForResource',
			// an upload destination is only a place to put a file: creating a second one reaches no buyer
			safeToRepeat: true,
		});
		const payload = (destination.body.payload ?? {}) as IDataObject;
		if (typeof payload.uploadDestinationId !== 'string' || typeof payload.url !== 'string') {
			throw new NodeOperationError(
				ctx.getNode(),
				'Amazon created no upload destination for the attachment',
				{
					itemIndex,
					description: `The Uploads API answered without uploadDestinationId or url for "${file.fileName}". Nothing was sent.`,
				},
			);
		}
		await uploadToPresignedUrl(ctx, itemIndex, {
			url: payload.url,
			headers: (payload.headers ?? {}) as IDataObject,
			data: file.data,
			fileName: file.fileName,
		});
		uploaded.push({ uploadDestinationId: payload.uploadDestinationId, fileName: file.fileName });
	}
	return uploaded;
}
