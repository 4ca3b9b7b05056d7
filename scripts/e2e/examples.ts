/** The example workflows of `examples/`, and what each must produce when it runs inside n8n against the emulators. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { AnyEmulator, Items } from '../lib/providers';
import { REPO_ROOT } from '../lib/runtime';
import type { Stack } from '../lib/stack';
import type { Workflow } from '../lib/workflows';
import { itemsOf, type RunData, type WorkflowRunner } from './execute';
import { check } from './report';
import { ARTIFACTS } from './settings';

/** Returns what is wrong, or undefined. `emulators` by provider key. */
export type ExampleCheck = (
	output: (node: string) => Items,
	emulators: Record<string, AnyEmulator>,
	runData: RunData,
) => string | undefined;

const NEWSLETTER = '8c1f0d2e-0000-4000-8000-000000000001';

export const EXAMPLE_CHECKS: Record<string, ExampleCheck> = {
	exNuvemToVfUc001: (output, emulators) => {
		const subscribed = output('Subscribe to Newsletter');
		const fromShop = output('New Nuvemshop Customers');
		if (fromShop.length < 2)
			return `expected the demo shop's new customers, got ${fromShop.length}`;
		if (subscribed.length !== fromShop.length)
			return `${fromShop.length} customers in, ${subscribed.length} subscribed`;
		const upserted = output('Upsert Into Voucherify').map((c) => c.source_id);
		if (!upserted.includes('ana.souza@example.com.br'))
			return `Ana Souza was not upserted into Voucherify by email: ${JSON.stringify(upserted)}`;
		const onList = [...emulators.ultracart.subscriptions.values()].filter((lists: Set<string>) =>
			lists.has(NEWSLETTER),
		).length;
		return onList >= fromShop.length
			? undefined
			: `only ${onList} UltraCart customers are on the Newsletter list`;
	},
	exAmazonInvoice1: (output, emulators) => {
		const [sent] = output('Send Invoice to Buyer');
		if (sent?.success !== true || sent.messageType !== 'invoice')
			return `no successful invoice message: ${JSON.stringify(sent)}`;
		const fileName = (sent.attachments as Array<{ fileName: string }> | undefined)?.[0]?.fileName;
		if (fileName !== 'invoice-902-3159896-1390916.pdf')
			return `the attachment is named ${fileName}`;
		return emulators['amazon-selling-partner'].s3.requests.length
			? undefined
			: 'the PDF never reached the presigned upload URL';
	},
	exNightlyUcToVf1: (output, emulators) => {
		const changed = output('Changed UltraCart Customers');
		const updated = output('Update Many in Voucherify');
		if (changed.length < 4)
			return `expected the demo customers changed in the last day, got ${changed.length}`;
		if (updated.length !== changed.length)
			return `${changed.length} customers in, ${updated.length} out`;
		const bulk = emulators.voucherify.calls('update-customers-in-bulk').length;
		return bulk === 1
			? undefined
			: `expected one bulk request for all customers, the emulator saw ${bulk}`;
	},
	exMwsCustomers01: (output, _emulators, runData) => {
		const customers = output('Flatten');
		if (customers.length !== 25 || customers[0].email !== 'jane@example.com')
			return `expected 25 flattened customers starting with Jane, got ${JSON.stringify(customers.slice(0, 1))} (${customers.length})`;
		const csv = runData['CSV File']?.[0]?.data?.main?.[0]?.[0]?.binary?.data as
			| { fileName?: string }
			| undefined;
		return csv?.fileName === 'mws-customers.csv'
			? undefined
			: `no CSV file in the output: ${JSON.stringify(csv)}`;
	},
};

/** Counts the check of a second run compares with the first: records and creates each emulator holds. */
type Snapshot = Record<string, number>;

/**
 * Examples that must be safe to run again: the check runs the example a second time, right after the first, and gets
 * the emulators' state from before that second run.
 */
export const REPEAT_CHECKS: Record<
	string,
	{
		snapshot: (emulators: Record<string, AnyEmulator>) => Snapshot;
		check: (
			output: (node: string) => Items,
			emulators: Record<string, AnyEmulator>,
			before: Snapshot,
		) => string | undefined;
	}
> = {
	exNuvemToVfUc001: {
		snapshot: (emulators) => ({
			voucherifyCustomers: emulators.voucherify.customers.size,
			voucherifyCreates: emulators.voucherify.sideEffects('create'),
			ultracartCustomers: emulators.ultracart.customers.size,
			ultracartInserts: emulators.ultracart.sideEffects('insert'),
		}),
		check: (output, emulators, before) => {
			const fromShop = output('New Nuvemshop Customers');
			for (const node of ['Upsert Into Voucherify', 'Upsert Into UltraCart']) {
				const actions = output(node).map((item) => item.action);
				if (actions.length !== fromShop.length)
					return `${node}: ${fromShop.length} customers in, ${actions.length} out on the second run`;
				if (!actions.every((action) => action === 'updated' || action === 'unchanged'))
					return `${node}: the second run must update or leave each customer, it reported ${JSON.stringify(actions)}`;
			}
			const after = REPEAT_CHECKS.exNuvemToVfUc001.snapshot(emulators);
			const grown = Object.keys(before).filter((key) => after[key] !== before[key]);
			if (grown.length)
				return `the second run created customers again: ${grown.map((k) => `${k} ${before[k]} → ${after[k]}`).join(', ')}`;
			const twice = (values: unknown[]) =>
				values.filter((v, i) => v !== null && values.indexOf(v) !== i);
			const sourceIds = [...emulators.voucherify.customers.values()].map(
				(c: { source_id: string | null }) => c.source_id,
			);
			const emails = [...emulators.ultracart.customers.values()].map((c: { email: string }) =>
				c.email.toLowerCase(),
			);
			const duplicates = [...twice(sourceIds), ...twice(emails)];
			return duplicates.length
				? `customers held twice by the emulators: ${JSON.stringify(duplicates)}`
				: undefined;
		},
	},
};

export function exampleWorkflows(): Workflow[] {
	const dir = path.join(REPO_ROOT, 'examples');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Workflow);
}

/** Runs each example inside n8n, on the fresh demo data (before the operation cases change it), and checks it. */
export async function runExamples(
	examples: Workflow[],
	runner: WorkflowRunner,
	stack: Stack,
): Promise<void> {
	const emulators = Object.fromEntries(stack.running.map((r) => [r.provider.key, r.emulator]));
	for (const example of examples) {
		// a chat-triggered example (the AI Agent one) answers chat messages, not `n8n execute`: agents.ts checks it
		if (example.nodes.some((n) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger')) continue;
		await check(`example: ${example.name}`, async () => {
			const { runData, problem } = await runner.execute(example.id);
			if (problem) return problem;
			fs.writeFileSync(
				path.join(ARTIFACTS, 'outputs', `${example.id}.json`),
				JSON.stringify({ name: example.name, runData }, null, 2),
			);
			const expectation = EXAMPLE_CHECKS[example.id];
			if (!expectation) return `scripts/e2e/examples.ts has no check for ${example.id}`;
			return expectation((node) => itemsOf(runData!, node), emulators, runData!);
		});
		const repeat = REPEAT_CHECKS[example.id];
		if (!repeat) continue;
		await check(`example: ${example.name}, run again: nobody created twice`, async () => {
			const before = repeat.snapshot(emulators);
			const { runData, problem } = await runner.execute(example.id);
			if (problem) return problem;
			fs.writeFileSync(
				path.join(ARTIFACTS, 'outputs', `${example.id}-again.json`),
				JSON.stringify({ name: example.name, runData }, null, 2),
			);
			return repeat.check((node) => itemsOf(runData!, node), emulators, before);
		});
	}
}
