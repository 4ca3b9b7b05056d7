/**
 * `npm run start:queue`: the `npm start` demo in n8n's queue mode. Redis and PostgreSQL (Debian's packages, installed
 * when missing), n8n main with the editor, two workers and a webhook process, all with this package installed as a
 * community package, the vendor emulators with demo data, the demo credentials and the example workflows. Executions,
 * also those you start in the editor, run on the workers (each worker's log says which it ran). The database lives
 * in a temporary folder: what you change is gone after Ctrl-C, which stops everything.
 *
 * Env: N8N_QUEUE_START_PORT (default 5678): main; +1 its task broker, +2 the webhook process, +4 and +6 the workers'
 * health checks, +3/+5/+7 the other task brokers, +10.. the CLI, +20 Redis, +21 PostgreSQL, +22.. the emulators.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	CHAT_MODEL_API_KEY,
	DEMO_SCRIPTS,
	chatModelCredential,
	demoFallback,
	CHAT_MODEL_PORT_OFFSET,
} from '../lib/agent-workflows';
import { ChatModelEmulator } from '../lib/chat-model-emulator';
import { url } from '../lib/n8n';
import { ensureRuntime, REPO_ROOT, RUNTIME_DIR } from '../lib/runtime';
import { credentialsImport, startEmulators } from '../lib/stack';
import { importAll, planCluster, type Cluster } from './cluster';
import { ensureServicePackages, startServices, type Services } from './services';

const BASE = Number(process.env.N8N_QUEUE_START_PORT ?? 5678);
const t0 = Date.now();
const log = (s: string) =>
	console.log(`[start:queue ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${s}`);
const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-n8n-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

async function main(): Promise<void> {
	const rt = ensureRuntime(log);
	ensureServicePackages(log);
	const stack = await startEmulators(BASE + 22, log, 'set N8N_QUEUE_START_PORT to use other ports');
	const chatModel = new ChatModelEmulator({
		apiKey: CHAT_MODEL_API_KEY,
		scripts: DEMO_SCRIPTS,
		fallback: demoFallback,
	});
	let services: Services | undefined;
	let cluster: Cluster | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log(
			'\nStopping n8n (main, workers, webhook process), Redis, PostgreSQL and the emulators…',
		);
		await cluster?.stop();
		await stack.stop();
		await chatModel.stop().catch(() => undefined);
		services?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	try {
		await chatModel.start(BASE + 22 + CHAT_MODEL_PORT_OFFSET);
		services = await startServices(BASE + 20, BASE + 21, log);
		cluster = planCluster({
			rt,
			root: path.join(RUNTIME_DIR, 'queue-start'),
			basePort: BASE,
			env: services.n8nEnv,
			log,
			owner: OWNER,
		});
		const { id, name, type, data } = chatModelCredential(chatModel.baseUrl);
		const examples = path.join(REPO_ROOT, 'examples');
		const workflows = fs
			.readdirSync(examples)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map(
				(f) =>
					JSON.parse(fs.readFileSync(path.join(examples, f), 'utf8')) as {
						id: string;
						active: boolean;
					},
			);
		await importAll(
			cluster,
			[...credentialsImport(stack), { id, name, type, data }],
			workflows,
			services.sql,
		);
		log(`imported the demo credentials and ${workflows.length} example workflows`);
		await cluster.start(log);
	} catch (error) {
		console.error((error as Error).stack ?? String(error));
		await stop(1);
		return;
	}
	const c = cluster;
	console.log(`
n8n in queue mode is ready (${((Date.now() - t0) / 1000).toFixed(1)} s): ${url(c.main.inst)}
  log in as ${OWNER.email} / ${OWNER.password}
  main (editor, triggers):  ${url(c.main.inst)}
  webhook process:          ${c.webhookUrl}/webhook/…
  workers:                  ${c.workers.map((w) => `${w.role} (health ${url(w.inst)}/healthz)`).join(', ')}
  Redis 127.0.0.1:${services!.redisPort}, PostgreSQL 127.0.0.1:${services!.postgresPort} (database n8n, temporary)

Execute any example workflow: it runs on a worker. Which one: the workers' logs say
"Worker started execution <id>":
${c.workers.map((w) => `  ${path.relative(REPO_ROOT, w.logFile)}`).join('\n')}
Emulators (demo data; nothing goes to a real vendor):
${stack.running.map((r) => `  ${r.provider.title.padEnd(24)} ${r.emulator.baseUrl}`).join('\n')}
See docs/scaling.md. Ctrl-C stops everything.
`);
	for (const m of c.members)
		m.server?.child.once('exit', (code) => {
			if (!stopping) {
				console.error(`n8n ${m.role} exited (code ${code}); see ${m.logFile}`);
				void stop(1);
			}
		});
}

void main();
