/**
 * One workflow per node operation (and a few extra cases: paging limit, OAuth2), each run with `n8n execute` and
 * its output checked; the node's operations and the cases of scripts/lib/providers/ must match one to one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { DemoCredential, E2ECase } from '../lib/providers';
import type { RunningProvider } from '../lib/stack';
import {
	nodeDescription,
	operationsOf,
	operationWorkflow,
	workflowId,
	type Workflow,
} from '../lib/workflows';
import { itemsOf, type WorkflowRunner } from './execute';
import { check, log, record, skip } from './report';
import { ARTIFACTS, CASE_FILTER } from './settings';

export interface PlannedCase {
	rp: RunningProvider;
	c: E2ECase;
	workflow: Workflow;
	name: string;
}

/** Prepares each emulator for its cases and builds their workflows; an operation without a case (or the reverse) fails. */
export async function planOperationCases(running: RunningProvider[]): Promise<PlannedCase[]> {
	const planned: PlannedCase[] = [];
	for (const rp of running) {
		const ctx = rp.provider.prepare ? await rp.provider.prepare(rp.mod, rp.emulator) : {};
		const cases = rp.provider.cases(ctx, rp.mod, rp.emulator);
		const offered = operationsOf(rp.provider.node);
		for (const op of offered) {
			if (!cases.some((c) => c.resource === op.resource && c.operation === op.operation)) {
				record(
					`${rp.provider.title} ${op.resource}: ${op.operation} has an e2e case`,
					false,
					'the node offers this operation but scripts/lib/providers/ has no case for it',
					0,
				);
			}
		}
		const display = nodeDescription(rp.provider.node).displayName;
		for (const c of cases) {
			if (!offered.some((o) => o.resource === c.resource && o.operation === c.operation)) {
				record(
					`${rp.provider.title} ${c.resource}: ${c.operation} exists in the node`,
					false,
					'the e2e case names an operation the node does not offer',
					0,
				);
				continue;
			}
			const cred = (
				c.credential ? rp.credentials.find((x) => x.id === c.credential) : rp.credentials[0]
			) as DemoCredential;
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
	return planned;
}

/** Runs every planned case (those E2E_CASE names) and checks its output and what the emulator received. */
export async function runOperationCases(
	planned: PlannedCase[],
	runner: WorkflowRunner,
): Promise<void> {
	log(`running ${planned.length} workflows with n8n execute`);
	for (const p of planned.filter((x) => !CASE_FILTER || x.name.includes(CASE_FILTER))) {
		if (p.c.skip) {
			skip(`execute: ${p.name}`, p.c.skip);
			continue;
		}
		await check(`execute: ${p.name}`, async () => {
			const { runData, problem } = await runner.execute(p.workflow.id);
			if (problem) return problem;
			const items = itemsOf(runData!, p.workflow.nodes[p.workflow.nodes.length - 1].name);
			fs.writeFileSync(
				path.join(ARTIFACTS, 'outputs', `${p.workflow.id}.json`),
				JSON.stringify({ name: p.name, items }, null, 2),
			);
			const wrong = p.c.check(items, p.rp.emulator);
			return wrong ? `${wrong}\n       output: ${JSON.stringify(items).slice(0, 400)}` : undefined;
		});
	}
}
