/**
 * `npm start` (after `npm run build`): a real n8n 2.41.1 with this package installed as a community package,
 * the five vendor emulators on fixed loopback ports with demo data, a scripted chat model (OpenAI's API) for the
 * AI Agent example, demo credentials pointing at them and the example workflows of `examples/`. Ctrl-C stops
 * everything it started.
 *
 * Everything lives in `.n8n-runtime/` (git-ignored): the runtime is installed once, n8n's own data in
 * `.n8n-runtime/home` survives restarts (your workflows stay), and imports run only when what they import changed.
 *
 * Env: N8N_START_PORT (default 5678), N8N_START_EMULATOR_BASE_PORT (default 5700).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	cliOrThrow,
	ensurePortsFree,
	installPackage,
	instancePorts,
	packPackage,
	startServer,
	url,
	waitHealthy,
	type Instance,
} from './lib/n8n';
import {
	CHAT_MODEL_API_KEY,
	CHAT_MODEL_PORT_OFFSET,
	chatModelCredential,
	DEMO_SCRIPTS,
	demoFallback,
} from './lib/agent-workflows';
import { ChatModelEmulator } from './lib/chat-model-emulator';
import { ensureRuntime, REPO_ROOT, RUNTIME_DIR } from './lib/runtime';
import { credentialsImport, startEmulators } from './lib/stack';

const PORT = Number(process.env.N8N_START_PORT ?? 5678);
const EMULATOR_BASE = Number(process.env.N8N_START_EMULATOR_BASE_PORT ?? 5700);
const EXAMPLES = path.join(REPO_ROOT, 'examples');
const t0 = Date.now();
const log = (s: string) =>
	console.log(`[start ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${s}`);

export const DEMO_OWNER = {
	email: 'demo@example.com',
	password: 'Demo-n8n-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

/** The demo instance's encryption key, made once and kept, so stored credentials stay readable. */
function encryptionKey(home: string): string {
	const file = path.join(home, 'encryption-key');
	if (!fs.existsSync(file)) {
		fs.mkdirSync(home, { recursive: true });
		fs.writeFileSync(file, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
	}
	return fs.readFileSync(file, 'utf8').trim();
}

/** Runs an n8n import unless the same content was imported before. */
async function importOnce(
	inst: Instance,
	kind: 'credentials' | 'workflow',
	content: unknown[],
	brokerPort: number,
): Promise<boolean> {
	const json = JSON.stringify(content, null, 2);
	const digest = crypto.createHash('sha256').update(json).digest('hex');
	const stamp = path.join(inst.home, `.imported-${kind}`);
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return false;
	const file = path.join(inst.home, `import-${kind}.json`);
	fs.writeFileSync(file, json, { mode: 0o600 });
	try {
		await cliOrThrow(inst, [`import:${kind}`, `--input=${file}`], brokerPort);
	} finally {
		fs.rmSync(file, { force: true });
	}
	fs.writeFileSync(stamp, digest);
	return true;
}

async function main(): Promise<void> {
	const runtime = ensureRuntime(log);
	const home = path.join(RUNTIME_DIR, 'home');
	const inst: Instance = {
		home,
		port: PORT,
		brokerPort: PORT + 1,
		encryptionKey: encryptionKey(home),
		owner: DEMO_OWNER,
		rt: runtime,
		log,
		portEnv: 'N8N_START_PORT',
	};
	try {
		// Before anything starts: a readiness check must not be answered by another n8n on our port.
		await ensurePortsFree(inst, instancePorts(inst, [PORT + 11, PORT + 12]));
	} catch (error) {
		console.error(`npm start: ${(error as Error).message}`);
		process.exit(1);
	}

	const tarball = packPackage(path.join(RUNTIME_DIR, 'pack'));
	log(
		installPackage(inst, tarball)
			? `installed ${path.basename(tarball)} as a community package`
			: 'package unchanged since the last start',
	);

	const stack = await startEmulators(
		EMULATOR_BASE,
		log,
		'set N8N_START_EMULATOR_BASE_PORT to use other ports',
	);
	const notStarted = stack.skipped.filter((s) => s.reason.startsWith('emulator did not start'));
	if (notStarted.length) {
		console.error(
			`npm start: stopping, the ${notStarted.map((s) => s.provider.title).join(', ')} emulator${notStarted.length > 1 ? 's' : ''} did not start (see above)`,
		);
		await stack.stop();
		process.exit(1);
	}
	// The chat model of the AI Agent example: a scripted stand-in for OpenAI on loopback (no real model, no key).
	const chatModel = new ChatModelEmulator({
		apiKey: CHAT_MODEL_API_KEY,
		scripts: DEMO_SCRIPTS,
		fallback: demoFallback,
	});
	try {
		await chatModel.start(EMULATOR_BASE + CHAT_MODEL_PORT_OFFSET);
	} catch (error) {
		console.error(
			`npm start: stopping, the chat model emulator could not listen on ${EMULATOR_BASE + CHAT_MODEL_PORT_OFFSET}: ${(error as Error).message} (set N8N_START_EMULATOR_BASE_PORT to use other ports)`,
		);
		await stack.stop();
		process.exit(1);
	}
	let stopping = false;
	let server: ReturnType<typeof startServer> | undefined;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the emulators…');
		await server?.stop();
		await stack.stop();
		await chatModel.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const { id, name, type, data } = chatModelCredential(chatModel.baseUrl);
		const credentials = [...credentialsImport(stack), { id, name, type, data }];
		const workflows = fs
			.readdirSync(EXAMPLES)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map(
				(f) =>
					JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')) as Record<string, unknown>,
			);
		if (await importOnce(inst, 'credentials', credentials, PORT + 11))
			log(`imported ${credentials.length} demo credentials`);
		if (await importOnce(inst, 'workflow', workflows, PORT + 12))
			log(`imported ${workflows.length} example workflows`);

		server = startServer(inst, { logFile: path.join(RUNTIME_DIR, 'n8n.log') });
		await waitHealthy(inst, server);
	} catch (error) {
		console.error((error as Error).message);
		await stop(1);
		return;
	}

	const emulators = stack.running
		.map((r) => `  ${r.provider.title.padEnd(24)} ${r.emulator.baseUrl}`)
		.join('\n');
	console.log(`
n8n is ready (${((Date.now() - t0) / 1000).toFixed(1)} s): ${url(inst)}
  log in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}

Emulators (demo data; nothing goes to a real vendor):
${emulators}
  ${'Chat model (OpenAI API)'.padEnd(24)} ${chatModel.baseUrl} (scripted, for the AI Agent example)

Try first:
  1. Workflows → "New Nuvemshop customers → Voucherify and the UltraCart newsletter" → Execute workflow.
  2. Open any of the ${stack.running.length} nodes' demo credentials and press Test.
  3. Add a node, search "UltraCart", "Voucherify", "Nuvemshop", "Amazon": every operation runs against the emulators.
  4. AI Agent: open "Ask about a customer…", press "Open chat" and ask
     "What do we know about ana.souza@example.com.br?": the agent asks the shop and the loyalty program (our nodes as tools).
To use a real shop, create a credential with your own keys; demo credentials only reach 127.0.0.1.
n8n's log: ${path.relative(REPO_ROOT, path.join(RUNTIME_DIR, 'n8n.log'))}. Ctrl-C stops everything.
`);
	server.child.once('exit', (code) => {
		if (!stopping) {
			console.error(`n8n exited (code ${code}); see ${path.join(RUNTIME_DIR, 'n8n.log')}`);
			void stop(1);
		}
	});
}

void main();
