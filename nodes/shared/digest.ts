import { createHash } from 'crypto';

/** Base64 of the raw 16-byte MD5 digest (not the hex text), as Amazon's Content-MD5 and contentMD5 carry it. */
export function base64Md5(content: string | Buffer): string {
	return createHash('md5').update(content).digest('base64');
}
