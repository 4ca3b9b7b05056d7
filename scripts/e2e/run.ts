/**
 * End-to-end tests in a real n8n 2.41.1 (`npm run test:e2e`; `npm run build` runs first).
 *
 * 1. installs the pinned n8n once (.n8n-runtime/), and our package from its `npm pack` tarball the way n8n installs
 *    a community package, into a fresh N8N_USER_FOLDER;
 * 2. starts every provider's emulator (loopback, demo data) and imports demo credentials and one workflow per node
 *    operation; n8n starts and must register every node and credential type of the package;
 * 3. runs each workflow with `n8n execute --id` and checks its output (and what the emulator received);
 * 4. tests every credential through n8n's own tester (REST, as the editor's Test button) with right and wrong keys;
 * 5. headless Chromium searches the node panel for each node, checks its icon and operations, saves screenshots;
 * 6. searches n8n's database (and its other files) for every secret used;
 * 7. fails when any n8n process reached for a host that is not loopback (its log, and scripts/lib/net-guard.cjs).
 * Prints `N passed, M failed` and exits non-zero on any failure. A skipped case or a provider that could not run
 * counts as a failure (a full run skips nothing).
 *
 * Options (env): E2E_ONLY=<provider key,...> runs only those providers; E2E_CASE=<text> only the operation cases
 * whose name contains it; E2E_SKIP_BROWSER=1 skips Chromium (each of them is refused when CI is set);
 * E2E_N8N_PORT (default 5778; n8n also takes +1 and +11 to +14), E2E_EMULATOR_BASE_PORT (default 5800).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { runBrowserChecks } from './browser';
import { checkTriggers, planTriggers, publishTriggers } from './triggers';
import { EXAMPLE_CHECKS, exampleWorkflows } from './examples';
import { cli, cliOrThrow, databaseFile, ensurePortsFree, installPackage, instancePorts, n8nDir, outboundAttempts, packPackage, parseRun, RestSession, startServer, waitHealthy, url, type Instance } from '../lib/n8n';
import { dotted, PACKAGE_NAME, type DemoCredential, type E2ECase } from '../lib/providers';
import { ensureRuntime, REPO_ROOT, RUNTIME_DIR, type Runtime } from '../lib/runtime';
import { credentialsImport, startEmulators, type RunningProvider } from '../lib/stack';
import { ensureChromium } from '../lib/chromium';
import { nodeDescription, triggerDescription, operationsOf, operationWorkflow, workflowId, type Workflow } from '../lib/workflows';

const PORT = Number(process.env.E2E_N8N_PORT ?? 5778);
const EMULATOR_BASE = Number(process.env.E2E_EMULATOR_BASE_PORT ?? 5800);
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const CASE_FILTER = process.env.E2E_CASE ?? '';
const ONLY = (process.env.E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const SKIP_BROWSER = process.env.E2E_SKIP_BROWSER === '1';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';
/** Every connection an n8n process opened to a non-loopback host (scripts/lib/net-guard.cjs writes it). */
const OUTBOUND_LOG = path.join(ARTIFACTS, 'n8n-outbound.log');

interface Result {
	name: string;
	ok: boolean;
	detail?: string;
	ms: number;
}
const results: Result[] = [];
/** What did not run, and why; each is also recorded as a failure. */
const skipped: string[] = [];
const t0 = Date.now();
const log = (s: string) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${s}`);

function record(name: string, ok: boolean, detail: string | undefined, ms: number): void {
	results.push({ name, ok, detail, ms });
	console.log(`  ${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `\n       ${(detail ?? '').split('\n').join('\n       ')}`}`);
}

async function check(name: string, fn: () => Promise<string | undefined | void>): Promise<void> {
	const started = Date.now();
	try {
		const problem = await fn();
		record(name, !problem, problem || undefined, Date.now() - started);
	} catch (error) {
		record(name, false, (error as Error).stack ?? String(error), Date.now() - started);
	}
}

interface PlannedCase {
	rp: RunningProvider;
	c: E2ECase;
	workflow: Workflow;
	name: string;
}

/** A case or provider that could not run: reported, and counted as a failure (a full run skips nothing). */
function skip(name: string, why: string): void {
	skipped.push(`${name}: ${why}`);
	record(`${name} (skipped)`, false, `skipped: ${why}`, 0);
}

/** Lines of n8n's output that show it reached for a non-loopback host, by where they were seen. */
const outbound = new Map<string, Set<string>>();
function noteOutbound(source: string, text: string): void {
	const found = outboundAttempts(text);
	if (!found.length) return;
	const set = outbound.get(source) ?? new Set<string>();
	for (const f of found) set.add(f);
	outbound.set(source, set);
}

/** Counts of n8n's execution_data table, read with its own sqlite3 under Node 24 (after the server stopped). */
function executionDataStats(rt: Runtime, dbFile: string, marker: string): Promise<{ rows: number; withMarker: number }> {
	const script = `
const sqlite3 = require(process.argv[1]);
const db = new sqlite3.Database(process.argv[2], sqlite3.OPEN_READONLY, (e) => { if (e) { console.error(e.message); process.exit(2); } });
db.get('SELECT COUNT(*) AS rows, COALESCE(SUM(instr(data, ?) > 0), 0) AS withMarker FROM execution_data', [process.argv[3]], (e, row) => {
	if (e) { console.error(e.message); process.exit(3); }
	process.stdout.write(JSON.stringify(row));
	db.close();
});`;
	return new Promise((resolve, reject) => {
		const child = spawn(rt.nodeBin, ['-e', script, path.join(rt.nodeModules, 'sqlite3'), dbFile, marker], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code !== 0) return reject(new Error(`reading execution_data failed (exit ${code}): ${err.trim()}`));
			resolve(JSON.parse(out) as { rows: number; withMarker: number });
		});
	});
}

async function main(): Promise<void> {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.rmSync(OUTBOUND_LOG, { force: true });
	if (IN_CI) {
		// Under CI the run must be the full one: narrowing it would hide what it skipped.
		const narrowed = [ONLY.length && 'E2E_ONLY', CASE_FILTER && 'E2E_CASE', SKIP_BROWSER && 'E2E_SKIP_BROWSER'].filter(Boolean);
		if (narrowed.length) record('the CI run is the full e2e run', false, `${narrowed.join(', ')} ${narrowed.length > 1 ? 'are' : 'is'} set while CI is set: unset ${narrowed.length > 1 ? 'them' : 'it'}`, 0);
	}
	const rt = ensureRuntime(log);
	const home = path.join(RUNTIME_DIR, 'e2e-home');
	fs.rmSync(home, { recursive: true, force: true });
	fs.mkdirSync(home, { recursive: true });
	const inst: Instance = {
		home,
		port: PORT,
		brokerPort: PORT + 1,
		encryptionKey: 'e2e-fixed-encryption-key-0123456789abcdef',
		owner: { email: 'owner@example.com', password: 'E2eOwner-pass1', firstName: 'E2E', lastName: 'Owner' },
		rt,
		log,
		portEnv: 'E2E_N8N_PORT',
		netGuardLog: OUTBOUND_LOG,
	};
	// Before anything starts: a readiness check must not be answered by another n8n on our port.
	await ensurePortsFree(inst, instancePorts(inst, [PORT + 11, PORT + 12, PORT + 13, PORT + 14]));
	// Debian's chromium, when missing, installs in the background (apt-get, asynchronous, with a timeout) while
	// the emulators serve n8n; the browser checks wait for it.
	const chromiumReady = SKIP_BROWSER ? Promise.resolve(undefined) : ensureChromium(log);

	// ---- our package, the way n8n installs a community package
	const tarball = packPackage(path.join(RUNTIME_DIR, 'pack'));
	installPackage(inst, tarball);
	log(`installed ${path.basename(tarball)} into ${path.relative(REPO_ROOT, path.join(n8nDir(inst), 'nodes', 'node_modules', PACKAGE_NAME))}`);

	// ---- emulators with demo data
	const stack = await startEmulators(EMULATOR_BASE, log, 'set E2E_EMULATOR_BASE_PORT to use other ports');
	for (const s of stack.skipped) skip(`provider ${s.provider.title}`, s.reason);
	const running = stack.running.filter((r) => !ONLY.length || ONLY.includes(r.provider.key));
	log(`emulators: ${running.map((r) => `${r.provider.title} ${r.emulator.baseUrl}`).join(', ')}`);

	// A value only a vendor's answer carries (no workflow, credential or parameter holds it): when the database
	// search finds it, the search reaches the stored execution data.
	const vendorMarker = `vendor-only-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
	const markerCustomer = running.find((r) => r.provider.key === 'voucherify')?.emulator;
	const ada = markerCustomer ? ([...markerCustomer.customers.values()] as Array<{ email: string | null; metadata: Record<string, unknown> }>).find((c) => c.email === 'ada@example.com') : undefined;
	if (ada) ada.metadata = { ...ada.metadata, e2e_vendor_marker: vendorMarker };

	// ---- plan: one workflow per node operation (and a few extra cases: paging limit, OAuth2)
	const planned: PlannedCase[] = [];
	for (const rp of running) {
		const ctx = rp.provider.prepare ? await rp.provider.prepare(rp.mod, rp.emulator) : {};
		const cases = rp.provider.cases(ctx, rp.mod, rp.emulator);
		const offered = operationsOf(rp.provider.node);
		for (const op of offered) {
			if (!cases.some((c) => c.resource === op.resource && c.operation === op.operation)) {
				record(`${rp.provider.title} ${op.resource}: ${op.operation} has an e2e case`, false, 'the node offers this operation but scripts/lib/providers.ts has no case for it', 0);
			}
		}
		const display = nodeDescription(rp.provider.node).displayName;
		for (const c of cases) {
			if (!offered.some((o) => o.resource === c.resource && o.operation === c.operation)) {
				record(`${rp.provider.title} ${c.resource}: ${c.operation} exists in the node`, false, 'the e2e case names an operation the node does not offer', 0);
				continue;
			}
			const cred = (c.credential ? rp.credentials.find((x) => x.id === c.credential) : rp.credentials[0]) as DemoCredential;
			const name = `${rp.provider.title} ${c.resource}: ${c.operation}${c.label ? ` (${c.label})` : ''}`;
			const workflow = operationWorkflow({
				id: workflowId(`e2e ${rp.provider.key} ${c.resource} ${c.operation} ${c.label ?? ''}`),
				name: `E2E ${name}`,
				node: rp.provider.node,
				nodeLabel: display,
				parameters: { resource: c.resource, operation: c.operation, ...c.params },
				credential: cred,
				input: c.input,
			});
			planned.push({ rp, c, workflow, name });
		}
	}
	const triggers = planTriggers(running);
	const ids = new Set([...planned, ...triggers].map((p) => p.workflow.id));
	if (ids.size !== planned.length + triggers.length) throw new Error('two e2e workflows got the same id');

	// ---- import credentials and workflows through n8n's CLI (credentials are encrypted on import)
	const credsFile = path.join(home, 'credentials.json');
	const wfFile = path.join(home, 'workflows.json');
	// Each credential that has a Test request also gets a twin with wrong keys, stored as a user would save it.
	const wrongTwin = (c: DemoCredential) => ({ id: `${c.id.slice(0, 13)}Bad`, name: `${c.name} — wrong keys`, type: c.type, data: { ...c.data, ...c.wrong } });
	const imported = [...credentialsImport({ ...stack, running }), ...running.flatMap((r) => r.credentials.filter((c) => c.wrong).map(wrongTwin))];
	fs.writeFileSync(credsFile, JSON.stringify(imported, null, 2));
	const examples = exampleWorkflows();
	fs.writeFileSync(wfFile, JSON.stringify([...examples, ...planned.map((p) => p.workflow), ...triggers.map((t) => t.workflow)], null, 2));
	await check('n8n imports the demo credentials (import:credentials)', async () => {
		noteOutbound('n8n import:credentials', (await cliOrThrow(inst, ['import:credentials', `--input=${credsFile}`], PORT + 11)).stderr);
	});
	await check(`n8n imports ${examples.length} examples, ${planned.length} operation workflows and ${triggers.length} trigger workflows (import:workflow)`, async () => {
		noteOutbound('n8n import:workflow', (await cliOrThrow(inst, ['import:workflow', `--input=${wfFile}`], PORT + 12)).stderr);
	});
	if (triggers.length) await check(`n8n publishes the ${triggers.length} trigger workflows (publish:workflow)`, async () => publishTriggers(inst, triggers, PORT + 14));
	fs.rmSync(credsFile);

	// ---- the server, with every node and credential type of the package registered
	const server = startServer(inst, { logFile: path.join(ARTIFACTS, 'n8n-server.log') });
	let executed = 0;
	let serverUp = false;
	let serverReadyAt = 0;
	try {
		await check('n8n starts with the package installed', async () => {
			const started = Date.now();
			await waitHealthy(inst, server);
			serverUp = true;
			serverReadyAt = Date.now();
			log(`n8n ready at ${url(inst)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		});
		const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
		const session = new RestSession(inst);
		if (serverUp) {
			await check('the owner from the environment can log in', async () => session.login());
			await check('every node type of the package is registered', async () => {
				const types = (await session.getJson('/types/nodes.json')) as Array<{ name: string; version: number | number[] }>;
				const names = new Set(types.map((t) => t.name));
				const expected = (pkg.n8n.nodes as string[]).map((f) => {
					// eslint-disable-next-line @typescript-eslint/no-require-imports
					const mod = require(path.join(REPO_ROOT, f)) as Record<string, new () => { description: { name: string } }>;
					return `${PACKAGE_NAME}.${new mod[path.basename(f, '.node.js')]().description.name}`;
				});
				const missing = expected.filter((n) => !names.has(n));
				return missing.length ? `not registered: ${missing.join(', ')}` : undefined;
			});
			await check('every credential type of the package is registered', async () => {
				const types = (await session.getJson('/types/credentials.json')) as Array<{ name: string }>;
				const names = new Set(types.map((t) => t.name));
				const expected = (pkg.n8n.credentials as string[])
					.filter((f) => fs.existsSync(path.join(REPO_ROOT, f)))
					.map((f) => {
						// eslint-disable-next-line @typescript-eslint/no-require-imports
						const mod = require(path.join(REPO_ROOT, f)) as Record<string, new () => { name: string }>;
						return new (Object.values(mod).find((v) => typeof v === 'function' && /Api$/.test(v.name)) as new () => { name: string })().name;
					});
				const missing = expected.filter((n) => !names.has(n));
				return missing.length ? `not registered: ${missing.join(', ')}` : undefined;
			});
		}

		// ---- the examples of examples/, on the fresh demo data, then every operation, inside n8n
		const emulators = Object.fromEntries(stack.running.map((r) => [r.provider.key, r.emulator]));
		const trail = (from: Record<string, number>) =>
			`\n       the emulators received: ${
				stack.running
					.flatMap((r) => ((r.emulator.requests ?? []) as Array<{ method: string; path: string; status: number }>).slice(from[r.provider.key] ?? 0).map((q) => `${q.method} ${q.path} → ${q.status}`))
					.join('; ') || 'nothing'
			}`;
		const requestCounts = () => Object.fromEntries(stack.running.map((r) => [r.provider.key, r.emulator.requests?.length ?? 0]));
		/** Runs an imported workflow with `n8n execute`; returns its run data or what went wrong. */
		const execute = async (workflowId: string): Promise<{ runData?: Record<string, any>; problem?: string }> => {
			const before = requestCounts();
			const res = await cli(inst, ['execute', `--id=${workflowId}`, '--rawOutput'], { brokerPort: PORT + 13, env: { N8N_LOG_LEVEL: 'info' } });
			noteOutbound('n8n execute', res.stdout + res.stderr);
			executed++;
			const resultData = (parseRun(res.stdout) as any)?.data?.resultData;
			if (!resultData) return { problem: `no run output (exit ${res.code}):\n${(res.stderr || res.stdout).slice(-1500)}${trail(before)}` };
			if (resultData.error) return { problem: `the workflow failed: ${resultData.error.message}${resultData.error.description ? ` — ${resultData.error.description}` : ''}${trail(before)}` };
			return { runData: resultData.runData ?? {} };
		};
		const itemsOf = (runData: Record<string, any>, node: string) => ((runData[node]?.[0]?.data?.main?.[0] ?? []) as Array<{ json: Record<string, unknown> }>).map((i) => i.json);

		if (!ONLY.length) {
			for (const example of examples) {
				await check(`example: ${example.name}`, async () => {
					const { runData, problem } = await execute(example.id);
					if (problem) return problem;
					fs.writeFileSync(path.join(ARTIFACTS, 'outputs', `${example.id}.json`), JSON.stringify({ name: example.name, runData }, null, 2));
					const expectation = EXAMPLE_CHECKS[example.id];
					if (!expectation) return `scripts/e2e/examples.ts has no check for ${example.id}`;
					return expectation((node) => itemsOf(runData!, node), emulators, runData!);
				});
			}
		}

		log(`running ${planned.length} workflows with n8n execute`);
		for (const p of planned.filter((x) => !CASE_FILTER || x.name.includes(CASE_FILTER))) {
			if (p.c.skip) {
				skip(`execute: ${p.name}`, p.c.skip);
				continue;
			}
			await check(`execute: ${p.name}`, async () => {
				const { runData, problem } = await execute(p.workflow.id);
				if (problem) return problem;
				const items = itemsOf(runData!, p.workflow.nodes[p.workflow.nodes.length - 1].name);
				fs.writeFileSync(path.join(ARTIFACTS, 'outputs', `${p.workflow.id}.json`), JSON.stringify({ name: p.name, items }, null, 2));
				const wrong = p.c.check(items, p.rp.emulator);
				return wrong ? `${wrong}\n       output: ${JSON.stringify(items).slice(0, 400)}` : undefined;
			});
		}

		// ---- n8n's own credential test, right and wrong keys
		if (serverUp) {
			for (const rp of running) {
				for (const cred of rp.credentials) {
					if (!cred.wrong) continue; // OAuth2 types have no Test request; their tokens are exercised by the runs above
					for (const variant of ['right', 'wrong'] as const) {
						await check(`credential test (${variant} keys): ${cred.name}`, async () => {
							const stored = variant === 'right' ? { id: cred.id, name: cred.name, type: cred.type, data: cred.data } : wrongTwin(cred);
							const res = await session.request('POST', '/credentials/test', { credentials: stored });
							const body = res.json?.data ?? res.json;
							if (res.status !== 200) return `HTTP ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`;
							if (variant === 'right') return body.status === 'OK' ? undefined : `expected OK, got ${JSON.stringify(body)}`;
							if (body.status !== 'Error') return `expected an error with wrong keys, got ${JSON.stringify(body)}`;
							const message = String(body.message ?? '');
							if (message.trim().length < 20 || /^(unauthorized|forbidden|bad request|not found)$/i.test(message.trim())) return `the failure message does not say what to fix: ${JSON.stringify(message)}`;
							for (const secret of Object.values(cred.wrong!)) if (message.includes(String(secret))) return `the failure message shows the secret: ${message}`;
							log(`    wrong-key message: ${message.slice(0, 160)}`);
							return undefined;
						});
					}
				}
			}
		}

		// ---- polling triggers in published workflows
		if (serverUp) await checkTriggers({ planned: triggers, session, serverReadyAt, check, log });

		// ---- the editor in headless Chromium
		if (serverUp && !SKIP_BROWSER) {
			const chromium = await chromiumReady;
			if (!chromium) record('Chromium is available', false, 'no /usr/bin/chromium and it cannot be installed here (run as root or install the chromium package)', 0);
			else
				await runBrowserChecks({
					inst,
					chromiumPath: chromium,
					artifacts: ARTIFACTS,
					nodes: running.map((rp) => ({ title: rp.provider.title, nodeClass: rp.provider.node, description: nodeDescription(rp.provider.node), trigger: triggerDescription(rp.provider.node) })),
					check,
					log,
				});
		}
	} finally {
		await server.stop();
		await stack.stop();
		await chromiumReady.catch(() => undefined);
	}

	// ---- n8n stayed on loopback: no look-ups or connections of its cloud services or of anything else
	await check('n8n contacted no host but loopback (server log, CLI output, connection guard)', async () => {
		const serverLog = path.join(ARTIFACTS, 'n8n-server.log');
		noteOutbound('n8n server log (test-artifacts/n8n-server.log)', server.output() + (fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8') : ''));
		if (fs.existsSync(OUTBOUND_LOG)) noteOutbound('connection guard (test-artifacts/n8n-outbound.log)', fs.readFileSync(OUTBOUND_LOG, 'utf8'));
		if (!outbound.size) return undefined;
		return [...outbound].map(([source, lines]) => `${source}:\n         ${[...lines].slice(0, 8).join('\n         ')}`).join('\n       ');
	});

	// ---- no secret in n8n's database
	await check("no credential secret appears in n8n's database", async () => {
		const files = [databaseFile(inst), `${databaseFile(inst)}-wal`].filter((f) => fs.existsSync(f));
		if (!files.length) return 'no database file found';
		// Besides the database: binary data (storage/) and the event log n8n keeps next to it.
		const walk = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])) : []);
		const others = [...walk(path.join(n8nDir(inst), 'storage')), ...fs.readdirSync(n8nDir(inst)).filter((f) => /^n8nEventLog.*\.log$/.test(f)).map((f) => path.join(n8nDir(inst), f))];
		const bytes = Buffer.concat([...files, ...others].map((f) => fs.readFileSync(f)));
		// The search must be able to find things: the runs' execution data is stored, and a value that only a
		// vendor's answer carried (never a workflow parameter) is in it, in the bytes searched.
		const stats = await executionDataStats(rt, databaseFile(inst), vendorMarker);
		if (!executed || stats.rows < executed) return `execution_data holds ${stats.rows} rows after ${executed} runs with n8n execute: the search would prove nothing`;
		if (ada) {
			if (!stats.withMarker) return `no stored execution data holds the vendor-only marker ${vendorMarker}: the search would prove nothing`;
			if (!bytes.includes(Buffer.from(vendorMarker))) return 'the vendor-only marker is in execution_data but not in the bytes searched: the search misses stored data';
		} else if (!ONLY.length) return 'the Voucherify demo customer that carries the vendor-only marker is missing: the search would prove nothing';
		const secrets = new Set<string>();
		for (const rp of running)
			for (const cred of rp.credentials) {
				for (const f of cred.secretFields) secrets.add(String(dotted(cred.data, f) ?? ''));
				for (const v of Object.values(cred.wrong ?? {})) secrets.add(String(v));
			}
		// Access tokens n8n obtained during the runs (preAuthentication, OAuth2 refresh).
		for (const rp of running) {
			for (const t of (rp.emulator.lwa?.tokens?.keys?.() ?? []) as Iterable<string>) secrets.add(t);
			for (const t of (rp.emulator.accessTokens ?? []) as Iterable<string>) secrets.add(t);
		}
		const found: string[] = [];
		for (const s of secrets) {
			if (s.length < 6) continue;
			for (const form of new Set([s, encodeURIComponent(s), Buffer.from(s).toString('base64')])) if (bytes.includes(Buffer.from(form))) found.push(`${s.slice(0, 4)}… (${form === s ? 'plain' : form === encodeURIComponent(s) ? 'URL-encoded' : 'base64'})`);
		}
		log(`    searched ${(bytes.length / 1e6).toFixed(1)} MB (database and ${others.length} other files; ${stats.rows} execution_data rows, ${stats.withMarker} with the vendor-only marker) for ${secrets.size} secrets`);
		return found.length ? `secrets found in the database: ${found.join(', ')}` : undefined;
	});
}

function summary(): never {
	const failed = results.filter((r) => !r.ok);
	const seconds = ((Date.now() - t0) / 1000).toFixed(0);
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(path.join(ARTIFACTS, 'e2e-results.json'), JSON.stringify({ seconds: Number(seconds), results, skipped }, null, 2));
	if (failed.length) {
		console.log('\nFailures:');
		for (const f of failed) console.log(`  - ${f.name}: ${(f.detail ?? '').split('\n')[0]}`);
	}
	if (skipped.length) {
		console.log('\nSkipped (each counted as a failure):');
		for (const s of skipped) console.log(`  - ${s}`);
	}
	console.log(`\ne2e: ${results.length - failed.length} passed, ${failed.length} failed (${seconds} s)`);
	console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
	process.exit(failed.length || !results.length ? 1 : 0);
}

fs.mkdirSync(path.join(ARTIFACTS, 'outputs'), { recursive: true });
main()
	.catch((error) => record('e2e run', false, (error as Error).stack ?? String(error), 0))
	.finally(summary);
