/**
 * `npm run bench:n8n` (after `npm run build`): benchmarks inside the pinned real n8n, with this package installed as
 * a community package (as `npm start` and the e2e install it), and writes docs/benchmarks.md with its charts.
 *
 * 1. CPU and wall time per item inside n8n: Voucherify Get customer, our node beside n8n's HTTP Request node on the
 *    same emulator (answers at once, limit far above any plan), each case a webhook call in the running n8n; CPU is
 *    the n8n process tree's user + system time (/proc) across the call, less the same call without the node.
 * 2. Pacing with latency: per vendor and plan, the work's wall time against the time the vendor's limit allows,
 *    429s and requests beyond one per item, counted at the emulator (answers after 150 ms ± 50 ms by default).
 *
 * Not a test and not in CI: figures are measured and reported, never asserted against a time.
 *
 * Env: BENCH_N8N_PORT (default 6200; n8n also takes +1 to +4), BENCH_EMULATOR_BASE_PORT (default 6210; takes 20),
 * BENCH_CPU_ITEMS (2000), BENCH_CPU_ROUNDS (3), BENCH_LATENCY_MS (`150:50`: mean and jitter of the pacing cases),
 * BENCH_PACING_SCALE (1: multiplies every pacing work size), BENCH_ONLY (`cpu` or `pacing`),
 * BENCH_OUT (default docs/benchmarks.md; its charts and results.json go to a folder beside it), BENCH_LABEL (what this
 * run is, e.g. "before the faster nodes"), BENCH_COMPARE (an earlier run's results.json: adds a before/after section),
 * BENCH_RENDER_ONLY (a results.json: writes the report from it without measuring).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { describeLatency, parseLatency } from '../../test/emulators/kit';
import {
	cliOrThrow,
	ensurePortsFree,
	installPackage,
	instancePorts,
	packPackage,
	startServer,
	url,
	waitHealthy,
	type Instance,
} from '../lib/n8n';
import { loadEmulatorModule, PROVIDERS, type AnyEmulator } from '../lib/providers';
import { ensureRuntime, N8N_VERSION, REPO_ROOT, RUNTIME_DIR } from '../lib/runtime';
import { applyLatency } from '../lib/stack';
import {
	benchWorkflow,
	cpuCases,
	DEFAULT_PACING_SIZES,
	limitBoundSeconds,
	pacingCases,
	webhookPath,
	WORKFLOW_ID,
	type BenchCase,
	type Credential,
	type PacingSizes,
} from './cases';
import { machine, median, postJson, treeCpuMs } from './measure';
import {
	writeReport,
	type CpuResult,
	type PacingResult,
	type Results,
	type RunInfo,
} from './report';

const PORT = Number(process.env.BENCH_N8N_PORT ?? 6200);
const EMULATOR_BASE = Number(process.env.BENCH_EMULATOR_BASE_PORT ?? 6210);
const CPU_ITEMS = Number(process.env.BENCH_CPU_ITEMS ?? 2000);
const CPU_ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
const LATENCY = parseLatency(process.env.BENCH_LATENCY_MS ?? '150:50');
const PACING_SCALE = Number(process.env.BENCH_PACING_SCALE ?? 1);
const ONLY = process.env.BENCH_ONLY ?? '';
const OUT = path.resolve(REPO_ROOT, process.env.BENCH_OUT ?? 'docs/benchmarks.md');
const LABEL = process.env.BENCH_LABEL || undefined;
const readResults = (file: string | undefined): Results | undefined =>
	file
		? (JSON.parse(fs.readFileSync(path.resolve(REPO_ROOT, file), 'utf8')) as Results)
		: undefined;
const BEFORE = readResults(process.env.BENCH_COMPARE);
/** Lets n8n finish what follows an execution's answer before its CPU is read. */
const SETTLE_MS = 400;
const IDLE_SAMPLE_MS = 10_000;

const t0 = Date.now();
const log = (s: string) =>
	console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
	const rendered = readResults(process.env.BENCH_RENDER_ONLY);
	if (rendered) {
		if (LABEL) rendered.info.label = LABEL;
		writeReport(OUT, rendered, BEFORE);
		log(`wrote ${path.relative(REPO_ROOT, OUT)} from ${process.env.BENCH_RENDER_ONLY}`);
		return;
	}
	const startedAt = new Date();
	const host = machine();
	log(
		`${host.cpuModel}, ${host.cores} cores, load average ${host.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
	);
	const rt = ensureRuntime(log);
	const home = path.join(RUNTIME_DIR, 'bench-home');
	fs.rmSync(home, { recursive: true, force: true });
	fs.mkdirSync(home, { recursive: true });
	const inst: Instance = {
		home,
		port: PORT,
		brokerPort: PORT + 1,
		encryptionKey: 'bench-fixed-encryption-key-0123456789abcdef',
		owner: {
			email: 'bench@example.com',
			password: 'Bench-pass1',
			firstName: 'Bench',
			lastName: 'Owner',
		},
		rt,
		log,
		portEnv: 'BENCH_N8N_PORT',
	};
	await ensurePortsFree(inst, instancePorts(inst, [PORT + 2, PORT + 3, PORT + 4]));
	const tarball = packPackage(path.join(RUNTIME_DIR, 'pack'));
	installPackage(inst, tarball);
	log(`installed ${path.basename(tarball)} as a community package`);

	// ---- emulators
	const emulators: AnyEmulator[] = [];
	const credentials: Credential[] = [];
	const cases: BenchCase[] = [];
	const vfProvider = PROVIDERS.find((p) => p.key === 'voucherify')!;
	const { mod: vfMod } = loadEmulatorModule(vfProvider);
	const VoucherifyEmulator = vfMod.VoucherifyEmulator as new (o: object) => AnyEmulator;
	// A limit far above any plan and no latency: the CPU figures are the node's own cost.
	const cpuEmulator = new VoucherifyEmulator({ requestsPerMinute: 1_000_000_000 });
	let cpu: ReturnType<typeof cpuCases> | undefined;
	if (ONLY !== 'pacing') {
		await cpuEmulator.start(EMULATOR_BASE);
		cpuEmulator.seedDemoData();
		emulators.push(cpuEmulator);
		cpu = cpuCases(cpuEmulator, vfMod);
		credentials.push(...cpu.credentials);
		cases.push(...cpu.cases);
	}
	const sizes = Object.fromEntries(
		Object.entries(DEFAULT_PACING_SIZES).map(([k, v]) => [
			k,
			Math.max(1, Math.round(v * PACING_SCALE)),
		]),
	) as unknown as PacingSizes;
	const pacing = ONLY === 'cpu' ? [] : pacingCases(sizes);
	const pacingEmulators = new Map<string, AnyEmulator>();
	for (const c of pacing) {
		const emu = c.create();
		await emu.start(EMULATOR_BASE + 10 + c.portOffset);
		credentials.push(c.prepare(emu));
		applyLatency(emu, LATENCY);
		emulators.push(emu);
		pacingEmulators.set(c.key, emu);
		cases.push(c);
	}
	log(`${emulators.length} emulators on 127.0.0.1 from port ${EMULATOR_BASE}`);

	// ---- n8n: credentials, the workflow, published so its webhooks listen
	const credsFile = path.join(home, 'credentials.json');
	const wfFile = path.join(home, 'workflow.json');
	fs.writeFileSync(credsFile, JSON.stringify(credentials, null, 2));
	fs.writeFileSync(wfFile, JSON.stringify([benchWorkflow(cases)], null, 2));
	await cliOrThrow(inst, ['import:credentials', `--input=${credsFile}`], PORT + 2);
	await cliOrThrow(inst, ['import:workflow', `--input=${wfFile}`], PORT + 3);
	await cliOrThrow(inst, ['publish:workflow', `--id=${WORKFLOW_ID}`], PORT + 4);
	fs.rmSync(credsFile);
	log(
		`imported ${credentials.length} credentials and one workflow of ${cases.length} webhook cases`,
	);

	const server = startServer(inst, {
		logFile: path.join(RUNTIME_DIR, 'bench-n8n.log'),
		// the bench measures executions, not n8n saving them
		env: {
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false',
		},
	});
	const info: RunInfo = {
		date: startedAt.toISOString(),
		machine: host,
		n8nVersion: N8N_VERSION,
		nodeVersion: spawnSync(rt.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim(),
		commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		}).stdout.trim(),
		dirty:
			spawnSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], {
				cwd: REPO_ROOT,
				encoding: 'utf8',
			}).stdout.trim() !== '',
		latency: describeLatency(LATENCY),
		latencyMeanMs: LATENCY?.meanMs ?? 0,
		cpuItems: CPU_ITEMS,
		cpuRounds: CPU_ROUNDS,
		pacingScale: PACING_SCALE,
		loadAtEnd: [0, 0, 0],
		idleCpuMsPerSecond: 0,
		refusedCalls: 0,
		idleMeasuredBeforePacing: false,
		label: LABEL,
	};
	let cpuResults: CpuResult[] = [];
	const pacingResults: PacingResult[] = [];
	try {
		await waitHealthy(inst, server);
		// n8n 2.41 registers a published workflow's webhooks in the background (its publication outbox), after it is ready
		const activationDeadline = Date.now() + 180_000;
		for (;;) {
			const probe = await postJson(`${url(inst)}/webhook/${webhookPath(cases[0])}`, { items: [] });
			if (probe.status !== 404) break;
			if (Date.now() > activationDeadline)
				throw new Error(
					`n8n did not register the bench workflow's webhooks within 180 s: ${probe.body}`,
				);
			await sleep(1000);
		}
		log(`webhooks registered`);
		const pid = server.child.pid!;
		log(`n8n ${N8N_VERSION} ready on ${url(inst)} (pid ${pid})`);
		const call = async (c: BenchCase, items: Array<Record<string, unknown>>) => {
			for (let attempt = 1; ; attempt++) {
				await sleep(SETTLE_MS);
				const cpuBefore = treeCpuMs(pid);
				const answer = await postJson(`${url(inst)}/webhook/${webhookPath(c)}`, { items });
				await sleep(SETTLE_MS);
				const cpuMs = treeCpuMs(pid) - cpuBefore;
				// On a loaded machine n8n's database ping can time out while an execution holds its event loop; until the
				// next ping n8n refuses webhook calls with 503 before running anything: the call is made again.
				if (answer.status === 503 && /Database is not ready/.test(answer.body) && attempt < 6) {
					info.refusedCalls++;
					log(`${c.label}: n8n answered 503 (its database ping timed out); calling again in 5 s`);
					await sleep(5000);
					continue;
				}
				if (answer.status !== 200)
					throw new Error(
						`${c.label}: n8n answered ${answer.status}: ${answer.body.slice(0, 500)}`,
					);
				return { cpuMs, wallMs: answer.ms };
			}
		};

		if (cpu) {
			const items = Array.from({ length: CPU_ITEMS }, () => ({
				id: ([...cpuEmulator.customers.values()][0] as { id: string }).id,
			}));
			log(`CPU: warming up each case with 50 items`);
			for (const c of cpu.cases) await call(c, items.slice(0, 50));
			const runs = new Map<string, Array<{ cpuMs: number; wallMs: number; requests: number }>>();
			for (let round = 1; round <= CPU_ROUNDS; round++) {
				for (const c of cpu.cases) {
					const before = cpuEmulator.requests.length;
					const r = await call(c, items);
					const requests = cpuEmulator.requests.length - before;
					cpuEmulator.requests.length = 0;
					const expected = c.node ? CPU_ITEMS : 0;
					if (requests !== expected)
						throw new Error(`${c.label}: the emulator saw ${requests} requests, not ${expected}`);
					runs.set(c.key, [...(runs.get(c.key) ?? []), { ...r, requests }]);
					log(
						`CPU round ${round}: ${c.label}: ${r.cpuMs.toFixed(0)} ms CPU, ${r.wallMs.toFixed(0)} ms wall, ${requests} requests`,
					);
				}
			}
			const baseline = runs.get('cpu-baseline')!;
			cpuResults = cpu.cases.map((c) => {
				const own = runs.get(c.key)!;
				const net = (k: 'cpuMs' | 'wallMs') =>
					own.map((r, i) => (r[k] - baseline[i][k]) / CPU_ITEMS);
				return {
					key: c.key,
					label: c.label,
					how: c.how,
					items: CPU_ITEMS,
					rounds: own.length,
					cpuMsPerItem: c.node ? median(net('cpuMs')) : median(own.map((r) => r.cpuMs / CPU_ITEMS)),
					cpuMsPerItemAll: c.node ? net('cpuMs') : own.map((r) => r.cpuMs / CPU_ITEMS),
					wallMsPerItem: c.node
						? median(net('wallMs'))
						: median(own.map((r) => r.wallMs / CPU_ITEMS)),
					baseline: !c.node,
				};
			});
		}

		// n8n's own CPU while it waits (timers, the publication outbox), subtracted from the pacing cases' CPU; measured
		// after the CPU cases, when start-up work is over (right after start it is still busy)
		let idleCpuMsPerSecond = 0;
		if (pacing.length) {
			await sleep(5000);
			const idleStart = treeCpuMs(pid);
			await sleep(IDLE_SAMPLE_MS);
			idleCpuMsPerSecond = ((treeCpuMs(pid) - idleStart) / IDLE_SAMPLE_MS) * 1000;
			info.idleCpuMsPerSecond = idleCpuMsPerSecond;
			info.idleMeasuredBeforePacing = true;
			log(`n8n idle: ${idleCpuMsPerSecond.toFixed(1)} ms of CPU per second`);
		}
		for (const c of pacing) {
			const emu = pacingEmulators.get(c.key)!;
			const input = c.input(emu);
			log(`pacing: ${c.label}, ${c.items} items (${c.limit}) ...`);
			const r = await call(c, input);
			const work = c.workRequests(emu);
			const refused = [emu, emu.lwa]
				.filter(Boolean)
				.flatMap((e: AnyEmulator) => e.requests)
				.filter((q: { status: number }) => q.status === 429 || q.status === 503).length;
			const result: PacingResult = {
				key: c.key,
				vendor: c.vendor,
				plan: c.plan,
				limit: c.limit,
				label: c.label,
				items: c.items,
				wallSeconds: r.wallMs / 1000,
				boundSeconds: limitBoundSeconds(c, LATENCY),
				sustainedSeconds: c.items / c.ratePerSecond,
				serial: c.serial,
				requests: work.length,
				refused,
				extraRequests: work.length - c.items,
				applied: c.applied?.(emu),
				cpuMsRaw: r.cpuMs,
				cpuMsPerItem:
					Math.max(0, r.cpuMs - idleCpuMsPerSecond * (r.wallMs / 1000 + SETTLE_MS / 1000)) /
					c.items,
			};
			pacingResults.push(result);
			log(
				`pacing: ${c.label}: ${result.wallSeconds.toFixed(1)} s, the limit allows ${result.boundSeconds.toFixed(1)} s (x${(result.wallSeconds / result.boundSeconds).toFixed(2)}), ${result.refused} refused, ${result.extraRequests} extra requests`,
			);
		}
	} finally {
		info.loadAtEnd = machine().loadAverage;
		await server.stop();
		for (const e of emulators) await e.stop();
	}
	writeReport(OUT, { info, cpu: cpuResults, pacing: pacingResults }, BEFORE);
	log(`wrote ${path.relative(REPO_ROOT, OUT)}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(`bench:n8n failed: ${(error as Error).stack ?? error}`);
		process.exit(1);
	},
);
