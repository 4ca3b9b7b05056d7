/**
 * The e2e's workflows, started by n8n's Webhook node instead of the Manual Trigger: in queue mode a call to the
 * webhook process puts the execution on Redis, a worker runs it, and the webhook process answers with the last
 * node's items ("Respond: When Last Node Finishes"). `n8n execute` cannot do this: it falls back to regular mode.
 */
import { randomUUID } from 'node:crypto';

import { TRIGGER, type Workflow } from '../lib/workflows';

/** A copy of the workflow whose first node (the Manual Trigger) is a Webhook node on POST /webhook/<path>, active. */
export function startedByWebhook(workflow: Workflow, path: string): Workflow {
	return {
		...workflow,
		active: true,
		nodes: workflow.nodes.map((n) =>
			n.name === TRIGGER
				? {
						...n,
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						webhookId: randomUUID(),
						parameters: {
							httpMethod: 'POST',
							path,
							responseMode: 'lastNode',
							responseData: 'allEntries',
							options: {},
						},
					}
				: n,
		),
	};
}

export interface WebhookRun {
	status: number;
	items?: Array<Record<string, unknown>>;
	text: string;
	ms: number;
}

/** Calls a production webhook of the webhook process and reads the items it answers with. */
export async function callWebhook(
	baseUrl: string,
	path: string,
	body: Record<string, unknown> = {},
	timeoutMs = 300_000,
): Promise<WebhookRun> {
	const started = Date.now();
	try {
		const res = await fetch(`${baseUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await res.text();
		let items: WebhookRun['items'];
		try {
			const parsed = JSON.parse(text) as unknown;
			items = (Array.isArray(parsed) ? parsed : [parsed]) as WebhookRun['items'];
		} catch {
			items = undefined;
		}
		return { status: res.status, items, text, ms: Date.now() - started };
	} catch (error) {
		return { status: 0, text: (error as Error).message, ms: Date.now() - started };
	}
}
