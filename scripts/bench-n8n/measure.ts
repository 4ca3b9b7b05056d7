/** What the bench reads from the machine: the CPU time of a process tree (/proc), the machine itself, and timed HTTP calls. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux). */
const TICKS_PER_SECOND = (() => {
	const res = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
	const ticks = Number(res.stdout?.trim());
	return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

interface ProcStat {
	pid: number;
	ppid: number;
	/** utime + stime + cutime + cstime, in ticks: the process's own CPU and that of its children that ended. */
	ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// the command name (field 2) may hold spaces: fields after the last ')' start at field 3 (state)
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		const n = (i: number) => Number(fields[i - 3]);
		return { pid, ppid: n(4), ticks: n(14) + n(15) + n(16) + n(17) };
	} catch {
		return undefined; // ended meanwhile
	}
}

/**
 * CPU milliseconds (user + system) spent so far by a process and every process below it (n8n's task runners),
 * including children that already ended and were waited for. Resolution: one clock tick (10 ms).
 */
export function treeCpuMs(rootPid: number): number {
	const stats: ProcStat[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(Number(entry));
		if (stat) stats.push(stat);
	}
	const children = new Map<number, ProcStat[]>();
	for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
	let ticks = 0;
	const stack = stats.filter((s) => s.pid === rootPid);
	while (stack.length) {
		const s = stack.pop()!;
		ticks += s.ticks;
		stack.push(...(children.get(s.pid) ?? []));
	}
	return (ticks * 1000) / TICKS_PER_SECOND;
}

export interface Machine {
	cpuModel: string;
	cores: number;
	loadAverage: [number, number, number];
	memoryGb: number;
	kernel: string;
}

export function machine(): Machine {
	const cpus = os.cpus();
	const load = os.loadavg();
	return {
		cpuModel: cpus[0]?.model?.trim() || 'unknown',
		cores: cpus.length,
		loadAverage: [load[0], load[1], load[2]],
		memoryGb: os.totalmem() / 2 ** 30,
		kernel: `${os.type()} ${os.release()}`,
	};
}

export interface Answer {
	status: number;
	body: string;
	ms: number;
}

/** POSTs JSON and waits for the whole answer, without a timeout (a paced run may take minutes). */
export function postJson(url: string, payload: unknown): Promise<Answer> {
	const body = Buffer.from(JSON.stringify(payload));
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': body.length },
				agent: false,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						ms: performance.now() - started,
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

export function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
