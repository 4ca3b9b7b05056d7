/** n8n must stay on loopback: every output of n8n is searched for reaches to other hosts, and the run fails on any. */
import * as fs from 'node:fs';

import { outboundAttempts, type Server } from '../lib/n8n';
import { check } from './report';
import { OUTBOUND_LOG, SERVER_LOG } from './settings';

/** Lines of n8n's output that show it reached for a non-loopback host, by where they were seen. */
const outbound = new Map<string, Set<string>>();

export function noteOutbound(source: string, text: string): void {
	const found = outboundAttempts(text);
	if (!found.length) return;
	const set = outbound.get(source) ?? new Set<string>();
	for (const f of found) set.add(f);
	outbound.set(source, set);
}

/** After the server stopped: no look-ups or connections of n8n's cloud services or of anything else. */
export async function checkStayedOnLoopback(server: Server): Promise<void> {
	await check(
		'n8n contacted no host but loopback (server log, CLI output, connection guard)',
		async () => {
			noteOutbound(
				'n8n server log (test-artifacts/n8n-server.log)',
				server.output() + (fs.existsSync(SERVER_LOG) ? fs.readFileSync(SERVER_LOG, 'utf8') : ''),
			);
			if (fs.existsSync(OUTBOUND_LOG))
				noteOutbound(
					'connection guard (test-artifacts/n8n-outbound.log)',
					fs.readFileSync(OUTBOUND_LOG, 'utf8'),
				);
			if (!outbound.size) return undefined;
			return [...outbound]
				.map(
					([source, lines]) => `${source}:\n         ${[...lines].slice(0, 8).join('\n         ')}`,
				)
				.join('\n       ');
		},
	);
}
