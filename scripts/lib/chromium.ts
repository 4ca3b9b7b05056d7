/** Debian's chromium for playwright-core (`npx playwright install` cannot download browsers here). */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
];

/** How long each apt-get step may take before it is stopped (env CHROMIUM_APT_TIMEOUT_S, seconds). */
const APT_TIMEOUT_MS = Number(process.env.CHROMIUM_APT_TIMEOUT_S ?? 600) * 1000;

/** Runs apt-get without blocking the event loop (the emulators in this process keep answering). */
function aptGet(args: string[], timeoutMs: number): Promise<{ ok: boolean; why?: string }> {
	return new Promise((resolve) => {
		const child = spawn('apt-get', args, {
			stdio: ['ignore', 'ignore', 'pipe'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			detached: true,
		});
		let stderr = '';
		child.stderr!.on('data', (d: Buffer) => {
			stderr += d.toString();
			if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			// apt-get runs dpkg and its helpers: stop the whole group it leads.
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				child.kill('SIGTERM');
			}
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			resolve({ ok: false, why: error.message });
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (timedOut)
				return resolve({
					ok: false,
					why: `stopped after ${timeoutMs / 1000} s (CHROMIUM_APT_TIMEOUT_S)`,
				});
			if (code === 0) return resolve({ ok: true });
			resolve({
				ok: false,
				why: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
			});
		});
	});
}

/**
 * The browser's path; installs Debian's package when it is missing and we run as root. Asynchronous (apt-get
 * runs in the background with a timeout), so it can start early and overlap other work.
 */
export async function ensureChromium(log: (s: string) => void): Promise<string | undefined> {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		log(
			`${CHROMIUM} is missing and this is not root: install it with "sudo apt-get install -y chromium"`,
		);
		return undefined;
	}
	log('installing Debian chromium in the background (apt-get; once)...');
	const started = Date.now();
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const res = await aptGet(args, APT_TIMEOUT_MS);
		if (!res.ok) {
			log(`apt-get ${args.join(' ')} failed: ${res.why}`);
			return undefined;
		}
	}
	if (!fs.existsSync(CHROMIUM)) {
		log(`apt-get installed chromium, but ${CHROMIUM} is not there (CHROMIUM_PATH?)`);
		return undefined;
	}
	log(`chromium installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return CHROMIUM;
}
