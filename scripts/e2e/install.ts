/**
 * Our package goes into n8n the way a community package does (its `npm pack` tarball), then the demo credentials
 * (each with a Test request also as a twin with wrong keys) and every workflow through n8n's own CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { cliOrThrow, installPackage, n8nDir, packPackage, type Instance } from '../lib/n8n';
import { PACKAGE_NAME } from '../lib/providers';
import { REPO_ROOT, RUNTIME_DIR } from '../lib/runtime';
import { credentialsImport, type RunningProvider, type Stack } from '../lib/stack';
import type { Workflow } from '../lib/workflows';
import { wrongTwin } from './credential-tests';
import { exampleWorkflows } from './examples';
import type { PlannedCase } from './operations';
import { noteOutbound } from './outbound';
import { check, log } from './report';
import { PORT } from './settings';
import { publishTriggers } from './triggers';

export function installOurPackage(inst: Instance): void {
	const tarball = packPackage(path.join(RUNTIME_DIR, 'pack'));
	installPackage(inst, tarball);
	log(
		`installed ${path.basename(tarball)} into ${path.relative(REPO_ROOT, path.join(n8nDir(inst), 'nodes', 'node_modules', PACKAGE_NAME))}`,
	);
}

/** Imports credentials and workflows (credentials are encrypted on import) and publishes the trigger workflows; returns the examples. */
export async function importIntoN8n(
	inst: Instance,
	stack: Stack,
	running: RunningProvider[],
	planned: PlannedCase[],
	/** Polling and webhook trigger workflows, published so n8n activates them when it starts. */
	triggers: Array<{ workflow: Workflow }>,
): Promise<Workflow[]> {
	const credsFile = path.join(inst.home, 'credentials.json');
	const wfFile = path.join(inst.home, 'workflows.json');
	const imported = [
		...credentialsImport({ ...stack, running }),
		...running.flatMap((r) => r.credentials.filter((c) => c.wrong).map(wrongTwin)),
	];
	fs.writeFileSync(credsFile, JSON.stringify(imported, null, 2));
	const examples = exampleWorkflows();
	fs.writeFileSync(
		wfFile,
		JSON.stringify(
			[...examples, ...planned.map((p) => p.workflow), ...triggers.map((t) => t.workflow)],
			null,
			2,
		),
	);
	await check('n8n imports the demo credentials (import:credentials)', async () => {
		noteOutbound(
			'n8n import:credentials',
			(await cliOrThrow(inst, ['import:credentials', `--input=${credsFile}`], PORT + 11)).stderr,
		);
	});
	await check(
		`n8n imports ${examples.length} examples, ${planned.length} operation workflows and ${triggers.length} trigger workflows (import:workflow)`,
		async () => {
			noteOutbound(
				'n8n import:workflow',
				(await cliOrThrow(inst, ['import:workflow', `--input=${wfFile}`], PORT + 12)).stderr,
			);
		},
	);
	if (triggers.length)
		await check(
			`n8n publishes the ${triggers.length} trigger workflows (publish:workflow)`,
			async () => publishTriggers(inst, triggers, PORT + 14),
		);
	fs.rmSync(credsFile);
	return examples;
}
