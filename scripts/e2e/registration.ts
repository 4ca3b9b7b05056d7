/** The server starts with our package installed, the owner logs in, and every node and credential type of the package is registered. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { RestSession, url, waitHealthy, type Instance, type Server } from '../lib/n8n';
import { PACKAGE_NAME } from '../lib/providers';
import { REPO_ROOT } from '../lib/runtime';
import { check, log } from './report';

export interface RunningServer {
	session: RestSession;
	/** False when n8n did not become healthy: the checks that need the REST API are left out (that failure is recorded). */
	up: boolean;
	/** When it became healthy (the triggers' first polls count from here). */
	readyAt: number;
}

export async function checkServerAndRegistration(
	inst: Instance,
	server: Server,
): Promise<RunningServer> {
	let up = false;
	let readyAt = 0;
	await check('n8n starts with the package installed', async () => {
		const started = Date.now();
		await waitHealthy(inst, server);
		up = true;
		readyAt = Date.now();
		log(`n8n ready at ${url(inst)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	});
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const session = new RestSession(inst);
	if (up) {
		await check('the owner from the environment can log in', async () => session.login());
		await check('every node type of the package is registered', async () => {
			const types = (await session.getJson('/types/nodes.json')) as Array<{
				name: string;
				version: number | number[];
			}>;
			const names = new Set(types.map((t) => t.name));
			const expected = (pkg.n8n.nodes as string[]).map((f) => {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const mod = require(path.join(REPO_ROOT, f)) as Record<
					string,
					new () => { description: { name: string } }
				>;
				return `${PACKAGE_NAME}.${new mod[path.basename(f, '.node.js')]().description.name}`;
			});
			const missing = expected.filter((n) => !names.has(n));
			return missing.length ? `not registered: ${missing.join(', ')}` : undefined;
		});
		await check(
			'every action node of the package has its AI Agent tool variant (<type>Tool)',
			async () => {
				const types = (await session.getJson('/types/nodes.json')) as Array<{
					name: string;
					outputs?: unknown;
				}>;
				const byName = new Map(types.map((t) => [t.name, t]));
				const expected = (pkg.n8n.nodes as string[])
					.map((f) => {
						// eslint-disable-next-line @typescript-eslint/no-require-imports
						const mod = require(path.join(REPO_ROOT, f)) as Record<
							string,
							new () => { description: { name: string; usableAsTool?: unknown } }
						>;
						return new mod[path.basename(f, '.node.js')]().description;
					})
					.filter((d) => d.usableAsTool)
					.map((d) => `${PACKAGE_NAME}.${d.name}Tool`);
				if (expected.length < 5)
					return `only ${expected.length} node(s) say usableAsTool: ${expected.join(', ')}`;
				const problems = expected.flatMap((name) => {
					const type = byName.get(name);
					if (!type) return [`not registered: ${name}`];
					return JSON.stringify(type.outputs) === JSON.stringify(['ai_tool'])
						? []
						: [`${name} outputs ${JSON.stringify(type.outputs)}, not an ai_tool connection`];
				});
				if (!problems.length) log(`tool variants: ${expected.join(', ')}`);
				return problems.length ? problems.join('; ') : undefined;
			},
		);
		await check('every credential type of the package is registered', async () => {
			const types = (await session.getJson('/types/credentials.json')) as Array<{ name: string }>;
			const names = new Set(types.map((t) => t.name));
			const expected = (pkg.n8n.credentials as string[])
				.filter((f) => fs.existsSync(path.join(REPO_ROOT, f)))
				.map((f) => {
					// eslint-disable-next-line @typescript-eslint/no-require-imports
					const mod = require(path.join(REPO_ROOT, f)) as Record<
						string,
						new () => { name: string }
					>;
					return new (Object.values(mod).find(
						(v) => typeof v === 'function' && /Api$/.test(v.name),
					) as new () => { name: string })().name;
				});
			const missing = expected.filter((n) => !names.has(n));
			return missing.length ? `not registered: ${missing.join(', ')}` : undefined;
		});
	}
	return { session, up, readyAt };
}
