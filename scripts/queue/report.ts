/** The queue-mode run's checks: each passes or fails with a reason; the summary exits non-zero on any failure. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ARTIFACTS } from '../e2e/settings';

const results: Array<{ name: string; ok: boolean; detail?: string }> = [];
const t0 = Date.now();

export const log = (s: string) =>
	console.log(`[queue ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${s}`);

export function record(name: string, ok: boolean, detail?: string): void {
	results.push({ name, ok, detail });
	console.log(
		`  ${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `\n       ${(detail ?? '').split('\n').join('\n       ')}`}`,
	);
}

export async function check(
	name: string,
	fn: () => Promise<string | undefined | void>,
): Promise<void> {
	try {
		const problem = await fn();
		record(name, !problem, problem || undefined);
	} catch (error) {
		record(name, false, (error as Error).stack ?? String(error));
	}
}

export function failures(): number {
	return results.filter((r) => !r.ok).length;
}

/** Writes test-artifacts/queue-results.json and prints `N passed, M failed`. */
export function summary(extra: Record<string, unknown> = {}): number {
	const failed = results.filter((r) => !r.ok);
	const seconds = Math.round((Date.now() - t0) / 1000);
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(
		path.join(ARTIFACTS, 'queue-results.json'),
		JSON.stringify({ seconds, results, ...extra }, null, 2),
	);
	if (failed.length) {
		console.log('\nFailures:');
		for (const f of failed) console.log(`  - ${f.name}: ${(f.detail ?? '').split('\n')[0]}`);
	}
	console.log(
		`\nqueue mode: ${results.length - failed.length} passed, ${failed.length} failed (${seconds} s)`,
	);
	return failed.length || !results.length ? 1 : 0;
}
