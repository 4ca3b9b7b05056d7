/**
 * Polling triggers in published workflows, as a user runs them: n8n activates each workflow when it starts
 * (the trigger's first poll only remembers "now"), a customer signs up at the vendor, and the next scheduled
 * poll (every minute) starts an execution that carries that customer, exactly once.
 */
import * as path from 'node:path';

import { cliOrThrow, type Instance, type RestSession } from '../lib/n8n';
import { RUNTIME_DIR } from '../lib/runtime';
import type { RunningProvider } from '../lib/stack';
import { triggerDescription, triggerWorkflow, workflowId, type Workflow } from '../lib/workflows';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PlannedTrigger {
	rp: RunningProvider;
	workflow: Workflow;
}

/** n8n polls "every minute" at a random second: a sign-up is seen within a minute, plus the run itself. */
const SCHEDULED_POLL_WAIT_MS = 100_000;
/** After start-up, let the activation poll and one scheduled poll pass, so the sign-up is surely "new". */
const SETTLE_AFTER_START_MS = 65_000;

export function planTriggers(running: RunningProvider[]): PlannedTrigger[] {
	return running
		.filter((rp) => rp.provider.signUp && triggerDescription(rp.provider.node))
		.map((rp) => ({
			rp,
			workflow: triggerWorkflow({
				id: workflowId(`e2e trigger ${rp.provider.key}`),
				name: `E2E trigger: ${rp.provider.title} new customer`,
				node: rp.provider.node,
				parameters: { event: 'customerCreated' },
				credential: rp.credentials[0],
			}),
		}));
}

/** Publishes the imported trigger workflows, so the server activates them when it starts. */
export async function publishTriggers(inst: Instance, planned: PlannedTrigger[], brokerPort: number): Promise<void> {
	for (const t of planned) await cliOrThrow(inst, ['publish:workflow', `--id=${t.workflow.id}`], brokerPort);
}

interface ExecutionSummary {
	id: string;
	status: string;
	startedAt?: string;
}

/** n8n stores run data with `flatted`; its own copy parses it. */
function parseRunData(data: string): any {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(path.join(RUNTIME_DIR, 'node_modules', 'flatted')) as { parse: (s: string) => any };
	return flatted.parse(data);
}

async function executionsOf(session: RestSession, workflowId: string): Promise<ExecutionSummary[]> {
	const res = await session.request('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
	if (res.status !== 200) throw new Error(`GET /rest/executions: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
	return (res.json?.data?.results ?? res.json?.data ?? []) as ExecutionSummary[];
}

/** The items the trigger node emitted in one execution. */
async function triggerItems(session: RestSession, executionId: string, nodeName: string): Promise<Array<Record<string, unknown>>> {
	const res = await session.request('GET', `/executions/${executionId}`);
	if (res.status !== 200) throw new Error(`GET /rest/executions/${executionId}: HTTP ${res.status}`);
	const stored = res.json?.data?.data;
	const run = typeof stored === 'string' ? parseRunData(stored) : stored;
	const items = (run?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []) as Array<{ json: Record<string, unknown> }>;
	return items.map((i) => i.json);
}

export async function checkTriggers(o: {
	planned: PlannedTrigger[];
	session: RestSession;
	serverReadyAt: number;
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>;
	log: (s: string) => void;
}): Promise<void> {
	if (!o.planned.length) return;
	const settle = o.serverReadyAt + SETTLE_AFTER_START_MS - Date.now();
	if (settle > 0) {
		o.log(`triggers: waiting ${(settle / 1000).toFixed(0)} s so the published workflows have polled once`);
		await sleep(settle);
	}
	const runId = Date.now().toString(36);
	const signUps = await Promise.all(
		o.planned.map(async (t) => {
			const email = `trigger.${t.rp.provider.key}.${runId}@example.com`;
			const before = new Set((await executionsOf(o.session, t.workflow.id)).map((e) => e.id));
			await t.rp.provider.signUp!(t.rp.mod, t.rp.emulator, email);
			return { t, email, before, signedUpAt: Date.now() };
		}),
	);
	o.log(`triggers: ${signUps.length} customers signed up at the emulators; waiting for the scheduled polls`);
	await Promise.all(
		signUps.map(({ t, email, before, signedUpAt }) =>
			o.check(`trigger: a published ${t.workflow.nodes[0].name} starts one execution for a new customer`, async () => {
				const nodeName = t.workflow.nodes[0].name;
				const deadline = signedUpAt + SCHEDULED_POLL_WAIT_MS;
				const seen = new Map<string, Array<Record<string, unknown>>>();
				for (;;) {
					for (const e of await executionsOf(o.session, t.workflow.id)) {
						if (before.has(e.id) || seen.has(e.id) || !['success', 'error', 'crashed'].includes(e.status)) continue;
						if (e.status !== 'success') return `execution ${e.id} of the trigger workflow ended with status ${e.status}`;
						seen.set(e.id, await triggerItems(o.session, e.id, nodeName));
					}
					const copies = () => [...seen.values()].reduce((n, items) => n + items.filter((i) => i.email === email).length, 0);
					if (copies()) {
						const after = ((Date.now() - signedUpAt) / 1000).toFixed(0);
						// The next scheduled poll asks the vendor again: it must not emit the customer a second time.
						const requests = (t.rp.emulator.requests as unknown[]).length;
						const nextPollBy = Date.now() + SCHEDULED_POLL_WAIT_MS;
						while ((t.rp.emulator.requests as unknown[]).length === requests && Date.now() < nextPollBy) await sleep(1000);
						if ((t.rp.emulator.requests as unknown[]).length === requests) return `n8n did not poll ${t.rp.provider.title} again within ${SCHEDULED_POLL_WAIT_MS / 1000} s`;
						await sleep(5000);
						for (const e of await executionsOf(o.session, t.workflow.id)) if (!before.has(e.id) && !seen.has(e.id) && e.status === 'success') seen.set(e.id, await triggerItems(o.session, e.id, nodeName));
						if (copies() !== 1) return `the new customer ${email} was emitted ${copies()} times`;
						o.log(`    ${t.rp.provider.title}: the sign-up started an execution ${after} s later, and the next poll did not repeat it`);
						return undefined;
					}
					if (Date.now() > deadline) {
						const emitted = [...seen.values()].flat().map((i) => String(i.email ?? i.id));
						return `no execution of the published trigger workflow carried ${email} within ${SCHEDULED_POLL_WAIT_MS / 1000} s (new executions: ${seen.size}, emitted: ${emitted.slice(0, 8).join(', ') || 'nothing'})`;
					}
					await sleep(3000);
				}
			}),
		),
	);
}
