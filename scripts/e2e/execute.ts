/** Runs imported workflows with `n8n execute`, as the examples and the operation cases do, and counts the runs. */
import { cli, parseRun, type Instance } from '../lib/n8n';
import type { Stack } from '../lib/stack';
import { noteOutbound } from './outbound';
import { PORT } from './settings';

/** A run's data by node name: each run of the node, its items by output. */
export type RunData = Record<
	string,
	Array<{
		data?: {
			main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }>>;
		};
	}>
>;

export interface WorkflowRunner {
	/** Runs an imported workflow; returns its run data or what went wrong (with what the emulators received). */
	execute: (workflowId: string) => Promise<{ runData?: RunData; problem?: string }>;
	/** How many workflows ran (the secret scan expects as many stored executions). */
	executed: () => number;
}

export function workflowRunner(inst: Instance, stack: Stack): WorkflowRunner {
	let executed = 0;
	const trail = (from: Record<string, number>) =>
		`\n       the emulators received: ${
			stack.running
				.flatMap((r) =>
					((r.emulator.requests ?? []) as Array<{ method: string; path: string; status: number }>)
						.slice(from[r.provider.key] ?? 0)
						.map((q) => `${q.method} ${q.path} → ${q.status}`),
				)
				.join('; ') || 'nothing'
		}`;
	const requestCounts = () =>
		Object.fromEntries(
			stack.running.map((r) => [r.provider.key, r.emulator.requests?.length ?? 0]),
		);
	return {
		execute: async (workflowId) => {
			const before = requestCounts();
			const res = await cli(inst, ['execute', `--id=${workflowId}`, '--rawOutput'], {
				brokerPort: PORT + 13,
				env: { N8N_LOG_LEVEL: 'info' },
			});
			noteOutbound('n8n execute', res.stdout + res.stderr);
			executed++;
			const resultData = (parseRun(res.stdout) as any)?.data?.resultData;
			if (!resultData)
				return {
					problem: `no run output (exit ${res.code}):\n${(res.stderr || res.stdout).slice(-1500)}${trail(before)}`,
				};
			if (resultData.error)
				return {
					problem: `the workflow failed: ${resultData.error.message}${resultData.error.description ? ` — ${resultData.error.description}` : ''}${trail(before)}`,
				};
			return { runData: resultData.runData ?? {} };
		},
		executed: () => executed,
	};
}

/** The `json` of the items a node emitted in a run. */
export const itemsOf = (runData: RunData, node: string) =>
	(runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
