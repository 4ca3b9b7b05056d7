// The errors a request ends in: the vendor's own message first, then what was sent, how often and how long it waited,
// and whether running it again is safe. Every text passes through redaction with the credential's secrets.
import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { redactText, redactValue, secretValues } from './redact';
import { parseMaybeJson, summarizeBody } from './response';
import { parseRetryAfter } from './retry';
import type {
	KernelContext,
	KernelRequest,
	ProviderTransportConfig,
	RawResponse,
	RequestFailure,
	VendorError,
} from './types';
import { urlPath } from './url';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Said of every write that failed after it may have reached the vendor. */
const notRepeatedNote = (provider: string) =>
	` The request was not repeated, because ${provider} may already have acted on it: check before running it again.`;

async function credentialSecrets(
	ctx: KernelContext,
	credentialType: string | undefined,
): Promise<string[]> {
	if (!credentialType) return [];
	try {
		const credentials = (await ctx.getCredentials(credentialType)) as IDataObject;
		return secretValues(credentials);
	} catch {
		return [];
	}
}

/** A URL path that would reach another endpoint than the one built (see unsafePathProblem): nothing is sent. */
export function refusedPathError(
	ctx: KernelContext,
	provider: string,
	request: KernelRequest,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Refused to send ${request.method} ${urlPath(request.url)} to ${provider}: ${problem}`,
		{
			itemIndex: request.itemIndex,
			description:
				'Nothing was sent. A value placed in the path was not checked; please report this as a bug of the node.',
		},
	);
}

/** The vendor's quota frees up later than "Max Retry Wait" allows: the request is not sent (again). */
export function quotaWaitError(
	ctx: KernelContext,
	provider: string,
	request: KernelRequest,
	wait: {
		group: string;
		paceMs: number;
		waitedMs: number;
		maxRetryWaitMs: number;
		attempt: number;
	},
): NodeApiError {
	const { attempt } = wait;
	return new NodeApiError(ctx.getNode(), { message: 'Rate limit' } as JsonObject, {
		message: `${provider}'s rate limit allows the next request in ${seconds(wait.paceMs)}, longer than the node's "Max Retry Wait" of ${seconds(wait.maxRetryWaitMs)}`,
		description:
			`${request.method} ${urlPath(request.url)} was not sent${attempt > 1 ? ` again after ${attempt - 1} attempt${attempt === 2 ? '' : 's'} (${seconds(wait.waitedMs)} waited)` : ''}. ` +
			`The "${wait.group}" quota of this credential is used up for now: run it again later, or raise "Max Retry Wait" under Request Settings.`,
		httpCode: '429',
		itemIndex: request.itemIndex,
		failure: { cause: 'rate-limited', retryAfterMs: wait.paceMs },
	});
}

/** A failure with neither an answer nor a network code (n8n could not authenticate, a bug): its own message, masked. */
export async function unexpectedError(
	ctx: KernelContext,
	provider: string,
	request: KernelRequest,
	error: unknown,
): Promise<NodeApiError> {
	// a NodeApiError n8n built itself, wrapping nothing, is already the error to show
	if (error instanceof NodeApiError && !(error as { cause?: unknown }).cause) return error;
	const secrets = await credentialSecrets(ctx, request.credentialType);
	const message = redactText((error as Error)?.message ?? String(error), secrets);
	// n8n's own reasons survive (an OAuth2 grant revoked: "reconnect the credential", failure credential-invalid)
	const { description, failure } = error as {
		description?: unknown;
		failure?: NodeApiError['failure'];
	};
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message: `${provider} request failed: ${message}`,
		itemIndex: request.itemIndex,
		...(typeof description === 'string' && description
			? { description: redactText(description, secrets) }
			: {}),
		...(failure ? { failure } : {}),
	});
}

/** An answer that should be JSON and is not (an HTML error page, a cut-off body). */
export async function unreadableAnswerError(
	ctx: KernelContext,
	provider: string,
	response: RawResponse,
	text: string,
	itemIndex: number | undefined,
): Promise<NodeApiError> {
	const request = response.sentAs;
	const secrets = await credentialSecrets(ctx, request?.credentialType);
	// a write may have been carried out although its answer cannot be read: running it again could do it twice
	const advice =
		request && !request.safeToRepeat
			? `${provider} may already have carried out ${request.method} ${urlPath(request.url)}, but its answer cannot be read.${notRepeatedNote(provider)}`
			: `This is usually a temporary problem at ${provider} or a proxy in between; try again later.`;
	return new NodeApiError(ctx.getNode(), { message: 'Unreadable answer' } as JsonObject, {
		message: `${provider} answered with something that is not JSON`,
		description: redactText(
			`HTTP ${response.statusCode}: ${summarizeBody(text)}. ${advice}`,
			secrets,
		),
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** How a request got to its failure: attempts made, time waited, and the wait that would have come next. */
export interface RetryProgress {
	attempt: number;
	waitedMs: number;
	/** The wait before the next attempt, when one was allowed but would pass Max Retry Wait. */
	nextWaitMs?: number;
	maxRetryWaitMs: number;
}

/** The error of a request that is not retried (any more): the vendor's message and code, or what happened on the network. */
export async function finalError(
	ctx: KernelContext,
	config: ProviderTransportConfig,
	request: KernelRequest,
	failure: RequestFailure,
	progress: RetryProgress,
): Promise<NodeApiError> {
	const { provider } = config;
	const secrets = await credentialSecrets(ctx, request.credentialType);
	const path = urlPath(request.url);
	const retryNote =
		progress.attempt > 1 || progress.nextWaitMs !== undefined
			? ` Tried ${progress.attempt} time${progress.attempt === 1 ? '' : 's'} and waited ${seconds(progress.waitedMs)} in total` +
				(progress.nextWaitMs !== undefined
					? `; the next wait (${seconds(progress.nextWaitMs)}) would pass the limit of ${seconds(progress.maxRetryWaitMs)} set in the node's "Max Retry Wait" option.`
					: '.')
			: '';

	if (failure.response) {
		const { statusCode } = failure.response;
		const parsed: RawResponse = {
			...failure.response,
			body: parseMaybeJson(failure.response.body),
		};
		let vendor: VendorError;
		try {
			vendor = config.parseError(parsed);
		} catch {
			vendor = { message: '' };
		}
		if (!vendor.message)
			vendor = {
				...vendor,
				message: `${provider} answered ${statusCode} with ${summarizeBody(parsed.body)}`,
			};
		const notRepeated =
			failure.kind === 'server' && !request.safeToRepeat ? notRepeatedNote(provider) : '';
		const description = [
			vendor.description,
			vendor.code ? `Code: ${vendor.code}.` : '',
			`${request.method} ${path} → HTTP ${statusCode}.${retryNote}${notRepeated}`,
		]
			.filter(Boolean)
			.join(' ');
		const retryAfterMs =
			parseRetryAfter(failure.response.headers['retry-after']) ??
			config.vendorRetryAfterMs?.(failure.response);
		const cause =
			failure.kind === 'throttled'
				? ({
						cause: 'rate-limited',
						...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
					} as const)
				: failure.kind === 'server'
					? ({ cause: 'temporarily-unavailable' } as const)
					: statusCode === 401
						? ({ cause: 'credential-invalid' } as const)
						: undefined;
		const errorResponse = redactValue(
			{
				message: vendor.message,
				code: vendor.code,
				httpCode: String(statusCode),
				body: parsed.body as JsonObject,
			} as JsonObject,
			secrets,
		);
		return new NodeApiError(ctx.getNode(), errorResponse, {
			message: redactText(`${provider}: ${vendor.message}`, secrets),
			description: redactText(description, secrets),
			httpCode: String(statusCode),
			itemIndex: request.itemIndex,
			...(cause ? { failure: cause } : {}),
		});
	}

	const code = failure.networkCode ?? 'network error';
	if (failure.kind === 'cancelled') {
		return new NodeApiError(
			ctx.getNode(),
			{ message: 'Cancelled', networkCode: code } as JsonObject,
			{
				message: `The request to ${provider} was cancelled because the execution was stopped`,
				description: `${request.method} ${path} was not sent again.`,
				itemIndex: request.itemIndex,
			},
		);
	}
	const neverLeft = failure.kind === 'neverLeft';
	// n8n rewrites messages that name a network code, so the code goes in the description
	const message = neverLeft
		? `Could not reach ${provider}`
		: `The connection to ${provider} broke before it answered`;
	const notRepeated = !neverLeft && !request.safeToRepeat ? notRepeatedNote(provider) : '';
	const hint =
		code === 'ETIMEDOUT' || code === 'ECONNABORTED'
			? ' Raise the node\'s "Timeout" option if the vendor is slow.'
			: '';
	return new NodeApiError(ctx.getNode(), { message, networkCode: code } as JsonObject, {
		message,
		description: redactText(
			`${code} on ${request.method} ${path}.${retryNote}${notRepeated}${hint}`,
			secrets,
		),
		itemIndex: request.itemIndex,
		failure: { cause: 'temporarily-unavailable' },
	});
}
