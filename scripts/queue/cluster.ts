/**
 * n8n in queue mode: a main process (editor, REST, triggers and polls), two workers (`n8n worker`) and a webhook
 * process (`n8n webhook`), each with its own N8N_USER_FOLDER and our package installed there as a community package
 * (as on separate machines), all with one encryption key, one Redis and one PostgreSQL, each with its own
 * task-runner broker port. Ports: base (main), +1 main's broker, +2 webhook, +3 its broker, +4/+6 the workers'
 * health checks, +5/+7 their brokers, +10.. the CLI's brokers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	cliOrThrow,
	ensurePortsFree,
	installPackage,
	packPackage,
	startServer,
	waitHealthy,
	type Instance,
	type Server,
} from '../lib/n8n';
import type { Runtime } from '../lib/runtime';

export const ENCRYPTION_KEY = 'queue-mode-shared-encryption-key-0123456789';
export const OWNER = {
	email: 'owner@example.com',
	password: 'QueueOwner-pass1',
	firstName: 'Queue',
	lastName: 'Owner',
};

export type Role = 'main' | 'worker-1' | 'worker-2' | 'webhook';

export interface Member {
	role: Role;
	inst: Instance;
	server?: Server;
	logFile: string;
}

export interface Cluster {
	main: Member;
	workers: Member[];
	webhook: Member;
	members: Member[];
	/** The webhook process's base URL (production webhooks: /webhook/<path>). */
	webhookUrl: string;
	/** Next free broker port for a CLI command. */
	cliBroker: () => number;
	start: (log: (s: string) => void) => Promise<void>;
	stop: () => Promise<void>;
	/** Which worker logged that it started (and finished) each execution. */
	workerOf: () => Map<string, { started: Role[]; finished: Role[] }>;
}

/** Homes under `root`, one per process, each with the tarball installed; nothing runs yet. */
export function planCluster(o: {
	rt: Runtime;
	root: string;
	basePort: number;
	env: Record<string, string>;
	log: (s: string) => void;
	/** Settings of the worker processes only (the test's pacing setting). */
	workerEnv?: Record<string, string>;
	/** Settings of main only. */
	mainEnv?: Record<string, string>;
	concurrency?: number;
	owner?: Instance['owner'];
}): Cluster {
	fs.rmSync(o.root, { recursive: true, force: true });
	fs.mkdirSync(o.root, { recursive: true });
	const tarball = packPackage(path.join(o.rt.dir, 'pack'));
	const member = (
		role: Role,
		port: number,
		brokerPort: number,
		env: Record<string, string>,
	): Member => {
		const home = path.join(o.root, role);
		fs.mkdirSync(home, { recursive: true });
		const inst: Instance = {
			home,
			port,
			brokerPort,
			encryptionKey: ENCRYPTION_KEY,
			owner: o.owner ?? OWNER,
			rt: o.rt,
			log: o.log,
			env: { ...o.env, ...env },
		};
		installPackage(inst, tarball);
		return { role, inst, logFile: path.join(o.root, `${role}.log`) };
	};
	const b = o.basePort;
	const main = member('main', b, b + 1, {
		// production webhooks only on the webhook process
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${b + 2}/`,
		...(o.mainEnv ?? {}),
	});
	const webhook = member('webhook', b + 2, b + 3, {});
	const workers = [1, 2].map((n) =>
		member(`worker-${n}` as Role, b + 2 + 2 * n, b + 3 + 2 * n, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(b + 2 + 2 * n),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...(o.workerEnv ?? {}),
		}),
	);
	const members = [main, ...workers, webhook];
	let nextCliBroker = b + 10;
	const cluster: Cluster = {
		main,
		workers,
		webhook,
		members,
		webhookUrl: `http://127.0.0.1:${b + 2}`,
		cliBroker: () => nextCliBroker++,
		start: async (log) => {
			for (const m of members)
				await ensurePortsFree(m.inst, [
					{ port: m.inst.port, what: `${m.role}'s HTTP port` },
					{ port: m.inst.brokerPort, what: `${m.role}'s task broker` },
				]);
			// whatever ends this process (a failure, Ctrl-C), no n8n process group outlives it
			process.once('exit', () => members.forEach((m) => m.server?.kill()));
			// main first: it runs the migrations and activates the published workflows
			main.server = startServer(main.inst, { logFile: main.logFile, processGroup: true });
			await waitHealthy(main.inst, main.server);
			log(`main ready on 127.0.0.1:${main.inst.port}`);
			for (const w of workers)
				w.server = startServer(w.inst, {
					logFile: w.logFile,
					processGroup: true,
					command: ['worker', `--concurrency=${o.concurrency ?? 10}`],
				});
			webhook.server = startServer(webhook.inst, {
				logFile: webhook.logFile,
				processGroup: true,
				command: ['webhook'],
			});
			await Promise.all(
				[...workers, webhook].map(async (m) => {
					const route = m.role === 'webhook' ? '/healthz' : '/healthz/readiness';
					await waitReady(m, `http://127.0.0.1:${m.inst.port}${route}`);
					log(`${m.role} ready on 127.0.0.1:${m.inst.port} (task broker ${m.inst.brokerPort})`);
				}),
			);
		},
		stop: async () => {
			await Promise.all(members.map((m) => m.server?.stop()));
		},
		workerOf: () => {
			const seen = new Map<string, { started: Role[]; finished: Role[] }>();
			for (const w of workers) {
				const text = fs.existsSync(w.logFile) ? fs.readFileSync(w.logFile, 'utf8') : '';
				for (const m of text.matchAll(/Worker (started|finished) execution (\d+)/g)) {
					const entry = seen.get(m[2]) ?? { started: [], finished: [] };
					entry[m[1] as 'started' | 'finished'].push(w.role);
					seen.set(m[2], entry);
				}
			}
			return seen;
		},
	};
	return cluster;
}

/** Waits until the process answers its health route (or fails when it exits). */
async function waitReady(m: Member, url: string, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const child = m.server!.child;
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`${m.role} exited with ${child.exitCode ?? child.signalCode}:\n${m.server!.output().slice(-3000)}`,
			);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not answering yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(
		`${m.role} not ready within ${timeoutMs / 1000} s:\n${m.server!.output().slice(-3000)}`,
	);
}

/**
 * Imports credentials and workflows through main's CLI, then publishes those marked active, so main activates them
 * when it starts. Publishing is what `n8n publish:workflow --id` does (its version becomes the active one), for all
 * of them in one SQL statement instead of one CLI start per workflow.
 */
export async function importAll(
	cluster: Cluster,
	credentials: Array<Record<string, unknown>>,
	workflows: Array<{ id: string; active: boolean }>,
	sql: (query: string) => string[],
): Promise<void> {
	const home = cluster.main.inst.home;
	const credsFile = path.join(home, 'credentials.json');
	const wfFile = path.join(home, 'workflows.json');
	fs.writeFileSync(credsFile, JSON.stringify(credentials, null, 2));
	fs.writeFileSync(wfFile, JSON.stringify(workflows, null, 2));
	try {
		await cliOrThrow(
			cluster.main.inst,
			['import:credentials', `--input=${credsFile}`],
			cluster.cliBroker(),
		);
		await cliOrThrow(
			cluster.main.inst,
			['import:workflow', `--input=${wfFile}`],
			cluster.cliBroker(),
		);
	} finally {
		fs.rmSync(credsFile, { force: true });
	}
	const ids = workflows
		.filter((w) => w.active)
		.map((w) => `'${w.id.replace(/[^A-Za-z0-9]/g, '')}'`);
	if (ids.length)
		sql(
			`UPDATE workflow_entity SET active = true, "activeVersionId" = "versionId" WHERE id IN (${ids.join(', ')})`,
		);
}
