/** The run's results: every check passes or fails with a reason, a skip counts as a failure, and the summary. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ARTIFACTS } from './settings';

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

export const log = (s: string) =>
	console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${s}`);

export function record(name: string, ok: boolean, detail: string | undefined, ms: number): void {
	results.push({ name, ok, detail, ms });
	console.log(
		`  ${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `\n       ${(detail ?? '').split('\n').join('\n       ')}`}`,
	);
}

/** Runs one named check: it passes unless it returns (or throws) what is wrong. */
export async function check(
	name: string,
	fn: () => Promise<string | undefined | void>,
): Promise<void> {
	const started = Date.now();
	try {
		const problem = await fn();
		record(name, !problem, problem || undefined, Date.now() - started);
	} catch (error) {
		record(name, false, (error as Error).stack ?? String(error), Date.now() - started);
	}
}

/** A case or provider that could not run: reported, and counted as a failure (a full run skips nothing). */
export function skip(name: string, why: string): void {
	skipped.push(`${name}: ${why}`);
	record(`${name} (skipped)`, false, `skipped: ${why}`, 0);
}

/** Writes test-artifacts/e2e-results.json, prints the failures and `N passed, M failed`, and exits 1 on any failure. */
export function summary(): never {
	const failed = results.filter((r) => !r.ok);
	const seconds = ((Date.now() - t0) / 1000).toFixed(0);
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(
		path.join(ARTIFACTS, 'e2e-results.json'),
		JSON.stringify({ seconds: Number(seconds), results, skipped }, null, 2),
	);
	if (failed.length) {
		console.log('\nFailures:');
		for (const f of failed) console.log(`  - ${f.name}: ${(f.detail ?? '').split('\n')[0]}`);
	}
	if (skipped.length) {
		console.log('\nSkipped (each counted as a failure):');
		for (const s of skipped) console.log(`  - ${s}`);
	}
	console.log(
		`\ne2e: ${results.length - failed.length} passed, ${failed.length} failed (${seconds} s)`,
	);
	console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
	process.exit(failed.length || !results.length ? 1 : 0);
}
