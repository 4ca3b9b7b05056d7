/** Debian's chromium for playwright-core (`npx playwright install` cannot download browsers here). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** The browser's path; installs Debian's package when it is missing and we run as root. */
export function ensureChromium(log: (s: string) => void): string | undefined {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		log(`${CHROMIUM} is missing and this is not root: install it with "sudo apt-get install -y chromium"`);
		return undefined;
	}
	log('installing Debian chromium (apt-get; once)...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const res = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
		if (res.status !== 0) {
			log(`apt-get ${args.join(' ')} failed`);
			return undefined;
		}
	}
	return fs.existsSync(CHROMIUM) ? CHROMIUM : undefined;
}
