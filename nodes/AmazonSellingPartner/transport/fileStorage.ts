import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { Transport } from '../../shared';

const FILE_STORAGE = "Amazon's file storage";

/** S3's XML error body: `<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>`. */
function s3Error(body: unknown): { code?: string; message?: string } {
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
	const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
	return { code: tag('Code'), message: tag('Message') };
}

/**
 * The S3 bucket behind the presigned URLs the Uploads API returns. The URL carries its own signature, so requests
 * go without the credential (and send no token to S3); Amazon documents no quota for it.
 */
const fileStorageTransport = new Transport({
	provider: FILE_STORAGE,
	rateLimits: {},
	defaultRateLimitGroup: 'upload',
	parseError: (response) => {
		const { code, message } = s3Error(response.body);
		return { message: message ?? '', code };
	},
});

export interface PresignedUpload {
	url: string;
	headers: IDataObject;
	data: Buffer;
	fileName: string;
}

/**
 * PUTs a file to the presigned URL the Uploads API returned, with exactly the headers it returned. Repeating a PUT
 * of the same bytes to the same key is harmless: the kernel retries it on 5xx and broken connections.
 */
export async function uploadToPresignedUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	upload: PresignedUpload,
): Promise<void> {
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(upload.headers)) headers[name] = String(value);
	const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
	if (!hasContentType) headers['Content-Type'] = 'application/octet-stream';
	try {
		await fileStorageTransport.request(ctx, {
			method: 'PUT',
			url: upload.url,
			body: upload.data,
			headers,
			json: false,
			encoding: 'text',
			safeToRepeat: true,
			itemIndex,
		});
	} catch (error) {
		throw namingTheAttachment(ctx, itemIndex, error, upload.fileName);
	}
}

/** The kernel's error, told as a failure of this attachment: the user knows files, not S3. */
function namingTheAttachment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
	fileName: string,
): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const options = { itemIndex, ...(error.failure ? { failure: error.failure } : {}) };
	if (error.httpCode) {
		const { message } = s3Error(error.errorResponse?.body);
		return new NodeApiError(ctx.getNode(), (error.errorResponse ?? {}) as JsonObject, {
			...options,
			message: `${FILE_STORAGE} refused the attachment "${fileName}"${message ? `: ${message}` : ''}`,
			description:
				`${error.description ?? ''} The presigned upload URL is valid for about 15 minutes; run the node again to get a new one.`.trim(),
			httpCode: error.httpCode,
		});
	}
	return new NodeApiError(
		ctx.getNode(),
		(error.errorResponse ?? { message: error.message }) as JsonObject,
		{
			...options,
			message: `Uploading the attachment "${fileName}" to ${FILE_STORAGE} failed`,
			description: `${error.message}: ${error.description ?? ''}`,
		},
	);
}
