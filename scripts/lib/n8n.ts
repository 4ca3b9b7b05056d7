/**
 * Driving a real n8n: the environment, installing our package as a community package (as n8n itself does),
 * the CLI (import, execute), the server (start, health, login) and n8n's own credential test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { PACKAGE_NAME } from './providers';
import { REPO_ROOT, type Runtime } from './runtime';

export interface Instance {
	/** N8N_USER_FOLDER; n8n keeps its files in `<home>/.n8n`. */
	home: string;
	port: number;
	brokerPort: number;
	encryptionKey: string;
	owner: { email: string; password: string; firstName: string; lastName: string };
	/** The Node 24 runtime. */
	rt: Runtime;
	log: (s: string) => void;
	/** The env var that moves this instance to other ports (named when a port is taken). */
	portEnv?: string;
	/** When set, every n8n process reports each connection to a non-loopback host into this file (net-guard.cjs). */
	netGuardLog?: string;
	/** Settings every process of this instance gets on top of the defaults (queue mode: Redis, PostgreSQL). */
	env?: Record<string, string>;
}

/** Preloaded by NODE_OPTIONS when Instance.netGuardLog is set. */
export const NET_GUARD = path.join(__dirname, 'net-guard.cjs');

export const n8nDir = (inst: Instance): string => path.join(inst.home, '.n8n');
export const databaseFile = (inst: Instance): string => path.join(n8nDir(inst), 'database.sqlite');
export const url = (inst: Instance): string => `http://127.0.0.1:${inst.port}`;

let cachedHash: { password: string; hash: string } | undefined;

/** A bcrypt hash made with n8n's own bcryptjs (N8N_INSTANCE_OWNER_PASSWORD_HASH wants a hash, not a password). */
function bcryptHash(rt: Runtime, password: string): string {
	if (cachedHash?.password === password) return cachedHash.hash;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const bcrypt = require(path.join(rt.nodeModules, 'bcryptjs')) as {
		hashSync(s: string, rounds: number): string;
	};
	cachedHash = { password, hash: bcrypt.hashSync(password, 10) };
	return cachedHash.hash;
}

/** The environment of every n8n process of an instance (server and CLI). */
export function n8nEnv(inst: Instance, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	// Keep only what a process needs from ours: no npm_* variables of the npm script that started us.
	for (const key of [
		'HOME',
		'LANG',
		'LC_ALL',
		'TZ',
		'TMPDIR',
		'SSL_CERT_FILE',
		'NODE_EXTRA_CA_CERTS',
	])
		if (process.env[key]) env[key] = process.env[key];
	return {
		...env,
		PATH: `${inst.rt.nodeBinDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
		N8N_USER_FOLDER: inst.home,
		N8N_PORT: String(inst.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: url(inst),
		N8N_RUNNERS_BROKER_PORT: String(inst.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENCRYPTION_KEY: inst.encryptionKey,
		// No calls to n8n's cloud (names as n8n 2.41.1 reads them, @n8n/config and n8n/dist/modules):
		// telemetry (telemetry.n8n.io, ph.n8n.io), version and "what's new" checks, templates, banners (api.n8n.io),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// the license server (license.n8n.io),
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_LICENSE_DETACH_FLOATING_ON_SHUTDOWN: 'false',
		// the MCP server registry's 8-hourly refresh (api.n8n.io/api/mcp-servers: the mcp-registry module),
		N8N_DISABLED_MODULES: 'mcp-registry',
		// and the catalogue of vetted community nodes (api.n8n.io/api/community-nodes); installed packages still load.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// our nodes as AI Agent tools (`<package>.<node>Tool`): n8n 1.x releases ask for this setting; 2.41.1 reads no
		// such setting and makes them for every node with usableAsTool (the e2e checks they are registered)
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: inst.owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: inst.owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: inst.owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(inst.rt, inst.owner.password),
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		N8N_LOG_LEVEL: 'warn',
		NODE_ENV: 'production',
		...(inst.netGuardLog
			? { NODE_OPTIONS: `--require "${NET_GUARD}"`, N8N_NET_GUARD_LOG: inst.netGuardLog }
			: {}),
		...inst.env,
		...extra,
	};
}

/** What in n8n's own output means it reached for the network beyond loopback (no internet here, or a guard report). */
export const OUTBOUND_PATTERN = /ENOTFOUND|EAI_AGAIN|\[net-guard\] pid \d+ connects to/;

/** The lines of a log that show n8n reaching for a non-loopback host (deduplicated, at most 20). */
export function outboundAttempts(text: string): string[] {
	const lines = text.split('\n').filter((l) => OUTBOUND_PATTERN.test(l) && !/^\s+at /.test(l));
	return [...new Set(lines.map((l) => l.trim().replace(/pid \d+ /, '')))].slice(0, 20);
}

// ---------------------------------------------------------------- our package, installed as n8n installs it

/** `npm pack` of the built package; returns the tarball path. */
export function packPackage(outDir: string): string {
	fs.mkdirSync(outDir, { recursive: true });
	const res = spawnSync(
		'npm',
		['pack', '--pack-destination', outDir, '--json', '--loglevel=error'],
		{ cwd: REPO_ROOT, encoding: 'utf8' },
	);
	if (res.status !== 0) throw new Error(`npm pack failed:\n${res.stderr}`);
	const parsed = JSON.parse(res.stdout) as Array<{ filename: string }>;
	return path.join(outDir, parsed[0].filename);
}

/**
 * Installs the tarball into `<home>/.n8n/nodes` exactly as n8n 2.41's community-package service does
 * (community-packages.service.js): unpack into node_modules/<name>, drop dev/peer/optional dependencies,
 * `npm install` its dependencies, record it in nodes/package.json. Returns false when the same tarball
 * is already installed.
 */
export function installPackage(inst: Instance, tarball: string): boolean {
	const nodesDir = path.join(n8nDir(inst), 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	const digest = crypto.createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
	const stamp = path.join(nodesDir, '.installed-tarball');
	if (
		fs.existsSync(stamp) &&
		fs.readFileSync(stamp, 'utf8') === digest &&
		fs.existsSync(path.join(target, 'package.json'))
	)
		return false;
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	const pkgFile = path.join(target, 'package.json');
	const {
		devDependencies: _d,
		peerDependencies: _p,
		optionalDependencies: _o,
		...pkg
	} = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		const res = spawnSync(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: target, stdio: 'inherit' },
		);
		if (res.status !== 0) throw new Error('npm install of the package dependencies failed');
	}
	const nodesPkgFile = path.join(nodesDir, 'package.json');
	const nodesPkg = fs.existsSync(nodesPkgFile)
		? JSON.parse(fs.readFileSync(nodesPkgFile, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesPkg.dependencies = { ...(nodesPkg.dependencies ?? {}), [PACKAGE_NAME]: pkg.version };
	fs.writeFileSync(nodesPkgFile, JSON.stringify(nodesPkg, null, 2));
	fs.writeFileSync(stamp, digest);
	return true;
}

// ---------------------------------------------------------------- CLI

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs `n8n <args>` to completion (asynchronously, so emulators in this process keep answering). */
export function cli(
	inst: Instance,
	args: string[],
	options: { brokerPort?: number; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(inst.rt.nodeBin, [inst.rt.n8nBin, ...args], {
			cwd: inst.home,
			env: n8nEnv(inst, {
				...(options.brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(options.brokerPort) } : {}),
				...(options.env ?? {}),
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
		});
	});
}

export async function cliOrThrow(
	inst: Instance,
	args: string[],
	brokerPort?: number,
): Promise<CliResult> {
	const res = await cli(inst, args, { brokerPort });
	if (res.code !== 0)
		throw new Error(
			`n8n ${args.join(' ')} failed (exit ${res.code}):\n${(res.stderr + res.stdout).slice(-3000)}`,
		);
	return res;
}

/** The IRun JSON that `n8n execute --rawOutput` prints last. */
export function parseRun(stdout: string): Record<string, unknown> | undefined {
	// n8n may log after the run's JSON (a shutdown line under load): the object ends at a closing brace in column 0
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as Record<string, unknown>;
			} catch {
				// not the end of the run JSON; keep looking
			}
		}
	}
	return undefined;
}

// ---------------------------------------------------------------- server

export interface Server {
	child: ChildProcess;
	output: () => string;
	/** True once this child logged that it listens on the instance's port. */
	listening: () => boolean;
	/** SIGKILL at once (its whole process group when started with processGroup). */
	kill: () => void;
	stop: () => Promise<void>;
}

export function startServer(
	inst: Instance,
	options: {
		logFile?: string;
		echo?: boolean;
		/** Extra environment of this process (over n8nEnv). */
		env?: Record<string, string>;
		/** The n8n command and its flags (default `start`; queue mode also runs `worker` and `webhook`). */
		command?: string[];
		/**
		 * Its own process group, stopped as a whole (with the task runners it spawned), also by SIGKILL: see kill().
		 */
		processGroup?: boolean;
	} = {},
): Server {
	const child = spawn(inst.rt.nodeBin, [inst.rt.n8nBin, ...(options.command ?? ['start'])], {
		cwd: inst.home,
		env: n8nEnv(inst, { N8N_LOG_LEVEL: 'info', ...(options.env ?? {}) }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: options.processGroup ?? false,
	});
	const signal = (sig: NodeJS.Signals) => {
		try {
			if (options.processGroup && child.pid) process.kill(-child.pid, sig);
			else child.kill(sig);
		} catch {
			// already gone
		}
	};
	let output = '';
	let listening = false;
	const readyLine = `n8n ready on 127.0.0.1, port ${inst.port}`;
	const sink = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
	const onData = (d: Buffer) => {
		output += d.toString();
		if (!listening && output.slice(-(d.length + readyLine.length + 2)).includes(readyLine))
			listening = true;
		if (output.length > 200_000) output = output.slice(-100_000);
		sink?.write(d);
		if (options.echo) process.stdout.write(d);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	return {
		child,
		output: () => output,
		listening: () => listening,
		kill: () => signal('SIGKILL'),
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) {
					// the process is gone; what it spawned in its group may not be
					if (options.processGroup) signal('SIGKILL');
					return resolve();
				}
				const kill = setTimeout(() => signal('SIGKILL'), 20_000);
				child.once('exit', () => {
					clearTimeout(kill);
					if (options.processGroup) signal('SIGKILL');
					sink?.end();
					resolve();
				});
				signal('SIGTERM');
			}),
	};
}

/** True when something already listens on (or holds) 127.0.0.1:<port>. */
export function portTaken(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', (error: NodeJS.ErrnoException) =>
			resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'),
		);
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
			probe.close(() => resolve(false)),
		);
	});
}

/**
 * Refuses to start when a port n8n needs is taken: a readiness poll would otherwise be answered by whatever
 * (another n8n, a previous `npm start`) already listens there.
 */
export async function ensurePortsFree(
	inst: Instance,
	ports: Array<{ port: number; what: string }>,
): Promise<void> {
	const taken: string[] = [];
	for (const p of ports) if (await portTaken(p.port)) taken.push(`${p.port} (${p.what})`);
	if (!taken.length) return;
	throw new Error(
		`port ${taken.join(', ')} on 127.0.0.1 ${taken.length > 1 ? 'are' : 'is'} already in use — is another n8n, \`npm start\` or e2e run still running? ` +
			`Stop it${
				inst.portEnv
					? `, or set ${inst.portEnv} to another port (this run uses ${inst.port} and ${ports
							.filter((p) => p.port !== inst.port)
							.map((p) => `+${p.port - inst.port}`)
							.join(', ')})`
					: ''
			}.`,
	);
}

/** The ports an instance's server and CLI runs use (see the brokerPort arguments of the callers). */
export function instancePorts(
	inst: Instance,
	cliBrokers: number[],
): Array<{ port: number; what: string }> {
	return [
		{ port: inst.port, what: "n8n's editor and API" },
		{ port: inst.brokerPort, what: "n8n's task broker" },
		...cliBrokers.map((port) => ({ port, what: 'task broker of an n8n CLI command' })),
	];
}

/**
 * Waits until our own child is ready: it logged that it listens on our port, and /healthz/readiness answers OK
 * (database migrated). A readiness answer alone could come from another n8n on the port.
 */
export async function waitHealthy(
	inst: Instance,
	server: Server,
	timeoutMs = 240_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const output = server.output();
		if (/n8n's port \d+ is already in use|Task Broker's port \d+ is already in use/.test(output)) {
			await server.stop();
			throw new Error(
				`n8n could not listen: ${output.match(/[^\n]*port \d+ is already in use[^\n]*/)?.[0]}${inst.portEnv ? ` Set ${inst.portEnv} to another port.` : ''}`,
			);
		}
		if (server.child.exitCode !== null || server.child.signalCode !== null)
			throw new Error(
				`n8n exited with ${server.child.exitCode ?? server.child.signalCode}:\n${output.slice(-3000)}`,
			);
		if (server.listening()) {
			try {
				const res = await fetch(`${url(inst)}/healthz/readiness`);
				if (res.ok) return;
			} catch {
				// not answering yet
			}
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(
		`n8n did not become ready within ${timeoutMs / 1000} s:\n${server.output().slice(-3000)}`,
	);
}

/** A logged-in session of the internal REST API (what the editor uses). */
export class RestSession {
	private cookie = '';
	constructor(private readonly inst: Instance) {}

	async login(): Promise<void> {
		const res = await fetch(`${url(this.inst)}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: this.inst.owner.email,
				password: this.inst.owner.password,
			}),
		});
		if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
		const setCookie = res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''];
		this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
	}

	/** GET of a path outside /rest that needs the session (the editor's /types/*.json). */
	async getJson(route: string): Promise<any> {
		const res = await fetch(`${url(this.inst)}${route}`, {
			headers: { cookie: this.cookie, 'browser-id': 'e2e-script' },
		});
		if (!res.ok) throw new Error(`GET ${route}: HTTP ${res.status}`);
		return await res.json();
	}

	/** Cookies for a browser context. */
	get cookies(): Array<{ name: string; value: string }> {
		return this.cookie
			.split('; ')
			.filter(Boolean)
			.map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1) }));
	}

	async request(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; json: any }> {
		const res = await fetch(`${url(this.inst)}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				cookie: this.cookie,
				'browser-id': 'e2e-script',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let json: any;
		try {
			json = JSON.parse(text);
		} catch {
			json = { raw: text };
		}
		return { status: res.status, json };
	}
}
