/**
 * Load across both workers: per vendor, many executions (several at once) that write to ONE account (one Nuvemshop
 * store, one SP-API seller, one Voucherify project, one UltraCart merchant). Each emulator enforces that account's
 * limit for every client together (one bucket per emulated account), so two workers that each pace only themselves
 * would be refused. Counted at the emulator: writes that arrived, writes repeated, 429s, and the time taken against
 * the time the vendor's limit needs for that many requests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { EmulatedBucket } from '../../test/emulators/kit';
import { nodeDescription, operationWorkflow, workflowId, type Workflow } from '../lib/workflows';
import type { DemoCredential } from '../lib/providers';
import type { RunningProvider } from '../lib/stack';
import { ARTIFACTS } from '../e2e/settings';
import { REPO_ROOT } from '../lib/runtime';
import type { Cluster } from './cluster';
import { callWebhook, startedByWebhook } from './workflows';

interface Recorded {
	method: string;
	path: string;
	body: string;
	operation?: string;
	status: number;
	at: number;
}

export interface LoadPlan {
	key: string;
	title: string;
	rp: RunningProvider;
	workflow: Workflow;
	path: string;
	executions: number;
	/** Webhook calls in flight at once. */
	concurrency: number;
	/** The vendor's limit for the requests this work makes: burst and sustained rate (per second). */
	limit: { burst: number; perSecond: number; describe: string };
	/** The requests of this work the emulator counts against that limit. */
	counted: (r: Recorded) => boolean;
	/** The marker a data-changing request carries, or undefined when the request changes nothing. */
	writeMarker: (r: Recorded) => string | undefined;
	/** Sets the emulator to the vendor's real limit for this account, before the load starts. */
	prepare?: () => void | Promise<void>;
	/** The node's Request Settings > Processes Sharing the Account. */
	processesSharing: number;
	/** A credential of its own (imported besides the demo ones), when the run must not share pacing with another. */
	credential?: DemoCredential;
}

const json = (body: string): Record<string, any> => {
	try {
		return JSON.parse(body) as Record<string, any>;
	} catch {
		return {};
	}
};

const marker = (key: string, i: number) => `load-${key}-${i}`;

/** One workflow per vendor: Webhook → our node, its parameters taken from the webhook's body. */
export function planLoad(running: RunningProvider[]): LoadPlan[] {
	const plans: LoadPlan[] = [];
	const find = (key: string) => running.find((r) => r.provider.key === key);
	const build = (
		rp: RunningProvider,
		parameters: Record<string, unknown>,
		processesSharing = 1,
		credential = rp.credentials[0],
	): { workflow: Workflow; path: string; processesSharing: number } => {
		const key = `${rp.provider.key}-shared-by-${processesSharing}`;
		const wf = operationWorkflow({
			// the setting first: workflowId keeps only the start of the key readable
			id: workflowId(`load${processesSharing} ${rp.provider.key}`),
			name: `Queue load: ${rp.provider.title} (Processes Sharing the Account: ${processesSharing})`,
			node: rp.provider.node,
			nodeLabel: nodeDescription(rp.provider.node).displayName,
			parameters: { ...parameters, requestSettings: { processesSharingAccount: processesSharing } },
			credential,
		});
		return { workflow: startedByWebhook(wf, `load-${key}`), path: `load-${key}`, processesSharing };
	};
	const nuvemshop = find('nuvemshop');
	// as a user who set nothing, then with the setting for two workers, on its own credential and a fresh store bucket
	if (nuvemshop)
		for (const processesSharing of [1, 2]) {
			const credential =
				processesSharing === 1
					? nuvemshop.credentials[0]
					: { ...nuvemshop.credentials[0], id: 'queueNuvemshop02', name: 'Nuvemshop (second)' };
			plans.push({
				key: `nuvemshop-${processesSharing}`,
				title: 'Nuvemshop: update customers of one store',
				rp: nuvemshop,
				credential,
				...build(
					nuvemshop,
					{
						resource: 'customer',
						operation: 'update',
						customerId: '1002',
						updateFields: { note: '={{ $json.body.marker }}' },
					},
					processesSharing,
					credential,
				),
				executions: 120,
				concurrency: 8,
				limit: { burst: 40, perSecond: 2, describe: 'bucket 40, leaks 2/s per store' },
				counted: (r) => r.path.includes('/customers'),
				writeMarker: (r) => (r.method === 'PUT' ? json(r.body).note : undefined),
				prepare: () => {
					nuvemshop.emulator.bucket = new EmulatedBucket(40, 2, nuvemshop.emulator.clock);
				},
			});
		}
	const sp = find('amazon-selling-partner');
	// SP-API reports only its rate, not what other processes used: first as a user who set nothing, then with the
	// setting for two workers
	if (sp)
		for (const processesSharing of [1, 2])
			plans.push({
				key: `amazon-selling-partner-${processesSharing}`,
				title: 'SP-API: confirm-delivery messages for one seller',
				rp: sp,
				...build(
					sp,
					{
						resource: 'message',
						operation: 'sendConfirmDeliveryDetails',
						amazonOrderId: '123-1234567-1234567',
						marketplaceId: 'ATVPDKIKX0DER',
						text: '={{ $json.body.marker }}',
					},
					processesSharing,
				),
				executions: 40,
				concurrency: 6,
				limit: { burst: 5, perSecond: 1, describe: 'burst 5, 1/s per operation and seller' },
				counted: (r) => r.operation === 'createConfirmDeliveryDetails',
				writeMarker: (r) =>
					r.operation === 'createConfirmDeliveryDetails' ? json(r.body).text : undefined,
				// the seller's bucket (5 requests, 1 a second) fills again after the run before
				prepare: () => new Promise((r) => setTimeout(r, 6000)),
			});
	const voucherify = find('voucherify');
	// Voucherify reports what is left: first as a user who set nothing, then with the setting for two workers, each
	// run on a fresh project limit and its own credential (so the workers' buckets start fresh too)
	if (voucherify)
		for (const processesSharing of [1, 2]) {
			const credential =
				processesSharing === 1
					? voucherify.credentials[0]
					: { ...voucherify.credentials[0], id: 'queueVoucherify2', name: 'Voucherify (second)' };
			plans.push({
				key: `voucherify-${processesSharing}`,
				title: 'Voucherify: upsert customers of one project',
				rp: voucherify,
				credential,
				...build(
					voucherify,
					{
						resource: 'customer',
						operation: 'upsert',
						sourceId: '={{ $json.body.marker }}',
						customerFields: { name: 'Load Test', email: '={{ $json.body.marker }}@example.com' },
					},
					processesSharing,
					credential,
				),
				executions: 80,
				concurrency: 8,
				limit: { burst: 100, perSecond: 100 / 60, describe: '100 a minute per project' },
				counted: () => true,
				writeMarker: (r) =>
					['POST', 'PUT'].includes(r.method) && r.path.includes('/customers')
						? json(r.body).source_id
						: undefined,
				// the emulator's default is generous (2,000 a minute); Business plans allow 100 a minute
				prepare: () => {
					voucherify.emulator.bucket = new EmulatedBucket(100, 100 / 60, voucherify.emulator.clock);
				},
			});
		}
	const ultracart = find('ultracart');
	if (ultracart)
		plans.push({
			key: 'ultracart',
			title: 'UltraCart: create customers of one merchant',
			rp: ultracart,
			...build(
				ultracart,
				{
					resource: 'customer',
					operation: 'create',
					email: '={{ $json.body.marker }}@example.com',
				},
				2,
			),
			executions: 40,
			concurrency: 6,
			limit: {
				burst: 1000,
				perSecond: 1000 / 3600,
				describe: '1,000 an hour per application, one request at a time',
			},
			counted: () => true,
			writeMarker: (r) =>
				r.method === 'POST' && r.path.endsWith('/customer/customers')
					? String(json(r.body).email ?? '').replace(/@example\.com$/, '')
					: undefined,
		});
	return plans;
}

export interface LoadRow {
	vendor: string;
	executions: number;
	finished: number;
	failed: number;
	lost: number;
	repeated: number;
	throttled: number;
	requests: number;
	seconds: number;
	boundSeconds: number;
	limit: string;
	processesSharing: number;
}

/** Runs each vendor's batch in turn and checks nothing was lost or repeated. */
export async function runLoad(
	cluster: Cluster,
	plans: LoadPlan[],
	log: (s: string) => void,
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>,
	sql: (query: string) => string[],
): Promise<LoadRow[]> {
	const rows: LoadRow[] = [];
	for (const plan of plans) {
		await plan.prepare?.();
		const emu = plan.rp.emulator;
		const from = (emu.requests as Recorded[]).length;
		const startedAt = Date.now();
		let next = 0;
		let lastAnswerAt = startedAt;
		const outcomes: Array<{ i: number; ok: boolean; detail: string }> = [];
		const lane = async () => {
			for (;;) {
				const i = next++;
				if (i >= plan.executions) return;
				const run = await callWebhook(
					cluster.webhookUrl,
					plan.path,
					{ marker: marker(plan.key, i) },
					// an execution of this load waits at most a few seconds for its turn; a call left unanswered costs this
					60_000,
				);
				if (run.status === 200) lastAnswerAt = Date.now();
				outcomes.push({
					i,
					ok: run.status === 200,
					detail: `${run.status} ${run.text.slice(0, 200)}`,
				});
			}
		};
		await Promise.all(Array.from({ length: plan.concurrency }, lane));
		// until the last answer: a call left unanswered would add its timeout
		const seconds = (lastAnswerAt - startedAt) / 1000;
		const received = (emu.requests as Recorded[]).slice(from);
		// every request the vendor saw, for a look at when the refusals came
		fs.writeFileSync(
			path.join(ARTIFACTS, `queue-load-${plan.key}.json`),
			JSON.stringify(
				received.map((r) => ({
					ms: r.at - startedAt,
					method: r.method,
					path: r.path,
					status: r.status,
				})),
			),
		);
		// what the vendor accepted (a refused request used none of its limit)
		const counted = received.filter((r) => plan.counted(r) && r.status !== 429);
		const writes = new Map<string, number>();
		for (const r of received) {
			const m = plan.writeMarker(r);
			if (m === undefined || r.status === 429) continue; // a refused request changed nothing
			writes.set(m, (writes.get(m) ?? 0) + 1);
		}
		const expected = Array.from({ length: plan.executions }, (_, i) => marker(plan.key, i));
		const lost = expected.filter((m) => !writes.has(m));
		const repeated = [...writes.values()].filter((n) => n > 1).length;
		// The execution records are the truth: a call the webhook process never answered (seen once in six runs, the
		// write done) counts as finished when its execution succeeded.
		const succeeded = () =>
			Number(
				sql(
					`SELECT count(*) FROM execution_entity WHERE "workflowId" = '${plan.workflow.id}' AND status = 'success'`,
				)[0] ?? 0,
			);
		const unanswered = outcomes.filter((o) => o.detail.startsWith('0 '));
		for (let wait = 0; unanswered.length && succeeded() < plan.executions && wait < 15; wait++)
			await new Promise((r) => setTimeout(r, 2000));
		const recorded = succeeded();
		const failed =
			recorded >= plan.executions
				? []
				: outcomes.filter((o) => !o.ok).slice(0, plan.executions - recorded);
		if (unanswered.length)
			log(
				`load ${plan.key}: ${unanswered.length} webhook call(s) got no answer; the execution records say ${recorded} of ${plan.executions} succeeded`,
			);
		// What the vendor's limit allows: the burst at once, the rest at the sustained rate.
		const boundSeconds = Math.max(0, counted.length - plan.limit.burst) / plan.limit.perSecond;
		const row: LoadRow = {
			vendor: plan.title,
			executions: plan.executions,
			finished: Math.min(plan.executions, recorded),
			failed: failed.length,
			lost: lost.length,
			repeated,
			throttled: received.filter((r) => r.status === 429).length,
			requests: counted.length,
			seconds,
			boundSeconds,
			limit: plan.limit.describe,
			processesSharing: plan.processesSharing,
		};
		rows.push(row);
		log(
			`load ${plan.key}: ${row.finished}/${row.executions} finished in ${seconds.toFixed(1)} s (limit allows ${boundSeconds.toFixed(1)} s for ${counted.length} requests), ${row.throttled} × 429, lost ${row.lost}, repeated ${repeated}`,
		);
		await check(
			`load: ${plan.title}: ${plan.executions} executions, none lost, no write repeated`,
			async () => {
				const problems: string[] = [];
				if (failed.length)
					problems.push(
						`${failed.length} executions failed: ${failed
							.slice(0, 3)
							.map((f) => `#${f.i} ${f.detail}`)
							.join('; ')}`,
					);
				if (lost.length) problems.push(`never written: ${lost.slice(0, 5).join(', ')}`);
				if (repeated) problems.push(`${repeated} writes arrived more than once`);
				return problems.join('\n') || undefined;
			},
		);
	}
	// Which worker ran them: the executions of each load workflow, by the workers' logs.
	return rows;
}

/**
 * Prints the table and writes it to test-artifacts/queue-load.md; with QUEUE_UPDATE_DOCS=1 also into docs/scaling.md
 * (between its markers; run Prettier afterwards), so a CI run leaves the checkout unchanged.
 */
export function writeScalingTable(rows: LoadRow[], log: (s: string) => void): void {
	const header =
		'| Vendor, one account (its limit) | Processes sharing setting | Executions finished | Items lost | Writes repeated | 429s | Requests accepted | Time (s) | Limit allows (s) | Ratio |\n|---|---|---|---|---|---|---|---|---|---|';
	const lines = rows.map(
		(r) =>
			`| ${r.vendor} (${r.limit}) | ${r.processesSharing} | ${r.finished} / ${r.executions} | ${r.lost} | ${r.repeated} | ${r.throttled} | ${r.requests} | ${r.seconds.toFixed(1)} | ${r.boundSeconds.toFixed(1)} | ${r.boundSeconds > 0 ? `${(r.seconds / r.boundSeconds).toFixed(2)}x` : '–'} |`,
	);
	const table = [header, ...lines].join('\n');
	console.log(`\n${table}\n`);
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(path.join(ARTIFACTS, 'queue-load.md'), `${table}\n`);
	if (process.env.QUEUE_UPDATE_DOCS !== '1') return;
	const doc = path.join(REPO_ROOT, 'docs', 'scaling.md');
	const text = fs.readFileSync(doc, 'utf8');
	const start = '<!-- load-table:start -->';
	const end = '<!-- load-table:end -->';
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a < 0 || b < a) return;
	fs.writeFileSync(doc, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
	log('docs/scaling.md: load table updated');
}
