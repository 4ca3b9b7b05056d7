// Voucherify's Management API (Enterprise, beta): the project's webhooks. Its own keys go in X-Management-Id and
// X-Management-Token; the request also carries the credential's application keys, so every secret of the credential
// is masked in errors.
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { pathSegment } from '../../shared';
import { apiRoot, CREDENTIAL_TYPE, voucherifyRequest, voucherifyTransport } from './index';

export interface VoucherifyWebhook {
	id: string;
	target_url: string;
	events: string[];
	active: boolean;
}

export interface ManagementAccess {
	headers: IDataObject;
	projectId: string;
}

/**
 * The Management API keys and project of the credential, or undefined when the webhook is registered by hand.
 * The project: the one a webhook was `registeredIn` (to remove it), else the credential's Project ID, else the one
 * looked up before (`lookedUp`), else the organization's only project.
 */
export async function managementAccess(
	ctx: IHookFunctions,
	project: { registeredIn?: string; lookedUp?: string } = {},
): Promise<ManagementAccess | undefined> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const id = String(credentials.managementId ?? '').trim();
	const token = String(credentials.managementToken ?? '').trim();
	if (!id && !token) return undefined;
	if (!id || !token) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Voucherify credential has a Management API ${id ? 'ID' : 'Token'} but no Management API ${id ? 'Token' : 'ID'}: fill in both to let the trigger register its webhook, or neither to add the webhook in the dashboard yourself`,
		);
	}
	const headers = { 'X-Management-Id': id, 'X-Management-Token': token };
	const projectId =
		project.registeredIn ||
		String(credentials.projectId ?? '').trim() ||
		project.lookedUp ||
		(await onlyProject(ctx, headers));
	return { headers, projectId };
}

/** The organization's project when it has exactly one; otherwise the user must name it. */
async function onlyProject(ctx: IHookFunctions, headers: IDataObject): Promise<string> {
	const list = await voucherifyRequest<IDataObject>(ctx, 0, {
		method: 'GET',
		path: '/management/v1/projects',
		headers,
		safeToRepeat: true,
	});
	const projects = (Array.isArray(list.data) ? list.data : []) as IDataObject[];
	if (projects.length === 1 && projects[0].id) return String(projects[0].id);
	const names = projects.map((p) => `${String(p.id)} (${String(p.name ?? '')})`).join(', ');
	throw new NodeOperationError(
		ctx.getNode(),
		projects.length
			? `The Management API keys reach ${projects.length} projects: enter the Project ID of the one the Application ID belongs to in the Voucherify credential (${names})`
			: 'The Management API keys reach no project: check the keys, or enter the Project ID in the Voucherify credential',
	);
}

const webhooksPath = (ctx: IHookFunctions, access: ManagementAccess) =>
	`/management/v1/projects/${pathSegment(ctx, 0, 'Project ID', access.projectId)}/webhooks`;

export async function listWebhooks(
	ctx: IHookFunctions,
	access: ManagementAccess,
): Promise<VoucherifyWebhook[]> {
	const list = await voucherifyRequest<IDataObject>(ctx, 0, {
		method: 'GET',
		path: webhooksPath(ctx, access),
		headers: access.headers,
		safeToRepeat: true,
	});
	return (Array.isArray(list.data) ? list.data : []) as unknown as VoucherifyWebhook[];
}

export async function createWebhook(
	ctx: IHookFunctions,
	access: ManagementAccess,
	targetUrl: string,
	events: string[],
): Promise<VoucherifyWebhook> {
	// not safe to repeat: a second POST would add a second webhook
	return await voucherifyRequest<VoucherifyWebhook>(ctx, 0, {
		method: 'POST',
		path: webhooksPath(ctx, access),
		headers: access.headers,
		body: { target_url: targetUrl, events, active: true },
		safeToRepeat: false,
	});
}

/** Deletes one webhook; true when it is gone (also when Voucherify no longer had it). */
export async function deleteWebhook(
	ctx: IHookFunctions,
	access: ManagementAccess,
	webhookId: string,
): Promise<boolean> {
	const response = await voucherifyTransport.request(ctx, {
		credentialType: CREDENTIAL_TYPE,
		method: 'DELETE',
		url: `${await apiRoot(ctx)}${webhooksPath(ctx, access)}/${pathSegment(ctx, 0, 'Webhook ID', webhookId)}`,
		headers: access.headers,
		safeToRepeat: true,
		acceptStatuses: [404],
	});
	return response.statusCode < 300 || response.statusCode === 404;
}
