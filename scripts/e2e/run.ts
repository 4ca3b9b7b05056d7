/**
 * End-to-end tests in a real n8n 2.41.1 (`npm run test:e2e`; `npm run build` runs first).
 *
 * 1. installs the pinned n8n once (.n8n-runtime/), and our package from its `npm pack` tarball the way n8n installs
 *    a community package, into a fresh N8N_USER_FOLDER;
 * 2. starts every provider's emulator (loopback, demo data) and imports demo credentials and one workflow per node
 *    operation; n8n starts and must register every node and credential type of the package;
 * 3. runs each workflow with `n8n execute --id` and checks its output (and what the emulator received);
 * 4. tests every credential through n8n's own tester (REST, as the editor's Test button) with right and wrong keys;
 *    then n8n's AI Agent calls our nodes as tools, on a scripted chat model emulator (agents.ts);
 *    published polling triggers emit each new customer once; published webhook triggers register at the vendor, run once
 *    per delivered event, refuse forged and replayed deliveries, keep one registration through save, re-publish and
 *    restart, listen on the Test URL, and leave nothing registered when unpublished (webhook-triggers.ts);
 * 5. headless Chromium searches the node panel for each node, checks its icon and operations, saves screenshots;
 * 6. searches n8n's database (and its other files) for every secret used;
 * 7. fails when any n8n process reached for a host that is not loopback (its log, and scripts/lib/net-guard.cjs).
 * main() below lists these phases; each is a function, most in a file of this folder named after it.
 * Prints `N passed, M failed` and exits non-zero on any failure. A skipped case or a provider that could not run
 * counts as a failure (a full run skips nothing).
 *
 * Options (env): E2E_ONLY=<provider key,...> runs only those providers (`agents`: the AI Agent cases); E2E_CASE=<text>
 * only the operation and agent cases whose name contains it; E2E_SKIP_BROWSER=1 skips Chromium (each of them is refused when CI is set);
 * E2E_N8N_PORT (default 5778; n8n also takes +1 and +11 to +14), E2E_EMULATOR_BASE_PORT (default 5800).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureChromium } from '../lib/chromium';
import {
	ensurePortsFree,
	instancePorts,
	RestSession,
	startServer,
	waitHealthy,
	type Instance,
	type Server,
} from '../lib/n8n';
import { ensureRuntime, RUNTIME_DIR } from '../lib/runtime';
import { startEmulators, type RunningProvider, type Stack } from '../lib/stack';
import { checkAgents, importAgents, planAgents, stopAgents } from './agents';
import { checkEditor } from './browser';
import { checkCredentialTestButtons } from './credential-tests';
import { runExamples } from './examples';
import { workflowRunner } from './execute';
import { importIntoN8n, installOurPackage } from './install';
import { planOperationCases, runOperationCases, type PlannedCase } from './operations';
import { checkStayedOnLoopback, noteOutbound } from './outbound';
import { checkServerAndRegistration } from './registration';
import { check, log, record, skip, summary } from './report';
import { checkNoSecretsStored, plantVendorMarker } from './secrets';
import {
	ARTIFACTS,
	CASE_FILTER,
	EMULATOR_BASE,
	IN_CI,
	ONLY,
	OUTBOUND_LOG,
	PORT,
	SERVER_LOG,
	SKIP_BROWSER,
} from './settings';
import { checkTriggers, planTriggers, type PlannedTrigger } from './triggers';
import {
	checkWebhookTriggers,
	planWebhookTriggers,
	type PlannedWebhookTrigger,
} from './webhook-triggers';

async function main(): Promise<void> {
	clearArtifacts();
	refuseNarrowedRunInCi();
	const inst = await freshInstance();
	// Debian's chromium, when missing, installs in the background (apt-get, asynchronous, with a timeout) while
	// the emulators serve n8n; the browser checks wait for it.
	const chromiumReady = SKIP_BROWSER ? Promise.resolve(undefined) : ensureChromium(log);
	installOurPackage(inst);
	const { stack, running } = await startProviderEmulators();
	const vendorMarker = plantVendorMarker(running);
	const { planned, triggers, webhookTriggers } = await planWorkflows(running);
	const examples = await importIntoN8n(inst, stack, running, planned, [
		...triggers,
		...webhookTriggers,
	]);
	// AI Agent cases need every provider's emulator and the chat model emulator; E2E_ONLY=agents runs only them.
	const agents = !ONLY.length || ONLY.includes('agents') ? await planAgents(stack) : undefined;
	if (agents) await importAgents(inst, agents);

	let server = startServer(inst, { logFile: SERVER_LOG });
	const runner = workflowRunner(inst, stack);
	try {
		const n8n = await checkServerAndRegistration(inst, server);
		// The examples first, on the fresh demo data; then every operation, inside n8n.
		if (!ONLY.length) await runExamples(examples, runner, stack);
		await runOperationCases(planned, runner);
		if (n8n.up) await checkCredentialTestButtons(n8n.session, running);
		if (n8n.up && agents) await checkAgents(agents, stack, runner, inst);
		if (n8n.up)
			await checkTriggers({
				planned: triggers,
				session: n8n.session,
				serverReadyAt: n8n.readyAt,
				check,
				log,
			});
		if (n8n.up && webhookTriggers.length)
			await checkWebhookTriggers({
				planned: webhookTriggers,
				inst,
				session: n8n.session,
				check,
				log,
				restart: async () => {
					server = await restartServer(inst, server);
					const session = new RestSession(inst);
					await session.login();
					return session;
				},
			});
		if (n8n.up && !SKIP_BROWSER) await checkEditor(inst, running, chromiumReady);
	} finally {
		await server.stop();
		await stack.stop();
		await stopAgents(agents);
		await chromiumReady.catch(() => undefined);
	}

	await checkStayedOnLoopback(server);
	await checkNoSecretsStored(inst, running, vendorMarker, runner.executed());
}

function clearArtifacts(): void {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.rmSync(OUTBOUND_LOG, { force: true });
}

/** Under CI the run must be the full one: narrowing it would hide what it skipped. */
function refuseNarrowedRunInCi(): void {
	if (!IN_CI) return;
	const narrowed = [
		ONLY.length && 'E2E_ONLY',
		CASE_FILTER && 'E2E_CASE',
		SKIP_BROWSER && 'E2E_SKIP_BROWSER',
	].filter(Boolean);
	if (narrowed.length)
		record(
			'the CI run is the full e2e run',
			false,
			`${narrowed.join(', ')} ${narrowed.length > 1 ? 'are' : 'is'} set while CI is set: unset ${narrowed.length > 1 ? 'them' : 'it'}`,
			0,
		);
}

/** The pinned n8n with an empty home (N8N_USER_FOLDER), on ports nothing else holds. */
async function freshInstance(): Promise<Instance> {
	const rt = ensureRuntime(log);
	const home = path.join(RUNTIME_DIR, 'e2e-home');
	fs.rmSync(home, { recursive: true, force: true });
	fs.mkdirSync(home, { recursive: true });
	const inst: Instance = {
		home,
		port: PORT,
		brokerPort: PORT + 1,
		encryptionKey: 'e2e-fixed-encryption-key-0123456789abcdef',
		owner: {
			email: 'owner@example.com',
			password: 'E2eOwner-pass1',
			firstName: 'E2E',
			lastName: 'Owner',
		},
		rt,
		log,
		portEnv: 'E2E_N8N_PORT',
		netGuardLog: OUTBOUND_LOG,
	};
	// Before anything starts: a readiness check must not be answered by another n8n on our port.
	await ensurePortsFree(inst, instancePorts(inst, [PORT + 11, PORT + 12, PORT + 13, PORT + 14]));
	return inst;
}

/** Every provider's emulator with demo data; a provider that cannot run is a failure. E2E_ONLY narrows the providers tested. */
async function startProviderEmulators(): Promise<{ stack: Stack; running: RunningProvider[] }> {
	const stack = await startEmulators(
		EMULATOR_BASE,
		log,
		'set E2E_EMULATOR_BASE_PORT to use other ports',
	);
	for (const s of stack.skipped) skip(`provider ${s.provider.title}`, s.reason);
	const running = stack.running.filter((r) => !ONLY.length || ONLY.includes(r.provider.key));
	log(`emulators: ${running.map((r) => `${r.provider.title} ${r.emulator.baseUrl}`).join(', ')}`);
	return { stack, running };
}

/** One workflow per node operation case, per polling trigger event and per webhook trigger, each with its own id. */
async function planWorkflows(running: RunningProvider[]): Promise<{
	planned: PlannedCase[];
	triggers: PlannedTrigger[];
	webhookTriggers: PlannedWebhookTrigger[];
}> {
	const planned = await planOperationCases(running);
	const triggers = planTriggers(running);
	const webhookTriggers = planWebhookTriggers(running);
	const all = [...planned, ...triggers, ...webhookTriggers];
	if (new Set(all.map((p) => p.workflow.id)).size !== all.length)
		throw new Error('two e2e workflows got the same id');
	return { planned, triggers, webhookTriggers };
}

/** Stops n8n and starts it again on the same home (database, static data); its earlier log is searched first. */
async function restartServer(inst: Instance, server: Server): Promise<Server> {
	await server.stop();
	noteOutbound('n8n server log before the restart', server.output());
	const started = Date.now();
	const restarted = startServer(inst, { logFile: SERVER_LOG });
	await waitHealthy(inst, restarted);
	log(`n8n restarted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return restarted;
}

fs.mkdirSync(path.join(ARTIFACTS, 'outputs'), { recursive: true });
main()
	.catch((error) => record('e2e run', false, (error as Error).stack ?? String(error), 0))
	.finally(summary);
