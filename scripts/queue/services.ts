/**
 * Real Redis and PostgreSQL for n8n's queue mode, from Debian's packages (installed with apt-get when missing),
 * each in a temporary folder, listening on 127.0.0.1 only, and stopped at the end (also on failure: see stopAll).
 * PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user the package creates.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const IS_ROOT = process.getuid?.() === 0;

function which(binary: string): string | undefined {
	const res = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
	return res.status === 0 ? res.stdout.trim() : undefined;
}

/** The newest PostgreSQL server's bin folder of Debian's layout (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/** Installs Debian's redis-server and postgresql unless both are there already. */
export function ensureServicePackages(log: (s: string) => void): void {
	const missing = [
		!which('redis-server') && 'redis-server',
		!postgresBinDir() && 'postgresql',
	].filter(Boolean) as string[];
	if (!missing.length) {
		log('redis-server and postgresql: already installed');
		return;
	}
	if (!IS_ROOT)
		throw new Error(
			`${missing.join(' and ')} missing: install ${missing.length > 1 ? 'them' : 'it'} (apt-get install ${missing.join(' ')}) or run as root`,
		);
	log(`installing ${missing.join(', ')} with apt-get (once)...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const res = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
		if (res.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${res.status})`);
	}
}

async function waitForPort(port: number, what: string, child?: ChildProcess): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect({ host: '127.0.0.1', port }, () => {
				socket.end();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what} did not listen on 127.0.0.1:${port} within 30 s`);
}

export interface Services {
	redisPort: number;
	postgresPort: number;
	database: string;
	/** The settings of every n8n process for queue mode with this Redis and this PostgreSQL. */
	n8nEnv: Record<string, string>;
	/** Runs SQL in the n8n database; returns the rows as tab-separated lines. */
	sql: (query: string) => string[];
	stop: () => void;
}

/** Runs a command as the postgres user when we are root (PostgreSQL refuses root). */
function asPostgres(cmd: string, args: string[]): ReturnType<typeof spawnSync> {
	return IS_ROOT
		? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
		: spawnSync(cmd, args, { encoding: 'utf8' });
}

/**
 * Starts Redis and PostgreSQL on these loopback ports, with an empty database `n8n`. Stop them with stop(), which
 * is also called when this process exits in any way.
 */
export async function startServices(
	redisPort: number,
	postgresPort: number,
	log: (s: string) => void,
): Promise<Services> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	const stops: Array<() => void> = [];
	const stop = () => {
		while (stops.length) {
			try {
				stops.pop()!();
			} catch {
				// keep stopping the rest
			}
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	process.once('exit', stop);
	try {
		// Redis: no persistence, loopback only, in the foreground as our child (its own process group).
		const redis = spawn(
			'redis-server',
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
			],
			{ stdio: ['ignore', 'ignore', 'pipe'], detached: true },
		);
		stops.push(() => {
			if (redis.pid && redis.exitCode === null) process.kill(-redis.pid, 'SIGKILL');
		});
		await waitForPort(redisPort, 'redis-server', redis);
		log(`Redis on 127.0.0.1:${redisPort}`);

		const bin = postgresBinDir();
		if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
		const data = path.join(dir, 'pgdata');
		const sockets = path.join(dir, 'pgsock');
		fs.mkdirSync(sockets);
		if (IS_ROOT) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
		const init = asPostgres(path.join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			'postgres',
			'-A',
			'trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		if (init.status !== 0) throw new Error(`initdb failed:\n${String(init.stderr)}`);
		const pgLog = path.join(dir, 'postgres.log');
		const ctl = (args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, ...args]);
		const started = ctl([
			'-l',
			pgLog,
			'-w',
			'-o',
			`-p ${postgresPort} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
			'start',
		]);
		stops.push(() => {
			ctl(['-m', 'immediate', '-w', 'stop']);
		});
		if (started.status !== 0)
			throw new Error(
				`pg_ctl start failed:\n${String(started.stderr)}${fs.existsSync(pgLog) ? fs.readFileSync(pgLog, 'utf8').slice(-2000) : ''}`,
			);
		const psql = (db: string, query: string) =>
			spawnSync(
				which('psql') ?? path.join(bin, 'psql'),
				['-h', '127.0.0.1', '-p', String(postgresPort), '-U', 'postgres', '-d', db, '-Atc', query],
				{ encoding: 'utf8' },
			);
		const created = psql('postgres', 'CREATE DATABASE n8n');
		if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
		log(
			`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${postgresPort}, database n8n`,
		);
		return {
			redisPort,
			postgresPort,
			database: 'n8n',
			n8nEnv: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgresPort),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			},
			sql: (query) => {
				const res = psql('n8n', query);
				if (res.status !== 0) throw new Error(`psql: ${res.stderr}`);
				return res.stdout.split('\n').filter(Boolean);
			},
			stop,
		};
	} catch (error) {
		stop();
		throw error;
	}
}
