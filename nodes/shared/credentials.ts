// Reading and applying credentials at the least cost per request: the transport's part that n8n would otherwise
// repeat for every item (decrypting the credential, evaluating header expressions in its sandbox).
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type { KernelContext } from './types';

/** One credential as read for one execute() call. */
export interface ExecutionCredential {
	/** The decrypted data; preAuthentication writes a fresh access token into it, so later requests reuse it. */
	data: Promise<ICredentialDataDecryptedObject>;
	/** Settles when the first request with this credential has its answer (see Transport.send). */
	firstAnswer?: Promise<void>;
}

/**
 * Per execute() call: n8n gives each run of a node its own context object, so nothing here outlives the execution
 * or passes to another user's. Polls and dropdowns are left out: n8n may keep their context between runs.
 */
const byExecution = new WeakMap<object, Map<string, ExecutionCredential>>();

function isItemExecution(ctx: KernelContext): boolean {
	return 'getInputData' in ctx && 'continueOnFail' in ctx;
}

/** The entry of this execution for a credential type, read on first use; undefined outside an execute() call. */
export function executionCredential(
	ctx: KernelContext,
	credentialType: string,
): ExecutionCredential | undefined {
	if (!isItemExecution(ctx)) return undefined;
	let byType = byExecution.get(ctx);
	if (!byType) {
		byType = new Map();
		byExecution.set(ctx, byType);
	}
	let entry = byType.get(credentialType);
	if (!entry) {
		entry = { data: ctx.getCredentials(credentialType) };
		// a failed read fails every item the same way; silence the copy nobody awaits yet
		entry.data.catch(() => undefined);
		byType.set(credentialType, entry);
	}
	return entry;
}

/**
 * The credential's data: decrypted once per execute() call (the items' requests share it), or read afresh from a
 * poll or a dropdown. Credential fields are resolved as for item 0, as n8n's own authentication of the request does.
 */
export async function readCredentials(
	ctx: KernelContext,
	credentialType: string,
): Promise<ICredentialDataDecryptedObject> {
	const entry = executionCredential(ctx, credentialType);
	return entry ? await entry.data : await ctx.getCredentials(credentialType);
}

/** What httpRequestWithAuthentication takes instead of decrypting the credential again (its `credentialsDecrypted`). */
export function decryptedFor(
	ctx: KernelContext,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): ICredentialsDecrypted {
	const details = ctx.getNode().credentials?.[credentialType];
	return { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data };
}

/**
 * A credential's `authenticate` as a function that adds headers: the same request as a generic `{{$credentials.…}}`
 * authenticate, without n8n evaluating an expression per header and request. Works for the Test button and for the
 * HTTP Request node's predefined credential type (both call it with the request's options).
 */
export function withHeaders(
	requestOptions: IHttpRequestOptions,
	headers: Record<string, string>,
): IHttpRequestOptions {
	return {
		...requestOptions,
		headers: { ...((requestOptions.headers as IDataObject | undefined) ?? {}), ...headers },
	};
}

/** A credential field as the text a header carries ('' when empty), as a `{{$credentials.x}}` expression gives it. */
export function credentialText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value as string);
}
