/** Writes docs/benchmarks.md, its SVG charts (hand-written SVG, readable on GitHub) and the raw figures as JSON. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Machine } from './measure';

export interface RunInfo {
	date: string;
	machine: Machine;
	loadAtEnd: [number, number, number];
	n8nVersion: string;
	nodeVersion: string;
	commit: string;
	/** nodes/ or credentials/ had uncommitted changes. */
	dirty: boolean;
	latency: string;
	latencyMeanMs: number;
	cpuItems: number;
	cpuRounds: number;
	pacingScale: number;
	/** Webhook calls n8n refused with 503 "Database is not ready" (a database ping timed out under load) and that were made again. */
	refusedCalls: number;
	/** What this run is (BENCH_LABEL), e.g. "before the faster nodes". */
	label?: string;
	/** n8n's CPU while idle, ms per second (subtracted from the pacing cases' CPU). */
	idleCpuMsPerSecond: number;
	/** The idle CPU was measured just before the pacing cases (earlier runs measured it right after start). */
	idleMeasuredBeforePacing?: boolean;
}

export interface CpuResult {
	key: string;
	label: string;
	how: string;
	items: number;
	rounds: number;
	/** Median over the rounds of (this call's CPU - the baseline call's CPU of the same round) / items. */
	cpuMsPerItem: number;
	cpuMsPerItemAll: number[];
	wallMsPerItem: number;
	baseline: boolean;
}

export interface PacingResult {
	key: string;
	vendor: string;
	plan: string;
	limit: string;
	label: string;
	items: number;
	wallSeconds: number;
	boundSeconds: number;
	sustainedSeconds: number;
	serial: boolean;
	requests: number;
	refused: number;
	extraRequests: number;
	applied?: number;
	/** n8n's CPU across the call, idle included. */
	cpuMsRaw?: number;
	cpuMsPerItem: number;
}

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
	const power = Math.pow(10, Math.floor(Math.log10(raw)));
	return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

function linearTicks(hi: number): number[] {
	const step = niceStep(hi / 5);
	return Array.from({ length: Math.floor(hi / step + 1e-9) + 1 }, (_, i) => i * step);
}

interface Bar {
	value: number;
	color: string;
	text: string;
}

/** Horizontal bars, one group per row; a linear or log scale starting at the left edge. */
function barChart(options: {
	title: string;
	subtitle: string;
	unit: string;
	rows: Array<{ label: string; bars: Bar[] }>;
	legend: Array<{ color: string; text: string }>;
	log?: boolean;
	marker?: { value: number; text: string };
}): string {
	const labelWidth = 360;
	const plotWidth = 470;
	const barHeight = 16;
	const rowGap = 12;
	const top = 62;
	const width = labelWidth + plotWidth + 120;
	const groupHeight = (r: { bars: Bar[] }) => r.bars.length * barHeight + rowGap;
	const height =
		top + options.rows.reduce((sum, r) => sum + groupHeight(r), 0) + 40 + options.legend.length * 0;
	const values = options.rows.flatMap((r) => r.bars.map((b) => b.value)).filter((v) => v > 0);
	const max = Math.max(...values, options.marker?.value ?? 0, 1e-9);
	const min = options.log ? Math.min(...values, options.marker?.value ?? Infinity) : 0;
	const lo = options.log ? Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-6)))) : 0;
	const hi = options.log
		? Math.pow(10, Math.ceil(Math.log10(max)))
		: niceStep(max / 4) * Math.ceil((max * 1.02) / niceStep(max / 4));
	const x = (v: number) =>
		labelWidth +
		(options.log
			? ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) *
				plotWidth
			: (v / hi) * plotWidth);
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
		`<rect width="100%" height="100%" fill="#ffffff"/>`,
		`<text x="10" y="20" font-size="15" font-weight="bold">${esc(options.title)}</text>`,
		`<text x="10" y="38" fill="#555">${esc(options.subtitle)}</text>`,
	];
	let lx = 10;
	for (const l of options.legend) {
		out.push(`<rect x="${lx}" y="46" width="10" height="10" fill="${l.color}"/>`);
		out.push(`<text x="${lx + 14}" y="55" fill="#333">${esc(l.text)}</text>`);
		lx += 24 + l.text.length * 6.2;
	}
	// grid
	const ticks = options.log
		? Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, i) => lo * Math.pow(10, i))
		: linearTicks(hi);
	const bottom = height - 30;
	for (const t of ticks) {
		out.push(
			`<line x1="${x(t).toFixed(1)}" y1="${top - 4}" x2="${x(t).toFixed(1)}" y2="${bottom}" stroke="#e3e3e3"/>`,
		);
		out.push(
			`<text x="${x(t).toFixed(1)}" y="${bottom + 14}" text-anchor="middle" fill="#666">${esc(
				t >= 100 ? t.toFixed(0) : t >= 1 ? String(+t.toFixed(1)) : String(+t.toPrecision(2)),
			)}</text>`,
		);
	}
	out.push(
		`<text x="${labelWidth + plotWidth}" y="${bottom + 27}" text-anchor="end" fill="#666">${esc(options.unit)}${options.log ? ' (log scale)' : ''}</text>`,
	);
	let y = top;
	for (const row of options.rows) {
		out.push(
			`<text x="${labelWidth - 8}" y="${(y + (row.bars.length * barHeight) / 2 + 4).toFixed(1)}" text-anchor="end">${esc(row.label)}</text>`,
		);
		for (const b of row.bars) {
			const w = Math.max(1, x(b.value) - labelWidth);
			out.push(
				`<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight - 2}" fill="${b.color}"/>`,
			);
			out.push(
				`<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + barHeight - 5}" fill="#222">${esc(b.text)}</text>`,
			);
			y += barHeight;
		}
		y += rowGap;
	}
	if (options.marker) {
		const mx = x(options.marker.value).toFixed(1);
		out.push(
			`<line x1="${mx}" y1="${top - 4}" x2="${mx}" y2="${bottom}" stroke="#c0392b" stroke-dasharray="4 3"/>`,
		);
		out.push(
			`<text x="${mx}" y="${top - 8}" fill="#c0392b" text-anchor="middle">${esc(options.marker.text)}</text>`,
		);
	}
	out.push('</svg>');
	return out.join('\n') + '\n';
}

export interface Results {
	info: RunInfo;
	cpu: CpuResult[];
	pacing: PacingResult[];
}

const ratioOursToHttp = (cpu: CpuResult[]) => {
	const ours = cpu.find((c) => c.key === 'cpu-ours');
	const http = cpu.find((c) => c.key === 'cpu-http-header-1');
	return ours && http ? ours.cpuMsPerItem / http.cpuMsPerItem : NaN;
};

/** Before and after: an earlier run's results.json (BENCH_COMPARE) beside this run's, case by case. */
function comparison(before: Results, after: Results): string[] {
	const name = (r: Results) =>
		`${r.info.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.info.commit}${r.info.label ? ` (${r.info.label})` : ''}, load average ${r.info.machine.loadAverage[0].toFixed(2)} at start`;
	const lines = [
		'## Before and after',
		'',
		`**Before:** the run of ${esc(name(before))}. **After:** this run, ${esc(name(after))}. Both by \`npm run bench:n8n\`; the before figures are read from that run's results.json.`,
		'',
	];
	if (before.cpu.length && after.cpu.length) {
		lines.push(
			'| CPU case | CPU ms / item before | after | after / before | Wall ms / item before | after |',
			'|---|---:|---:|---:|---:|---:|',
			...after.cpu
				.filter((c) => !c.baseline)
				.map((c) => {
					const b = before.cpu.find((x) => x.key === c.key);
					return `| ${esc(c.label)} | ${b ? fmt(b.cpuMsPerItem) : '–'} | ${fmt(c.cpuMsPerItem)} | ${b ? fmt(c.cpuMsPerItem / b.cpuMsPerItem) : '–'} | ${b ? fmt(b.wallMsPerItem) : '–'} | ${fmt(c.wallMsPerItem)} |`;
				}),
			`| **Ratio ours / HTTP Request (Header Auth, one at a time)** | ${fmt(ratioOursToHttp(before.cpu))} | ${fmt(ratioOursToHttp(after.cpu))} | | | |`,
			'',
		);
	}
	if (before.pacing.length && after.pacing.length) {
		lines.push(
			'| Vendor, plan | Items before / after | Wall s before | after | Wall / bound before | after | Refused before / after | Extra requests before / after |',
			'|---|---:|---:|---:|---:|---:|---:|---:|',
			...after.pacing.map((p) => {
				const b = before.pacing.find((x) => x.key === p.key);
				return `| ${esc(p.vendor)}, ${esc(p.plan)} | ${b ? b.items : '–'} / ${p.items} | ${b ? fmt(b.wallSeconds, 1) : '–'} | ${fmt(p.wallSeconds, 1)} | ${b ? fmt(b.wallSeconds / b.boundSeconds) : '–'} | ${fmt(p.wallSeconds / p.boundSeconds)} | ${b ? b.refused : '–'} / ${p.refused} | ${b ? b.extraRequests : '–'} / ${p.extraRequests} |`;
			}),
			'',
		);
	}
	return lines;
}

export function writeReport(file: string, results: Results, before?: Results): void {
	const { info, cpu, pacing } = results;
	const dir = path.join(path.dirname(file), path.basename(file, '.md'));
	fs.mkdirSync(dir, { recursive: true });
	const rel = (f: string) => `${path.basename(dir)}/${f}`;
	const conditions =
		`${info.machine.cpuModel}, ${info.machine.cores} cores, load average ${info.machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')} at start ` +
		`(${info.loadAtEnd.map((l) => l.toFixed(2)).join(' / ')} at the end); n8n ${info.n8nVersion}, Node ${info.nodeVersion}; commit ${info.commit}${info.dirty ? ' with uncommitted changes to nodes/ or credentials/' : ''}; ${info.date.slice(0, 16).replace('T', ' ')} UTC`;
	const lines: string[] = [
		'# Benchmarks inside the real n8n',
		'',
		'<!-- Written by `npm run bench:n8n` (scripts/bench-n8n/); edit the script, not this file. -->',
		'',
		`Measured by \`npm run bench:n8n\` on ${info.date.slice(0, 10)}${info.label ? ` — **${esc(info.label)}**` : ''}. Every figure below comes from that one run${before ? ', except the before figures of the first section, which come from the earlier run it names' : ''}.`,
		'',
		...(before ? comparison(before, results) : []),
		'## Conditions of this run',
		'',
		`| | |`,
		`|---|---|`,
		`| Machine | ${esc(info.machine.cpuModel)}, ${info.machine.cores} cores, ${info.machine.memoryGb.toFixed(1)} GB, ${esc(info.machine.kernel)} |`,
		`| Load average (1 / 5 / 15 min) | ${info.machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')} at start, ${info.loadAtEnd.map((l) => l.toFixed(2)).join(' / ')} at the end: the machine is shared, so wall times carry the other work's noise; CPU times much less |`,
		`| n8n | ${info.n8nVersion} (the pinned runtime of scripts/lib/runtime.ts), regular mode, SQLite, executions not saved on success |`,
		`| Node | ${info.nodeVersion} |`,
		`| Package | n8n-nodes-commerce-customers from \`npm pack\` of commit ${info.commit}${info.dirty ? ' (with uncommitted changes to nodes/ or credentials/)' : ''}, installed as a community package |`,
		`| Emulator latency | CPU cases: none (answers at once). Pacing cases: ${esc(info.latency)}, for every admitted request |`,
		`| n8n idle CPU | ${fmt(info.idleCpuMsPerSecond, 1)} ms per second, measured for 10 s ${info.idleMeasuredBeforePacing ? 'before the pacing cases' : 'right after n8n started'}: over a paced run of minutes that is as much as the node's own work, so the pacing cases report no CPU figure (only wall time against the bound) |`,
		`| Calls made again | ${info.refusedCalls ?? 0} (n8n refuses webhook calls with 503 "Database is not ready" for a moment when its database ping times out under load; nothing runs, and the call is made again) |`,
		`| Date | ${info.date} |`,
		'',
	];

	if (cpu.length) {
		const base = cpu.find((c) => c.baseline);
		const measured = cpu.filter((c) => !c.baseline);
		const ours = measured.find((c) => c.key === 'cpu-ours');
		const httpOne = measured.find((c) => c.key === 'cpu-http-header-1');
		const palette = ['#2e86de', '#8e8e8e', '#b5b5b5', '#6c5ce7'];
		fs.writeFileSync(
			path.join(dir, 'cpu-per-item.svg'),
			barChart({
				title: 'CPU time per item inside n8n: Voucherify Get customer',
				subtitle: `${info.cpuItems} items per call, median of ${info.cpuRounds} calls less the baseline call; emulator answers at once`,
				unit: 'ms of CPU per item (n8n process tree, user + system)',
				rows: measured.map((c, i) => ({
					label: c.label,
					bars: [
						{
							value: c.cpuMsPerItem,
							color: palette[i % palette.length],
							text: `${fmt(c.cpuMsPerItem)} ms`,
						},
					],
				})),
				legend: [],
			}),
		);
		fs.writeFileSync(
			path.join(dir, 'wall-per-item.svg'),
			barChart({
				title: 'Wall time per item inside n8n: Voucherify Get customer',
				subtitle: `${info.cpuItems} items per call, median of ${info.cpuRounds} calls less the baseline call; load average ${info.machine.loadAverage[0].toFixed(2)} at start`,
				unit: 'ms of wall time per item',
				rows: measured.map((c, i) => ({
					label: c.label,
					bars: [
						{
							value: c.wallMsPerItem,
							color: palette[i % palette.length],
							text: `${fmt(c.wallMsPerItem)} ms`,
						},
					],
				})),
				legend: [],
			}),
		);
		lines.push(
			'## CPU and wall time per item inside n8n',
			'',
			`**Conditions:** ${esc(conditions)}. Voucherify *Get customer*, ${info.cpuItems} items per call, against the Voucherify emulator on loopback answering at once with a limit far above any plan (1,000,000,000 requests a minute), so the figures are the cost inside n8n, not the vendor's.`,
			'',
			"**Method.** The bench imports one workflow into the running n8n with, per case, a Webhook (POST, answers when the last node finishes) → Split Out (the posted `items`) → the node measured, and calls each case's webhook with the same items. " +
				"It reads the CPU time of n8n's process tree (the main process and its task runners: `utime + stime + cutime + cstime` of `/proc/<pid>/stat`, in clock ticks of 10 ms) before the call and 0.4 s after its answer; " +
				`the **baseline** call (Webhook and Split Out only, no request) of the same round is subtracted, and the figure is the median over ${info.cpuRounds} rounds, run one case after the other in each round after a warm-up call of 50 items per case. ` +
				"Wall time is the webhook call's duration, less the baseline's, per item. The emulator runs in the bench's own process, so its CPU is not counted. The emulator counts the requests of every call: each case sent exactly one per item.",
			'',
			'| Case | How | CPU ms / item | Wall ms / item | CPU ms / item in each round | Ratio of CPU to HTTP Request, Header Auth, one at a time |',
			'|---|---|---:|---:|---|---:|',
			...measured.map(
				(c) =>
					`| ${esc(c.label)} | ${esc(c.how)} | ${fmt(c.cpuMsPerItem)} | ${fmt(c.wallMsPerItem)} | ${c.cpuMsPerItemAll.map((v) => fmt(v)).join(', ')} | ${httpOne ? fmt(c.cpuMsPerItem / httpOne.cpuMsPerItem) : '–'} |`,
			),
			'',
			base
				? `Baseline (Webhook and Split Out only, ${info.cpuItems} items): ${fmt(base.cpuMsPerItem, 3)} ms CPU and ${fmt(base.wallMsPerItem, 3)} ms wall per item, subtracted above.`
				: '',
			'',
			ours && httpOne
				? `**Ratio ours / HTTP Request (Header Auth, one at a time), CPU per item: ${fmt(ours.cpuMsPerItem / httpOne.cpuMsPerItem)}** (goal of issue 14: at most 0.5).`
				: '',
			'',
			`![CPU per item](${rel('cpu-per-item.svg')})`,
			'',
			`![Wall per item](${rel('wall-per-item.svg')})`,
			'',
			`Rerun only these figures: \`BENCH_ONLY=cpu npm run bench:n8n\` (\`BENCH_CPU_ITEMS\`, default 2000; \`BENCH_CPU_ROUNDS\`, default 3).`,
			'',
		);
	}

	if (pacing.length) {
		fs.writeFileSync(
			path.join(dir, 'pacing.svg'),
			barChart({
				title: "Pacing with latency: the work's wall time against the time the limit allows",
				subtitle: `emulators answer after ${info.latency}; one call per case, the vendor's bucket full at the start`,
				unit: 'seconds',
				log: true,
				rows: pacing.map((p) => ({
					label: `${p.vendor} ${p.plan.replace(/ \(.*\)$/, '').replace(/ quota$| usage plan$/, '')}, ${p.items} items`,
					bars: [
						{
							value: p.wallSeconds,
							color: '#2e86de',
							text: `${fmt(p.wallSeconds, 1)} s (×${fmt(p.wallSeconds / p.boundSeconds)})`,
						},
						{ value: p.boundSeconds, color: '#b5b5b5', text: `${fmt(p.boundSeconds, 1)} s` },
					],
				})),
				legend: [
					{ color: '#2e86de', text: 'measured (ratio to the bound)' },
					{ color: '#b5b5b5', text: "the limit's bound" },
				],
			}),
		);
		lines.push(
			'## Pacing with latency, per vendor and plan',
			'',
			`**Conditions:** ${esc(conditions)}. Every emulator answers each admitted request after ${esc(info.latency)}, and enforces the plan's limit as the vendor does; each case is one webhook call with the given number of items, on its own emulator and its own credential (so its own pacing bucket in n8n), the vendor's bucket full at the start. Work sizes are scaled by BENCH_PACING_SCALE=${info.pacingScale}.`,
			'',
			"**The bound** is the time the vendor's limit allows for the work: every request sent the moment the vendor's bucket allows it (the burst at once, then one every 1/rate seconds), the last answer one mean round trip later — `max(0, items − burst) / rate + latency`; for UltraCart, which refuses concurrent requests, at least one mean round trip per request (`items × latency`). " +
				'Within the burst the bound is one round trip: only requests in flight together can come near it. *At the sustained rate* is `items / rate`, shown for scale. ' +
				'**Refused** counts the 429s (MWS: 503 RequestThrottled) the emulator answered; **extra requests** are requests of the work beyond one per item (retries, repeats); **applied** is how many writes the vendor applied (when the work writes).',
			'',
			`| Vendor | Plan | Limit | Work | Items | Wall s | Bound s | Ratio wall / bound | At the sustained rate s | Requests | Refused | Extra requests | Applied |`,
			`|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
			...pacing.map(
				(p) =>
					`| ${esc(p.vendor)} | ${esc(p.plan)} | ${esc(p.limit)} | ${esc(p.label.replace(/^[^:]*: /, ''))} | ${p.items} | ${fmt(p.wallSeconds, 1)} | ${fmt(p.boundSeconds, 1)} | ${fmt(p.wallSeconds / p.boundSeconds)} | ${fmt(p.sustainedSeconds, 1)} | ${p.requests} | ${p.refused} | ${p.extraRequests} | ${p.applied ?? '–'} |`,
			),
			'',
			'Goal of issue 14: every vendor and plan within 1.10× of the bound, 0 refused on a plan the node knows, 0 repeated sends.',
			'',
			`![Pacing](${rel('pacing.svg')})`,
			'',
			`Rerun only these figures: \`BENCH_ONLY=pacing npm run bench:n8n\` (\`BENCH_LATENCY_MS=150:50\` sets the mean and jitter; \`BENCH_PACING_SCALE=0.5\` halves every work size).`,
			'',
		);
	}

	lines.push(
		'## How to rerun',
		'',
		'```sh',
		'npm run bench:n8n            # builds, installs the pinned n8n once (about 7 minutes the first time), runs everything (about 10-15 minutes)',
		'BENCH_ONLY=cpu npm run bench:n8n',
		'BENCH_ONLY=pacing BENCH_LATENCY_MS=150:50 npm run bench:n8n',
		"# before and after: keep this run's figures, rerun, and the report gets a before/after section",
		'cp docs/benchmarks/results.json /tmp/before.json',
		'BENCH_COMPARE=/tmp/before.json BENCH_LABEL="after …" npm run bench:n8n',
		'# the report again from a results.json, without measuring',
		'BENCH_RENDER_ONLY=docs/benchmarks/results.json npx ts-node --transpile-only scripts/bench-n8n/run.ts',
		'```',
		'',
		'Ports: n8n on `BENCH_N8N_PORT` (default 6200, and the next four), emulators from `BENCH_EMULATOR_BASE_PORT` (default 6210, twenty ports). `BENCH_OUT` writes the report elsewhere (its charts go to a folder of the same name beside it). ' +
			'The raw figures of this run are in [' +
			rel('results.json') +
			'](' +
			rel('results.json') +
			'). ' +
			'The emulators of `npm start` and the e2e answer after a latency too when `EMULATOR_LATENCY_MS=<mean>:<jitter>` is set (uniform jitter, seeded: the same delays every run). ' +
			"The jest benchmarks (`npm run bench`) measure the nodes in n8n's engine inside jest instead; they are not part of this report.",
		'',
	);
	fs.writeFileSync(file, lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n'));
	fs.writeFileSync(
		path.join(dir, 'results.json'),
		JSON.stringify({ info, cpu, pacing } satisfies Results, null, 2) + '\n',
	);
}
