/**
 * No credential secret (nor an access token n8n obtained) appears in n8n's database or the other files it keeps,
 * and the search provably reaches the stored execution data: a value only a vendor's answer carried is found.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { databaseFile, n8nDir, type Instance } from '../lib/n8n';
import { valueAt } from '../lib/providers';
import type { Runtime } from '../lib/runtime';
import type { RunningProvider } from '../lib/stack';
import { check, log } from './report';
import { ONLY } from './settings';

export interface VendorMarker {
	value: string;
	/** False when the Voucherify demo customer that carries it is not running (a narrowed run). */
	planted: boolean;
}

/**
 * A value only a vendor's answer carries (no workflow, credential or parameter holds it): when the database
 * search finds it, the search reaches the stored execution data.
 */
export function plantVendorMarker(running: RunningProvider[]): VendorMarker {
	const value = `vendor-only-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
	const markerCustomer = running.find((r) => r.provider.key === 'voucherify')?.emulator;
	const ada = markerCustomer
		? (
				[...markerCustomer.customers.values()] as Array<{
					email: string | null;
					metadata: Record<string, unknown>;
				}>
			).find((c) => c.email === 'ada@example.com')
		: undefined;
	if (ada) ada.metadata = { ...ada.metadata, e2e_vendor_marker: value };
	return { value, planted: Boolean(ada) };
}

/** Counts of n8n's execution_data table, read with its own sqlite3 under Node 24 (after the server stopped). */
function executionDataStats(
	rt: Runtime,
	dbFile: string,
	marker: string,
): Promise<{ rows: number; withMarker: number }> {
	const script = `
const sqlite3 = require(process.argv[1]);
const db = new sqlite3.Database(process.argv[2], sqlite3.OPEN_READONLY, (e) => { if (e) { console.error(e.message); process.exit(2); } });
db.get('SELECT COUNT(*) AS rows, COALESCE(SUM(instr(data, ?) > 0), 0) AS withMarker FROM execution_data', [process.argv[3]], (e, row) => {
	if (e) { console.error(e.message); process.exit(3); }
	process.stdout.write(JSON.stringify(row));
	db.close();
});`;
	return new Promise((resolve, reject) => {
		const child = spawn(
			rt.nodeBin,
			['-e', script, path.join(rt.nodeModules, 'sqlite3'), dbFile, marker],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code !== 0)
				return reject(new Error(`reading execution_data failed (exit ${code}): ${err.trim()}`));
			resolve(JSON.parse(out) as { rows: number; withMarker: number });
		});
	});
}

/** After the server stopped; `executed` is how many workflows ran with n8n execute. */
export async function checkNoSecretsStored(
	inst: Instance,
	running: RunningProvider[],
	marker: VendorMarker,
	executed: number,
): Promise<void> {
	await check("no credential secret appears in n8n's database", async () => {
		const files = [databaseFile(inst), `${databaseFile(inst)}-wal`].filter((f) => fs.existsSync(f));
		if (!files.length) return 'no database file found';
		// Besides the database: binary data (storage/) and the event log n8n keeps next to it.
		const walk = (dir: string): string[] =>
			fs.existsSync(dir)
				? fs
						.readdirSync(dir, { withFileTypes: true })
						.flatMap((e) =>
							e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
						)
				: [];
		const others = [
			...walk(path.join(n8nDir(inst), 'storage')),
			...fs
				.readdirSync(n8nDir(inst))
				.filter((f) => /^n8nEventLog.*\.log$/.test(f))
				.map((f) => path.join(n8nDir(inst), f)),
		];
		const bytes = Buffer.concat([...files, ...others].map((f) => fs.readFileSync(f)));
		// The search must be able to find things: the runs' execution data is stored, and a value that only a
		// vendor's answer carried (never a workflow parameter) is in it, in the bytes searched.
		const stats = await executionDataStats(inst.rt, databaseFile(inst), marker.value);
		if (!executed || stats.rows < executed)
			return `execution_data holds ${stats.rows} rows after ${executed} runs with n8n execute: the search would prove nothing`;
		if (marker.planted) {
			if (!stats.withMarker)
				return `no stored execution data holds the vendor-only marker ${marker.value}: the search would prove nothing`;
			if (!bytes.includes(Buffer.from(marker.value)))
				return 'the vendor-only marker is in execution_data but not in the bytes searched: the search misses stored data';
		} else if (!ONLY.length)
			return 'the Voucherify demo customer that carries the vendor-only marker is missing: the search would prove nothing';
		const secrets = new Set<string>();
		for (const rp of running)
			for (const cred of rp.credentials) {
				for (const f of cred.secretFields) secrets.add(String(valueAt(cred.data, f) ?? ''));
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
			for (const form of new Set([s, encodeURIComponent(s), Buffer.from(s).toString('base64')]))
				if (bytes.includes(Buffer.from(form)))
					found.push(
						`${s.slice(0, 4)}… (${form === s ? 'plain' : form === encodeURIComponent(s) ? 'URL-encoded' : 'base64'})`,
					);
		}
		log(
			`    searched ${(bytes.length / 1e6).toFixed(1)} MB (database and ${others.length} other files; ${stats.rows} execution_data rows, ${stats.withMarker} with the vendor-only marker) for ${secrets.size} secrets`,
		);
		return found.length ? `secrets found in the database: ${found.join(', ')}` : undefined;
	});
}
