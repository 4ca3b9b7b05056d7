/**
 * Every node in n8n's queue mode (`npm run test:queue`; `npm run build` runs first), on the pinned n8n 2.41.1:
 *
 * 1. installs Debian's redis-server and postgresql when missing, starts both on loopback in a temporary folder;
 * 2. starts the emulators, imports the demo credentials and the e2e's workflows (started by a Webhook node), the
 *    polling-trigger workflows and the load workflows, then n8n main, two workers and a webhook process (cluster.ts);
 * 3. runs every node operation case through the webhook process and checks its output, fetches and refreshes an LWA
 *    token, sends each vendor's signed webhook deliveries through the webhook process (one execution on a worker per
 *    event, a forged one refused), and checks each polling trigger emits a new customer exactly once;
 * 4. load across both workers against one account per vendor (load.ts), then a worker killed mid-batch (kill.ts);
 * 5. proves from n8n's execution records (PostgreSQL) and the workers' logs that every execution ran on a worker.
 * Everything it started is stopped at the end, also on failure.
 *
 * Options (env): QUEUE_BASE_PORT (default 6300; n8n takes +0..+19, Redis +20, PostgreSQL +21, emulators +40..+49),
 * QUEUE_SKIP_LOAD=1 and QUEUE_SKIP_TRIGGERS=1 leave those phases out, QUEUE_ONLY=<provider key,...> runs only those
 * providers (all three refused when CI is set), QUEUE_UPDATE_DOCS=1 writes the load table into docs/scaling.md (always
 * into test-artifacts/queue-load.md).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { planOperationCases } from '../e2e/operations';
import { ARTIFACTS, IN_CI } from '../e2e/settings';
import { checkTriggers, executionsOf, planTriggers, triggerItems } from '../e2e/triggers';
import {
	checkDeliveriesThrough,
	checkUnpublishThrough,
	planWebhookTriggers,
} from '../e2e/webhook-triggers';
import { RestSession } from '../lib/n8n';
import { ensureRuntime, RUNTIME_DIR } from '../lib/runtime';
import { credentialsImport, startEmulators } from '../lib/stack';
import { importAll, planCluster, type Cluster } from './cluster';
import { checkWorkerKilled, planKill } from './kill';
import { planLoad, runLoad, writeScalingTable } from './load';
import { check, log, record, summary } from './report';
import { ensureServicePackages, startServices, type Services } from './services';
import { callWebhook, startedByWebhook, type WebhookRun } from './workflows';
import type { Workflow } from '../lib/workflows';

const BASE = Number(process.env.QUEUE_BASE_PORT ?? 6300);
const SKIP_LOAD = process.env.QUEUE_SKIP_LOAD === '1';
const SKIP_TRIGGERS = process.env.QUEUE_SKIP_TRIGGERS === '1';
const ONLY = (process.env.QUEUE_ONLY ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);

async function main(): Promise<number> {
	if (IN_CI && (SKIP_LOAD || SKIP_TRIGGERS || ONLY.length))
		record(
			'the CI run is the full queue-mode run',
			false,
			'QUEUE_SKIP_* or QUEUE_ONLY is set while CI is set',
		);
	const rt = ensureRuntime(log);
	ensureServicePackages(log);
	let services: Services | undefined;
	let cluster: Cluster | undefined;
	const stack = await startEmulators(BASE + 40, log, 'set QUEUE_BASE_PORT to use other ports');
	for (const s of stack.skipped) record(`provider ${s.provider.title}`, false, s.reason);
	if (ONLY.length) stack.running = stack.running.filter((r) => ONLY.includes(r.provider.key));
	try {
		services = await startServices(BASE + 20, BASE + 21, log);
		cluster = planCluster({
			rt,
			root: path.join(RUNTIME_DIR, 'queue-home'),
			basePort: BASE,
			env: services.n8nEnv,
			// main looks for executions whose worker died every minute instead of every 3 hours (kill.ts)
			mainEnv: { N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1' },
			log,
		});

		// The e2e's operation cases, each started by a webhook; the polling triggers; the load and kill workflows.
		const planned = (await planOperationCases(stack.running)).map((p) => ({
			...p,
			path: `case-${p.workflow.id}`,
		}));
		const operations = planned.map((p) => startedByWebhook(p.workflow, p.path));
		const triggers = SKIP_TRIGGERS ? [] : planTriggers(stack.running);
		const webhookTriggers = SKIP_TRIGGERS ? [] : planWebhookTriggers(stack.running);
		const load = SKIP_LOAD ? [] : planLoad(stack.running);
		const kill = SKIP_LOAD ? undefined : planKill(stack.running);
		const ownCredentials = load
			.map((l) => l.credential)
			.filter(
				(c): c is NonNullable<typeof c> =>
					!!c && !stack.running.some((r) => r.credentials.includes(c)),
			)
			.map(({ id, name, type, data }) => ({ id, name, type, data }));
		await importAll(
			cluster,
			[...credentialsImport(stack), ...ownCredentials],
			[
				...operations,
				...triggers.map((t) => ({ ...t.workflow, active: true })),
				...webhookTriggers.map((t) => ({ ...t.workflow, active: true })),
				...load.map((l) => l.workflow),
				...(kill ? [kill.workflow] : []),
			],
			services.sql,
		);
		log(
			`imported ${operations.length} operation, ${triggers.length} polling trigger, ${webhookTriggers.length} webhook trigger and ${load.length + (kill ? 1 : 0)} load workflows`,
		);

		await cluster.start(log);
		const readyAt = Date.now();
		const session = new RestSession(cluster.main.inst);
		await session.login();

		// Every operation of every node, in the e2e's order (later cases may depend on earlier ones).
		for (const p of planned) {
			await check(`queue: ${p.name}`, async () => {
				const run = await runOperation(cluster!, session, p);
				if (run.status !== 200 || !run.items)
					return `the webhook process answered ${run.status}: ${run.text.slice(0, 600)}`;
				const wrong = p.c.check(run.items, p.rp.emulator);
				return wrong
					? `${wrong}\n       output: ${JSON.stringify(run.items).slice(0, 400)}`
					: undefined;
			});
		}

		if (unansweredCalls)
			log(
				`operation cases: the webhook process left ${unansweredCalls} call(s) unanswered; their outputs came from the execution records`,
			);
		await checkLwaRefresh(cluster, session, stack.running, planned);

		// Deliveries through the webhook process: main registered each published webhook trigger at its vendor with
		// the webhook process's URL (N8N_WEBHOOK_URL); the webhook process verifies, a worker runs.
		const throughWebhookProcess = {
			planned: webhookTriggers,
			baseUrl: cluster.webhookUrl,
			session,
			check,
			log,
		};
		if (webhookTriggers.length) await checkDeliveriesThrough(throughWebhookProcess);

		if (triggers.length)
			await checkTriggers({ planned: triggers, session, serverReadyAt: readyAt, check, log });
		// Before the load: a published trigger would add its own requests to the load's vendor accounts (a Nuvemshop
		// delivery fetches the customer, a poll reads changes), and the load measures the workers' pacing alone.
		if (webhookTriggers.length) await checkUnpublishThrough(throughWebhookProcess);
		await unpublishAll(session, triggers);

		if (load.length) {
			const rows = await runLoad(cluster, load, log, check, services.sql);
			writeScalingTable(rows, log);
		}
		const killed = kill ? await checkWorkerKilled(cluster, services, kill, log, check) : undefined;

		await checkEveryExecutionOnAWorker(cluster, services, killed?.executionId);
	} finally {
		await cluster?.stop();
		await stack.stop();
		services?.stop();
	}
	return summary();
}

/** An LWA access token fetched by a worker, then (every token expired at Amazon) refreshed on the next run. */
async function checkLwaRefresh(
	cluster: Cluster,
	session: RestSession,
	running: Awaited<ReturnType<typeof startEmulators>>['running'],
	planned: Array<OperationCase & { rp: { provider: { key: string } }; c: { operation: string } }>,
): Promise<void> {
	const sp = running.find((r) => r.provider.key === 'amazon-selling-partner');
	const read = planned.find(
		(p) => p.rp.provider.key === 'amazon-selling-partner' && p.c.operation === 'getActions',
	);
	if (!sp || !read) return;
	await check('queue: an LWA token is fetched, and refreshed after Amazon expired it', async () => {
		const before = sp.emulator.lwa.sideEffects('token') as number;
		if (before < 1) return 'no LWA token was fetched by the operation cases';
		sp.emulator.lwa.expireAll();
		const run = await runOperation(cluster, session, read);
		if (run.status !== 200)
			return `after expiry the run answered ${run.status}: ${run.text.slice(0, 400)}`;
		const after = sp.emulator.lwa.sideEffects('token') as number;
		return after > before ? undefined : `no new LWA token after expiry (tokens issued: ${after})`;
	});
}

/** Unpublishes the polling-trigger workflows (main stops scheduling their polls). */
async function unpublishAll(session: RestSession, planned: Array<{ workflow: Workflow }>) {
	for (const t of planned) {
		const res = await session.request('POST', `/workflows/${t.workflow.id}/deactivate`, {});
		if (res.status !== 200)
			record(
				`queue: unpublish ${t.workflow.name}`,
				false,
				`HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`,
			);
	}
}

interface OperationCase {
	path: string;
	workflow: Workflow;
}

/** How long an operation case's webhook call may go unanswered before its execution record is read instead. */
const OPERATION_ANSWER_TIMEOUT_MS = 90_000;

/**
 * Runs an operation case through the webhook process. About once in a few hundred calls n8n 2.41.1's webhook process
 * leaves a call unanswered although it logged the job finished and a worker recorded the execution a success; the
 * case's output is then read from its execution record, so the write is not sent again.
 */
async function runOperation(
	cluster: Cluster,
	session: RestSession,
	p: OperationCase,
): Promise<WebhookRun> {
	const calledAt = Date.now();
	const run = await callWebhook(cluster.webhookUrl, p.path, {}, OPERATION_ANSWER_TIMEOUT_MS);
	if (run.status !== 0) return run;
	const lastNode = p.workflow.nodes[p.workflow.nodes.length - 1].name;
	for (let wait = 0; wait < 30; wait++) {
		const finished = (await executionsOf(session, p.workflow.id)).find(
			(e) =>
				e.startedAt &&
				Date.parse(e.startedAt) >= calledAt - 1000 &&
				['success', 'error', 'crashed'].includes(e.status),
		);
		if (finished) {
			log(
				`${p.path}: the webhook process left the call unanswered (${run.text}); execution ${finished.id} ended "${finished.status}", its output is read from the execution record`,
			);
			unansweredCalls++;
			if (finished.status !== 'success')
				return { ...run, text: `${run.text}; execution ${finished.id}: ${finished.status}` };
			const items = await triggerItems(session, finished.id, lastNode);
			return { status: 200, items, text: JSON.stringify(items), ms: Date.now() - calledAt };
		}
		await new Promise((r) => setTimeout(r, 2000));
	}
	return { ...run, text: `${run.text}; no finished execution of ${p.workflow.id} after 60 s` };
}

/** Operation calls the webhook process left unanswered (their output came from the execution records). */
let unansweredCalls = 0;

/** n8n's execution records (PostgreSQL) against the workers' logs: each execution ran on exactly one worker. */
async function checkEveryExecutionOnAWorker(
	cluster: Cluster,
	services: Services,
	killedExecution?: string,
): Promise<void> {
	await check(
		'queue: every execution ran on a worker (execution records and worker logs)',
		async () => {
			const rows = services.sql(
				`SELECT id, mode, status, "workflowId" FROM execution_entity ORDER BY id`,
			);
			const byWorker = cluster.workerOf();
			const perWorker: Record<string, number> = {};
			const notOnWorker: string[] = [];
			for (const row of rows) {
				const [id, mode, status] = row.split('|');
				const seen = byWorker.get(id);
				// the execution the kill test interrupted is the one exception (kill.ts reports what became of it)
				if (id === killedExecution) continue;
				if (!seen || seen.started.length !== 1) {
					notOnWorker.push(
						`${id} (${mode}, ${status}, started by: ${seen?.started.join('+') || 'no worker'})`,
					);
					continue;
				}
				perWorker[seen.started[0]] = (perWorker[seen.started[0]] ?? 0) + 1;
			}
			log(
				`executions in PostgreSQL: ${rows.length}; started by ${Object.entries(perWorker)
					.map(([w, n]) => `${w}: ${n}`)
					.join(', ')}`,
			);
			fs.writeFileSync(
				path.join(ARTIFACTS, 'queue-executions.json'),
				JSON.stringify({ rows, perWorker }, null, 2),
			);
			if (!rows.length) return 'no execution records';
			if (notOnWorker.length)
				return `not run by exactly one worker: ${notOnWorker.slice(0, 10).join('; ')}`;
			if (Object.keys(perWorker).length < 2) return 'only one worker ran executions';
			return undefined;
		},
	);
}

fs.mkdirSync(ARTIFACTS, { recursive: true });
// Ctrl-C or a CI timeout: exit, so the exit handlers stop n8n, Redis and PostgreSQL (services.ts, cluster.ts)
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
main()
	.catch((error) => {
		record('queue-mode run', false, (error as Error).stack ?? String(error));
		return summary();
	})
	.then((code) => process.exit(code));
