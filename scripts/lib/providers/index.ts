/**
 * The five providers as `npm start` and the e2e tests see them: where their node, credentials and emulator
 * live, the fixed loopback ports, the demo credentials that point at the emulators, and one e2e case per
 * node operation (one file per provider). Providers whose node, credential or emulator is not there yet are
 * skipped (and reported).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../runtime';
import { amazonMws } from './amazon-mws';
import { amazonSellingPartner } from './amazon-selling-partner';
import { nuvemshop } from './nuvemshop';
import type { AnyEmulator, Provider } from './types';
import { ultraCart } from './ultracart';
import { voucherify } from './voucherify';

export { valueAt } from './checks';
export type {
	AnyEmulator,
	CaseInput,
	Check,
	DemoCredential,
	E2ECase,
	Items,
	Provider,
	WebhookTriggerE2E,
} from './types';

export const PACKAGE_NAME = 'n8n-nodes-commerce-customers';

/** In the order their emulators start (and their cases run). */
export const PROVIDERS: Provider[] = [
	voucherify,
	ultraCart,
	nuvemshop,
	amazonSellingPartner,
	amazonMws,
];

export interface Discovered {
	provider: Provider;
	/** Why it is skipped, when it is. */
	missing?: string;
}

/** Which providers are complete enough to run: built node, built credentials, emulator source. */
export function discoverProviders(): Discovered[] {
	return PROVIDERS.map((provider) => {
		const missing: string[] = [];
		const nodeJs = path.join(REPO_ROOT, 'dist', 'nodes', provider.node, `${provider.node}.node.js`);
		if (!fs.existsSync(nodeJs)) missing.push(`node ${path.relative(REPO_ROOT, nodeJs)}`);
		for (const c of provider.credentialFiles) {
			const f = path.join(REPO_ROOT, 'dist', 'credentials', `${c}.credentials.js`);
			if (!fs.existsSync(f)) missing.push(`credential ${path.relative(REPO_ROOT, f)}`);
		}
		const emu = path.join(REPO_ROOT, 'test', 'emulators', `${provider.emulatorFile}.ts`);
		if (!fs.existsSync(emu)) missing.push(`emulator ${path.relative(REPO_ROOT, emu)}`);
		return { provider, missing: missing.length ? missing.join(', ') : undefined };
	});
}

/** Loads an emulator module; throws with a clear message when it lacks what the script needs. */
export function loadEmulatorModule(provider: Provider): {
	mod: Record<string, unknown>;
	/** Every emulator takes an options object; the script's emulators deliver webhooks to n8n on loopback http. */
	create: () => AnyEmulator;
} {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(path.join(REPO_ROOT, 'test', 'emulators', provider.emulatorFile)) as Record<
		string,
		unknown
	>;
	const Ctor = mod[provider.emulatorClass] as
		| (new (options: { allowLoopbackHttp?: boolean }) => AnyEmulator)
		| undefined;
	if (typeof Ctor !== 'function')
		throw new Error(
			`test/emulators/${provider.emulatorFile}.ts does not export ${provider.emulatorClass}`,
		);
	if (typeof Ctor.prototype.seedDemoData !== 'function')
		throw new Error(`${provider.emulatorClass} has no seedDemoData()`);
	// A real vendor delivers only to public https URLs; n8n here listens on http://127.0.0.1.
	return { mod, create: () => new Ctor({ allowLoopbackHttp: true }) };
}
