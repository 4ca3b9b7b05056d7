/**
 * Webhook triggers in the real n8n, as a user runs them: the published workflow registers itself at the vendor
 * (the emulator, which delivers real signed webhooks to n8n's Production URL), each customer created, updated and
 * deleted at the vendor starts exactly one execution, a forged and a replayed delivery start none, saving and
 * re-publishing and restarting n8n keep one registration, the editor's Listen for Test Event works on the Test URL,
 * and unpublishing leaves no registration behind.
 */
import { createHash } from 'node:crypto';

import { url, type Instance, type RestSession } from '../lib/n8n';
import type { WebhookTriggerE2E } from '../lib/providers';
import type { RunningProvider } from '../lib/stack';
import { webhookTriggerWorkflow, workflowId, type Workflow } from '../lib/workflows';
import { executionsOf, triggerItems } from './triggers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A delivery reaches n8n within a second or two; allow for a loaded machine. */
const EXECUTION_WAIT_MS = 60_000;
/** After the last delivery: time for a duplicate execution to show, if there were one. */
const QUIET_MS = 4_000;
const EVENTS = ['created', 'updated', 'deleted'] as const;

export interface PlannedWebhookTrigger {
	rp: RunningProvider;
	spec: WebhookTriggerE2E;
	workflow: Workflow;
	webhookId: string;
}

/** A stable UUID per provider, so the trigger's URLs are known before n8n starts. */
function webhookIdFor(key: string): string {
	const h = createHash('sha256').update(`e2e webhook ${key}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Per provider with a webhook trigger: one workflow listening to created, updated and deleted customers. */
export function planWebhookTriggers(running: RunningProvider[]): PlannedWebhookTrigger[] {
	return running
		.filter((rp) => rp.provider.webhook)
		.map((rp) => {
			const spec = rp.provider.webhook!;
			const webhookId = webhookIdFor(rp.provider.key);
			const credential = rp.credentials.find((c) => c.id === spec.credential) ?? rp.credentials[0];
			return {
				rp,
				spec,
				webhookId,
				workflow: webhookTriggerWorkflow({
					id: workflowId(`e2e webhook ${rp.provider.key}`),
					name: `E2E webhook trigger: ${rp.provider.title}`,
					node: spec.node,
					folder: rp.provider.node,
					webhookId,
					parameters: { events: [...EVENTS], ...spec.parameters },
					credential,
				}),
			};
		});
}

const productionUrl = (inst: Instance, t: PlannedWebhookTrigger) =>
	`${url(inst)}/webhook/${t.webhookId}/webhook`;
const testUrl = (inst: Instance, t: PlannedWebhookTrigger) =>
	`${url(inst)}/webhook-test/${t.webhookId}/webhook`;

interface Emitted {
	executionId: string;
	startedAt: number;
	mode?: string;
	items: Array<Record<string, unknown>>;
}

/** New finished executions of the workflow since `before`, with the trigger's items; fails on one that did not succeed. */
async function newExecutions(
	session: RestSession,
	t: PlannedWebhookTrigger,
	before: Set<string>,
): Promise<Emitted[]> {
	const out: Emitted[] = [];
	for (const e of await executionsOf(session, t.workflow.id)) {
		if (before.has(e.id) || !['success', 'error', 'crashed'].includes(e.status)) continue;
		if (e.status !== 'success')
			throw new Error(`execution ${e.id} of ${t.workflow.name} ended with status ${e.status}`);
		out.push({
			executionId: e.id,
			startedAt: Date.parse(e.startedAt ?? '') || Date.now(),
			mode: e.mode,
			items: await triggerItems(session, e.id, t.workflow.nodes[0].name),
		});
	}
	return out;
}

async function executionIds(session: RestSession, t: PlannedWebhookTrigger): Promise<Set<string>> {
	return new Set((await executionsOf(session, t.workflow.id)).map((e) => e.id));
}

/** Waits until an execution (of n8n's `mode`, when given) carries `event` for the customer `id`; returns when it started. */
async function waitForEvent(
	session: RestSession,
	t: PlannedWebhookTrigger,
	before: Set<string>,
	event: string,
	id: string,
	mode?: 'manual' | 'webhook',
): Promise<number> {
	const deadline = Date.now() + EXECUTION_WAIT_MS;
	for (;;) {
		const hit = (await newExecutions(session, t, before)).find(
			(e) =>
				(!mode || e.mode === mode) &&
				e.items.some((i) => i.event === event && t.spec.idOf(i) === id),
		);
		if (hit) return hit.startedAt;
		if (Date.now() > deadline)
			throw new Error(
				`no ${mode ? `${mode} ` : ''}execution carried "${event}" for customer ${id} within ${EXECUTION_WAIT_MS / 1000} s (deliveries: ${deliverySummary(t)})`,
			);
		await sleep(500);
	}
}

function deliverySummary(t: PlannedWebhookTrigger): string {
	const deliveries = (t.rp.emulator.webhookSender?.deliveries ?? []) as Array<{
		url: string;
		attempts: Array<{ status: number }>;
	}>;
	return (
		deliveries
			.slice(-6)
			.map(
				(d) =>
					`${d.url.replace(/^.*\/(webhook(-test)?)\//, '$1/')} → ${d.attempts.map((a) => a.status).join(',')}`,
			)
			.join('; ') || 'none'
	);
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) return false;
		await sleep(250);
	}
	return true;
}

/** What the closing note reports per vendor. */
export interface WebhookFigures {
	provider: string;
	registrations: Record<string, number>;
	executionsPerEvent: Record<string, number>;
	delayMs: Record<string, number>;
	forged: number;
	replayed: number;
}

export async function checkWebhookTriggers(o: {
	planned: PlannedWebhookTrigger[];
	inst: Instance;
	session: RestSession;
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>;
	log: (s: string) => void;
	/** Stops n8n and starts it again on the same database; returns a logged-in session of the new server. */
	restart: () => Promise<RestSession>;
}): Promise<WebhookFigures[]> {
	let session = o.session;
	const figures = new Map<PlannedWebhookTrigger, WebhookFigures>();
	const registrationsAt = (t: PlannedWebhookTrigger, target = productionUrl(o.inst, t)) =>
		t.spec.registrations(t.rp.emulator, target);
	const expectRegistrations = async (t: PlannedWebhookTrigger, when: string, count: number) => {
		// n8n registers while activating, which may finish a little after it answers
		await waitFor(() => registrationsAt(t) === count, 10_000);
		const held = registrationsAt(t);
		figures.get(t)!.registrations[when] = held;
		return held === count
			? undefined
			: `${t.rp.provider.title} holds ${held} registrations for ${productionUrl(o.inst, t)} ${when}, expected ${count}`;
	};

	for (const t of o.planned) {
		const title = t.rp.provider.title;
		const n = t.spec.registrationsPerUrl;
		figures.set(t, {
			provider: title,
			registrations: {},
			executionsPerEvent: {},
			delayMs: {},
			forged: 0,
			replayed: 0,
		});
		const f = figures.get(t)!;
		await o.check(
			`webhook trigger: the published ${title} workflow holds ${n} registration(s) at the vendor`,
			async () => expectRegistrations(t, 'after publish', n),
		);
		await o.check(
			`webhook trigger: ${title}: a customer created, updated and deleted at the vendor starts exactly one execution per event`,
			async () => {
				t.spec.afterPublish?.(t.rp.emulator, productionUrl(o.inst, t));
				const before = await executionIds(session, t);
				const runId = Date.now().toString(36);
				const changedAt: Record<string, number> = {};
				changedAt.created = Date.now();
				const id = await t.spec.create(
					t.rp.mod,
					t.rp.emulator,
					`webhook.${t.rp.provider.key}.${runId}@example.com`,
				);
				f.delayMs.created =
					(await waitForEvent(session, t, before, 'created', id)) - changedAt.created;
				changedAt.updated = Date.now();
				await t.spec.update(t.rp.mod, t.rp.emulator, id, `e2e webhook ${runId}`);
				f.delayMs.updated =
					(await waitForEvent(session, t, before, 'updated', id)) - changedAt.updated;
				changedAt.deleted = Date.now();
				await t.spec.remove(t.rp.mod, t.rp.emulator, id);
				f.delayMs.deleted =
					(await waitForEvent(session, t, before, 'deleted', id)) - changedAt.deleted;
				await t.rp.emulator.webhookSender.settled();
				await sleep(QUIET_MS);
				const emitted = (await newExecutions(session, t, before)).flatMap((e) => e.items);
				const problems: string[] = [];
				for (const event of EVENTS) {
					const copies = emitted.filter((i) => i.event === event && t.spec.idOf(i) === id).length;
					f.executionsPerEvent[event] = copies;
					if (copies !== 1) problems.push(`"${event}" for ${id} was emitted ${copies} times`);
				}
				o.log(
					`    ${title}: created/updated/deleted each ran the workflow once; change → execution start: ${EVENTS.map((e) => `${e} ${f.delayMs[e]} ms`).join(', ')}`,
				);
				return problems.join('; ') || undefined;
			},
		);
		await o.check(
			`webhook trigger: ${title}: a forged delivery is refused with 401 and a replayed one starts no execution`,
			async () => {
				const delivered = (
					t.rp.emulator.webhookSender.deliveries as Array<{
						url: string;
						body: string;
						headers: Record<string, string>;
						delivered: boolean;
					}>
				).filter((d) => d.url === productionUrl(o.inst, t) && d.delivered);
				const last = delivered[delivered.length - 1];
				if (!last) return 'the emulator delivered nothing to the Production URL to replay';
				const before = await executionIds(session, t);
				const post = async (headers: Record<string, string>) => {
					const res = await fetch(productionUrl(o.inst, t), {
						method: 'POST',
						headers: { 'content-type': 'application/json', ...headers },
						body: last.body,
					});
					await res.arrayBuffer();
					return res.status;
				};
				const forged = await post(t.spec.forge(last.headers));
				const replayed = await post(last.headers);
				await sleep(QUIET_MS);
				const started = (await newExecutions(session, t, before)).length;
				f.forged = forged;
				f.replayed = replayed;
				if (forged !== 401) return `the forged delivery was answered ${forged}, not 401`;
				if (replayed < 200 || replayed > 299)
					return `the replayed (genuine) delivery was answered ${replayed}: the vendor would retry it`;
				return started
					? `${started} execution(s) started after the forged and replayed deliveries`
					: undefined;
			},
		);
	}

	await o.check(
		'webhook trigger: saving and re-publishing each workflow keeps one registration',
		async () => {
			const problems: string[] = [];
			for (const t of o.planned) {
				const got = await session.request('GET', `/workflows/${t.workflow.id}`);
				const wf = got.json?.data;
				if (!wf) return `GET /rest/workflows/${t.workflow.id}: HTTP ${got.status}`;
				const saved = await session.request('PATCH', `/workflows/${t.workflow.id}`, {
					name: `${wf.name} (saved)`,
					nodes: wf.nodes,
					connections: wf.connections,
					settings: wf.settings,
					versionId: wf.versionId,
				});
				if (saved.status !== 200)
					return `PATCH /rest/workflows/${t.workflow.id}: HTTP ${saved.status} ${JSON.stringify(saved.json).slice(0, 300)}`;
				const published = await session.request('POST', `/workflows/${t.workflow.id}/activate`, {
					versionId: saved.json.data.versionId,
				});
				if (published.status !== 200)
					return `POST /rest/workflows/${t.workflow.id}/activate: HTTP ${published.status} ${JSON.stringify(published.json).slice(0, 300)}`;
				const problem = await expectRegistrations(
					t,
					'after save and re-publish',
					t.spec.registrationsPerUrl,
				);
				if (problem) problems.push(problem);
			}
			return problems.join('; ') || undefined;
		},
	);

	await o.check(
		'webhook trigger: after n8n restarts, each workflow still holds one registration',
		async () => {
			session = await o.restart();
			const problems: string[] = [];
			for (const t of o.planned) {
				const problem = await expectRegistrations(t, 'after restart', t.spec.registrationsPerUrl);
				if (problem) problems.push(problem);
			}
			return problems.join('; ') || undefined;
		},
	);

	for (const t of o.planned) {
		const title = t.rp.provider.title;
		await o.check(
			`webhook trigger: ${title}: Listen for Test Event registers the Test URL and runs once on a delivery, and the published workflow runs the same event`,
			async () => {
				const nodeName = t.workflow.nodes[0].name;
				const before = await executionIds(session, t);
				const listenedAt = Date.now();
				const run = await session.request('POST', `/workflows/${t.workflow.id}/run`, {
					destinationNode: { nodeName, mode: 'inclusive' },
				});
				if (run.status !== 200)
					return `POST /rest/workflows/${t.workflow.id}/run: HTTP ${run.status} ${JSON.stringify(run.json).slice(0, 300)}`;
				if (!run.json?.data?.waitingForWebhook)
					return `n8n did not wait for a test delivery: ${JSON.stringify(run.json).slice(0, 300)}`;
				const target = testUrl(o.inst, t);
				if (
					!(await waitFor(() => registrationsAt(t, target) === t.spec.registrationsPerUrl, 15_000))
				)
					return `the Test URL has ${registrationsAt(t, target)} registrations at the vendor, expected ${t.spec.registrationsPerUrl}`;
				const id = await t.spec.create(
					t.rp.mod,
					t.rp.emulator,
					`webhook.test.${t.rp.provider.key}.${Date.now().toString(36)}@example.com`,
				);
				// the vendor delivers to the Test URL and, the workflow being published, to the Production URL: each runs
				await waitForEvent(session, t, before, 'created', id, 'manual');
				await waitForEvent(session, t, before, 'created', id, 'webhook');
				// n8n removes the test registration once the test delivery's execution finished
				if (!(await waitFor(() => registrationsAt(t, target) === 0, 60_000))) {
					const seen = (
						t.rp.emulator.requests as Array<{
							method: string;
							path: string;
							query: string;
							status: number;
							at: number;
						}>
					)
						.filter((r) => r.at >= listenedAt && /webhook/i.test(r.path))
						.map(
							(r) =>
								`${r.method} ${r.path}${r.query ? `?${decodeURIComponent(r.query)}` : ''} → ${r.status}`,
						);
					return `after the test event the vendor still holds ${registrationsAt(t, target)} registrations for the Test URL; its webhook requests since Listen: ${seen.join('; ') || 'none'}`;
				}
				await t.rp.emulator.webhookSender.settled();
				return undefined;
			},
		);
		await o.check(
			`webhook trigger: ${title}: unpublishing removes every registration`,
			async () => {
				const res = await session.request('POST', `/workflows/${t.workflow.id}/deactivate`, {});
				if (res.status !== 200)
					return `POST /rest/workflows/${t.workflow.id}/deactivate: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`;
				return await expectRegistrations(t, 'after unpublish', 0);
			},
		);
	}
	const result = [...figures.values()];
	for (const f of result) o.log(`    webhook figures ${JSON.stringify(f)}`);
	return result;
}

/**
 * Queue mode: deliveries reach the webhook process (n8n's N8N_WEBHOOK_URL), which verifies them and hands the
 * execution to a worker. Per published webhook trigger: its registrations point at `baseUrl`, a customer created at
 * the vendor starts exactly one execution carrying it, and a forged delivery is refused with 401 and starts none.
 */
export async function checkDeliveriesThrough(o: {
	planned: PlannedWebhookTrigger[];
	baseUrl: string;
	session: RestSession;
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>;
	log: (s: string) => void;
}): Promise<void> {
	for (const t of o.planned) {
		const target = `${o.baseUrl}/webhook/${t.webhookId}/webhook`;
		await o.check(
			`queue: ${t.rp.provider.title} Webhook Trigger: deliveries through the webhook process run once on a worker; a forged one is refused`,
			async () => {
				if (
					!(await waitFor(
						() => t.spec.registrations(t.rp.emulator, target) === t.spec.registrationsPerUrl,
						60_000,
					))
				)
					return `the vendor holds ${t.spec.registrations(t.rp.emulator, target)} registrations for ${target}, expected ${t.spec.registrationsPerUrl}`;
				const before = await executionIds(o.session, t);
				const changedAt = Date.now();
				const id = await t.spec.create(
					t.rp.mod,
					t.rp.emulator,
					`queue.webhook.${t.rp.provider.key}.${changedAt.toString(36)}@example.com`,
				);
				const startedAt = await waitForEvent(o.session, t, before, 'created', id);
				await t.rp.emulator.webhookSender.settled();
				const delivered = (
					t.rp.emulator.webhookSender.deliveries as Array<{
						url: string;
						body: string;
						headers: Record<string, string>;
						delivered: boolean;
					}>
				).filter((d) => d.url === target && d.delivered);
				const last = delivered[delivered.length - 1];
				if (!last) return `the emulator delivered nothing to ${target}`;
				const forged = await fetch(target, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...t.spec.forge(last.headers) },
					body: last.body,
				});
				await forged.arrayBuffer();
				await sleep(QUIET_MS);
				const emitted = (await newExecutions(o.session, t, before)).flatMap((e) => e.items);
				const copies = emitted.filter((i) => i.event === 'created' && t.spec.idOf(i) === id).length;
				o.log(
					`    ${t.rp.provider.title}: sign-up → execution start ${startedAt - changedAt} ms through the webhook process; forged delivery answered ${forged.status}`,
				);
				if (forged.status !== 401)
					return `the forged delivery was answered ${forged.status}, not 401`;
				if (copies !== 1) return `the new customer was emitted ${copies} times`;
				if (emitted.length !== 1)
					return `${emitted.length} items were emitted, expected only the sign-up`;
				return undefined;
			},
		);
	}
}

/**
 * Queue mode: unpublishing through main removes every registration the vendor holds for the webhook process's URL,
 * so no more deliveries (and no fetches after them) reach the vendor account afterwards.
 */
export async function checkUnpublishThrough(o: {
	planned: PlannedWebhookTrigger[];
	baseUrl: string;
	session: RestSession;
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>;
}): Promise<void> {
	for (const t of o.planned) {
		const target = `${o.baseUrl}/webhook/${t.webhookId}/webhook`;
		await o.check(
			`queue: ${t.rp.provider.title} Webhook Trigger: unpublishing through main removes every registration`,
			async () => {
				const res = await o.session.request('POST', `/workflows/${t.workflow.id}/deactivate`, {});
				if (res.status !== 200)
					return `POST /rest/workflows/${t.workflow.id}/deactivate: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`;
				await waitFor(() => t.spec.registrations(t.rp.emulator, target) === 0, 30_000);
				const held = t.spec.registrations(t.rp.emulator, target);
				return held === 0
					? undefined
					: `the vendor still holds ${held} registrations for ${target}`;
			},
		);
	}
}
