/**
 * A worker killed (SIGKILL) while one execution sends a batch of writes (SP-API messages, one per item, paced at the
 * seller's 1 per second): what n8n does with that execution, and, counted at the emulator, that no message was sent
 * twice and none is missing without the execution saying so.
 */
import * as path from 'node:path';

import { RUNTIME_DIR } from '../lib/runtime';
import { nodeDescription, operationWorkflow, workflowId, type Workflow } from '../lib/workflows';
import type { RunningProvider } from '../lib/stack';
import type { Cluster } from './cluster';
import type { Services } from './services';
import { callWebhook } from './workflows';

export interface KillPlan {
	rp: RunningProvider;
	workflow: Workflow;
	path: string;
	batch: number;
}

const BATCH = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function planKill(running: RunningProvider[]): KillPlan | undefined {
	const rp = running.find((r) => r.provider.key === 'amazon-selling-partner');
	if (!rp) return undefined;
	const id = workflowId('queue kill amazon-selling-partner');
	const wf = operationWorkflow({
		id,
		name: 'Queue: a batch of SP-API messages (worker killed mid-batch)',
		node: rp.provider.node,
		nodeLabel: nodeDescription(rp.provider.node).displayName,
		parameters: {
			resource: 'message',
			operation: 'sendConfirmDeliveryDetails',
			amazonOrderId: '123-1234567-1234567',
			marketplaceId: 'ATVPDKIKX0DER',
			text: '={{ $json.marker }}',
		},
		credential: rp.credentials[0],
	});
	const [trigger, node] = wf.nodes;
	const path = 'kill-batch';
	const workflow: Workflow = {
		...wf,
		active: true,
		nodes: [
			{
				...trigger,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: '6f1d2c3b-0000-4000-8000-00000000b47c',
				// answered at once: the execution goes on without the caller
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: '00000000-0000-4000-8000-0000000b47c1',
				name: 'One Item per Message',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					fieldToSplitOut: 'body.markers',
					options: { destinationFieldName: 'marker' },
				},
			},
			{ ...node, position: [440, 0] },
		],
		connections: {
			[trigger.name]: { main: [[{ node: 'One Item per Message', type: 'main', index: 0 }]] },
			'One Item per Message': { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	};
	return { rp, workflow, path, batch: BATCH };
}

/** The run's error message; n8n stores run data with `flatted`, which its own copy parses. */
function storedErrorMessage(stored: string): string | undefined {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const flatted = require(path.join(RUNTIME_DIR, 'node_modules', 'flatted')) as {
			parse: (s: string) => any;
		};
		const message = flatted.parse(stored)?.resultData?.error?.message;
		return typeof message === 'string' ? message.slice(0, 300) : undefined;
	} catch {
		return undefined;
	}
}

export interface KillOutcome {
	executionId?: string;
	killed?: string;
	statuses: string[];
	written: number;
	repeated: number;
	missing: number;
	ranAgainOn?: string;
	summary: string;
}

export async function checkWorkerKilled(
	cluster: Cluster,
	services: Services,
	plan: KillPlan,
	log: (s: string) => void,
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>,
): Promise<KillOutcome | undefined> {
	let outcome: KillOutcome | undefined;
	await check(
		'kill: a worker killed mid-batch repeats no write and loses none silently',
		async () => {
			const emu = plan.rp.emulator;
			const markers = Array.from({ length: plan.batch }, (_, i) => `kill-batch-${i}`);
			const sent = () =>
				(emu.calls('createConfirmDeliveryDetails') as Array<{ body: string; status: number }>)
					.filter((r) => r.status !== 429)
					.map((r) => JSON.parse(r.body).text as string)
					.filter((t) => markers.includes(t));
			// let the seller's bucket refill after the load, so the batch starts with its burst
			await sleep(6000);
			const call = await callWebhook(cluster.webhookUrl, plan.path, { markers });
			if (call.status !== 200)
				return `the webhook process answered ${call.status}: ${call.text.slice(0, 300)}`;
			const deadline = Date.now() + 60_000;
			while (sent().length < 8 && Date.now() < deadline) await sleep(100);
			if (sent().length < 8) return `the batch did not start: ${sent().length} messages in 60 s`;
			const rows = services.sql(
				`SELECT id FROM execution_entity WHERE "workflowId" = '${plan.workflow.id}' ORDER BY id DESC LIMIT 1`,
			);
			const executionId = rows[0];
			const runner = cluster.workers.find((w) =>
				cluster.workerOf().get(executionId)?.started.includes(w.role),
			);
			if (!runner) return `no worker logged that it started execution ${executionId}`;
			const atKill = sent().length;
			runner.server!.kill();
			log(
				`kill: SIGKILL to ${runner.role} (its process group) after ${atKill} of ${plan.batch} messages of execution ${executionId}`,
			);
			// Bull finds the job stalled once its lock (60 s) expires and fails it (n8n sets maxStalledCount 0: no second
			// run); main's queue recovery (every N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL minutes, 1 here, 180 by default)
			// then marks the execution crashed.
			const killedAt = Date.now();
			const statuses: string[] = [];
			const until = killedAt + 240_000;
			let status = '';
			while (Date.now() < until) {
				status =
					services.sql(`SELECT status FROM execution_entity WHERE id = ${executionId}`)[0] ?? '';
				if (statuses[statuses.length - 1] !== status) statuses.push(status);
				if (['success', 'error', 'crashed', 'canceled'].includes(status)) break;
				await sleep(2000);
			}
			const settledAfter = Math.round((Date.now() - killedAt) / 1000);
			// what the user reads on that execution (its stored error message)
			const stored =
				services.sql(`SELECT data FROM execution_data WHERE "executionId" = ${executionId}`)[0] ??
				'';
			const shown = storedErrorMessage(stored);
			// a few seconds more: nothing may arrive late
			await sleep(5000);
			const written = sent();
			const counts = new Map<string, number>();
			for (const t of written) counts.set(t, (counts.get(t) ?? 0) + 1);
			const repeated = [...counts.values()].filter((n) => n > 1).length;
			const missing = markers.filter((m) => !counts.has(m)).length;
			const again = cluster.workerOf().get(executionId);
			const ranAgainOn = again?.started.find((r) => r !== runner.role);
			outcome = {
				executionId,
				killed: runner.role,
				statuses,
				written: counts.size,
				repeated,
				missing,
				ranAgainOn,
				summary: `execution ${executionId}: ${statuses.join(' → ')} (${settledAfter} s after the kill${shown ? `, "${shown}"` : ''}); ${counts.size} of ${plan.batch} messages sent (${atKill} before the kill), ${repeated} sent twice, ${missing} not sent${ranAgainOn ? `; ${ranAgainOn} ran it again` : '; no other worker ran it again'}`,
			};
			log(`kill: ${outcome.summary}`);
			if (repeated) return `${repeated} messages were sent twice: ${outcome.summary}`;
			if (missing && status === 'success')
				return `${missing} messages missing while the execution says success: ${outcome.summary}`;
			return undefined;
		},
	);
	return outcome;
}
