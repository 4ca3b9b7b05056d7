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

export type TriggerEvent = 'customerCreated' | 'customerCreatedOrUpdated';

export interface PlannedTrigger {
	rp: RunningProvider;
	event: TriggerEvent;
	workflow: Workflow;
}

const EVENT_LABEL: Record<TriggerEvent, string> = {
	customerCreated: 'New Customer',
	customerCreatedOrUpdated: 'New or Updated Customer',
};

/** n8n polls "every minute" at a random second: a sign-up is seen within a minute, plus the run itself. */
const SCHEDULED_POLL_WAIT_MS = 100_000;
/** After start-up, let the activation poll and one scheduled poll pass, so the sign-up is surely "new". */
const SETTLE_AFTER_START_MS = 65_000;

/**
 * Per provider with a trigger: a published "New Customer" workflow and, when the provider can change a customer
 * over its API, a "New or Updated Customer" one. Both poll at the same time, so the second adds no waiting.
 */
export function planTriggers(running: RunningProvider[]): PlannedTrigger[] {
	return running
		.filter((rp) => rp.provider.signUp && triggerDescription(rp.provider.node))
		.flatMap((rp) =>
			(['customerCreated', 'customerCreatedOrUpdated'] as const)
				.filter((event) => event === 'customerCreated' || rp.provider.change)
				.map((event) => ({
					rp,
					event,
					workflow: triggerWorkflow({
						id: workflowId(
							event === 'customerCreated'
								? `e2e trigger ${rp.provider.key}`
								: `e2e trigger ${rp.provider.key} created or updated`,
						),
						name: `E2E trigger: ${rp.provider.title} ${event === 'customerCreated' ? 'new customer' : 'new or updated customer'}`,
						node: rp.provider.node,
						parameters: { event },
						credential: rp.credentials[0],
					}),
				})),
		);
}

/** Publishes the imported trigger workflows, so the server activates them when it starts. */
export async function publishTriggers(
	inst: Instance,
	planned: Array<{ workflow: Workflow }>,
	brokerPort: number,
): Promise<void> {
	for (const t of planned)
		await cliOrThrow(inst, ['publish:workflow', `--id=${t.workflow.id}`], brokerPort);
}

interface ExecutionSummary {
	id: string;
	status: string;
	startedAt?: string;
	/** 'manual' for the editor's test runs (Listen for Test Event), 'webhook' or 'trigger' for published ones. */
	mode?: string;
}

/** n8n stores run data with `flatted`; its own copy parses it. */
function parseRunData(data: string): any {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(path.join(RUNTIME_DIR, 'node_modules', 'flatted')) as {
		parse: (s: string) => any;
	};
	return flatted.parse(data);
}

export async function executionsOf(
	session: RestSession,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const res = await session.request(
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`,
	);
	if (res.status !== 200)
		throw new Error(
			`GET /rest/executions: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`,
		);
	return (res.json?.data?.results ?? res.json?.data ?? []) as ExecutionSummary[];
}

/** The items the trigger node emitted in one execution. */
export async function triggerItems(
	session: RestSession,
	executionId: string,
	nodeName: string,
): Promise<Array<Record<string, unknown>>> {
	const res = await session.request('GET', `/executions/${executionId}`);
	if (res.status !== 200)
		throw new Error(`GET /rest/executions/${executionId}: HTTP ${res.status}`);
	const stored = res.json?.data?.data;
	const run = typeof stored === 'string' ? parseRunData(stored) : stored;
	const items = (run?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []) as Array<{
		json: Record<string, unknown>;
	}>;
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
		o.log(
			`triggers: waiting ${(settle / 1000).toFixed(0)} s so the published workflows have polled once`,
		);
		await sleep(settle);
	}
	const runId = Date.now().toString(36);
	// One sign-up per provider, and one change of an existing customer, seen by both of its trigger workflows.
	const providers = [...new Set(o.planned.map((t) => t.rp))];
	const events = new Map(
		await Promise.all(
			providers.map(async (rp) => {
				const email = `trigger.${rp.provider.key}.${runId}@example.com`;
				const mine = o.planned.filter((t) => t.rp === rp);
				const before = new Map(
					await Promise.all(
						mine.map(
							async (t) =>
								[
									t,
									new Set((await executionsOf(o.session, t.workflow.id)).map((e) => e.id)),
								] as const,
						),
					),
				);
				await rp.provider.signUp!(rp.mod, rp.emulator, email);
				const changed =
					rp.provider.change && mine.some((t) => t.event === 'customerCreatedOrUpdated')
						? await rp.provider.change(rp.mod, rp.emulator, `e2e change ${runId}`)
						: undefined;
				return [rp, { email, before, changed, at: Date.now() }] as const;
			}),
		),
	);
	o.log(
		`triggers: ${providers.length} customers signed up and ${[...events.values()].filter((e) => e.changed).length} changed at the emulators; waiting for the scheduled polls`,
	);
	await Promise.all(
		o.planned.map((t) => {
			const { email, before: beforeAll, changed, at: signedUpAt } = events.get(t.rp)!;
			const before = beforeAll.get(t)!;
			const withUpdates = t.event === 'customerCreatedOrUpdated';
			const title = withUpdates
				? `trigger: a published ${t.workflow.nodes[0].name} (${EVENT_LABEL[t.event]}) starts one execution for a new and one for a changed customer`
				: `trigger: a published ${t.workflow.nodes[0].name} starts one execution for a new customer`;
			return o.check(title, async () => {
				const nodeName = t.workflow.nodes[0].name;
				const deadline = signedUpAt + SCHEDULED_POLL_WAIT_MS;
				const seen = new Map<string, Array<Record<string, unknown>>>();
				const emitted = () => [...seen.values()].flat();
				const copiesOfNew = () => emitted().filter((i) => i.email === email).length;
				const copiesOfChange = () => (changed ? emitted().filter(changed).length : 0);
				const complete = () => copiesOfNew() > 0 && (!withUpdates || copiesOfChange() > 0);
				const collect = async () => {
					for (const e of await executionsOf(o.session, t.workflow.id)) {
						if (
							before.has(e.id) ||
							seen.has(e.id) ||
							!['success', 'error', 'crashed'].includes(e.status)
						)
							continue;
						if (e.status !== 'success')
							return `execution ${e.id} of the trigger workflow ended with status ${e.status}`;
						seen.set(e.id, await triggerItems(o.session, e.id, nodeName));
					}
					return undefined;
				};
				for (;;) {
					const failed = await collect();
					if (failed) return failed;
					if (complete()) {
						const after = ((Date.now() - signedUpAt) / 1000).toFixed(0);
						// The next scheduled poll asks the vendor again: it must not emit anything a second time.
						const requests = (t.rp.emulator.requests as unknown[]).length;
						const nextPollBy = Date.now() + SCHEDULED_POLL_WAIT_MS;
						while (
							(t.rp.emulator.requests as unknown[]).length === requests &&
							Date.now() < nextPollBy
						)
							await sleep(1000);
						if ((t.rp.emulator.requests as unknown[]).length === requests)
							return `n8n did not poll ${t.rp.provider.title} again within ${SCHEDULED_POLL_WAIT_MS / 1000} s`;
						await sleep(5000);
						const late = await collect();
						if (late) return late;
						if (copiesOfNew() !== 1)
							return `the new customer ${email} was emitted ${copiesOfNew()} times`;
						if (withUpdates && copiesOfChange() !== 1)
							return `the changed customer was emitted ${copiesOfChange()} times`;
						if (!withUpdates && copiesOfChange())
							return 'the New Customer trigger emitted an existing customer that was only changed';
						o.log(
							`    ${t.rp.provider.title} (${EVENT_LABEL[t.event]}): the ${withUpdates ? 'sign-up and the change' : 'sign-up'} started an execution within ${after} s, and the next poll did not repeat it`,
						);
						return undefined;
					}
					if (Date.now() > deadline) {
						const list = emitted().map((i) => String(i.email ?? i.id));
						const missing = copiesOfNew()
							? 'the changed customer'
							: `${email}${withUpdates && !copiesOfChange() ? ' nor the changed customer' : ''}`;
						return `no execution of the published trigger workflow carried ${missing} within ${SCHEDULED_POLL_WAIT_MS / 1000} s (new executions: ${seen.size}, emitted: ${list.slice(0, 8).join(', ') || 'nothing'})`;
					}
					await sleep(3000);
				}
			});
		}),
	);
}
