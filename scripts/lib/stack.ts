/** Starts the emulators of every provider that exists, on fixed loopback ports, with demo data. */
import { describeLatency, parseLatency, type Latency } from '../../test/emulators/kit';
import {
	discoverProviders,
	loadEmulatorModule,
	type AnyEmulator,
	type DemoCredential,
	type Provider,
} from './providers';

export interface RunningProvider {
	provider: Provider;
	mod: Record<string, unknown>;
	emulator: AnyEmulator;
	port: number;
	credentials: DemoCredential[];
}

export interface Stack {
	running: RunningProvider[];
	/** The time every emulator takes to answer (none by default; EMULATOR_LATENCY_MS=150:50 for 150 ms ± 50 ms). */
	latency?: Latency;
	skipped: Array<{ provider: Provider; reason: string }>;
	stop: () => Promise<void>;
}

/** The latency the environment asks for: EMULATOR_LATENCY_MS=`<mean>` or `<mean>:<jitter>` (ms). */
export function latencyFromEnv(): Latency | undefined {
	return parseLatency(process.env.EMULATOR_LATENCY_MS);
}

/** Applies a latency to an emulator and the servers beside it (SP-API's Login with Amazon and S3). */
export function applyLatency(emulator: AnyEmulator, latency: Latency | undefined): void {
	for (const server of [emulator, emulator.lwa, emulator.s3]) server?.setLatency?.(latency);
}

/**
 * `basePort + provider.offset` is the emulator's port (Amazon SP-API also takes the next two for Login with
 * Amazon and S3). Emulators listen on 127.0.0.1 only. Every emulator answers after `options.latency` (default: what
 * EMULATOR_LATENCY_MS says, else at once).
 */
export async function startEmulators(
	basePort: number,
	log: (s: string) => void,
	portHint?: string,
	options: { latency?: Latency } = {},
): Promise<Stack> {
	const latency = 'latency' in options ? options.latency : latencyFromEnv();
	if (latency) log(`emulators answer after ${describeLatency(latency)}`);
	const running: RunningProvider[] = [];
	const skipped: Stack['skipped'] = [];
	for (const { provider, missing } of discoverProviders()) {
		if (missing) {
			skipped.push({ provider, reason: `not there yet: ${missing}` });
			continue;
		}
		try {
			const { mod, create } = loadEmulatorModule(provider);
			const emulator = create();
			const port = basePort + provider.offset;
			try {
				// Start first: the kit's reset() (which seeding may call) keeps only the hooks present at start.
				await emulator.start(port);
			} catch (error) {
				// SP-API starts LWA and S3 first: do not leave those listening.
				await Promise.resolve(emulator.stop()).catch(() => undefined);
				const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
				throw new Error(
					`${(error as Error).message}${busy && portHint ? ` (ports ${basePort + provider.offset}${provider.extraPorts ? `-${basePort + provider.offset + provider.extraPorts}` : ''}; ${portHint})` : ''}`,
				);
			}
			emulator.seedDemoData();
			applyLatency(emulator, latency);
			running.push({
				provider,
				mod,
				emulator,
				port,
				credentials: provider.credentials(mod, emulator),
			});
		} catch (error) {
			skipped.push({ provider, reason: `emulator did not start: ${(error as Error).message}` });
		}
	}
	for (const s of skipped) log(`SKIPPED ${s.provider.title}: ${s.reason}`);
	return {
		running,
		latency,
		skipped,
		stop: async () => {
			for (const r of running) {
				try {
					await r.emulator.stop();
					if (r.emulator.lwa) await r.emulator.lwa.stop();
					if (r.emulator.s3) await r.emulator.s3.stop();
				} catch {
					// already stopped
				}
			}
		},
	};
}

/** The credentials as `n8n import:credentials` takes them (plain `data`, encrypted on import). */
export function credentialsImport(
	stack: Stack,
	mutate?: (c: DemoCredential) => Record<string, unknown>,
): Array<Record<string, unknown>> {
	return stack.running.flatMap((r) =>
		r.credentials.map((c) => ({
			id: c.id,
			name: c.name,
			type: c.type,
			data: mutate ? mutate(c) : c.data,
		})),
	);
}
