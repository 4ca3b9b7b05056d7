/** n8n's own credential test (REST, as the editor's Test button) for every credential that has one, with right and wrong keys. */
import type { RestSession } from '../lib/n8n';
import type { DemoCredential } from '../lib/providers';
import type { RunningProvider } from '../lib/stack';
import { check, log } from './report';

/** The credential with its wrong keys, stored as a user would save it (imported next to the right one). */
export const wrongTwin = (c: DemoCredential) => ({
	id: `${c.id.slice(0, 13)}Bad`,
	name: `${c.name} — wrong keys`,
	type: c.type,
	data: { ...c.data, ...c.wrong },
});

export async function checkCredentialTestButtons(
	session: RestSession,
	running: RunningProvider[],
): Promise<void> {
	for (const rp of running) {
		for (const cred of rp.credentials) {
			if (!cred.wrong) continue; // OAuth2 types have no Test request; their tokens are exercised by the runs above
			for (const variant of ['right', 'wrong'] as const) {
				await check(`credential test (${variant} keys): ${cred.name}`, async () => {
					const stored =
						variant === 'right'
							? { id: cred.id, name: cred.name, type: cred.type, data: cred.data }
							: wrongTwin(cred);
					const res = await session.request('POST', '/credentials/test', { credentials: stored });
					const body = res.json?.data ?? res.json;
					if (res.status !== 200)
						return `HTTP ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`;
					if (variant === 'right')
						return body.status === 'OK' ? undefined : `expected OK, got ${JSON.stringify(body)}`;
					if (body.status !== 'Error')
						return `expected an error with wrong keys, got ${JSON.stringify(body)}`;
					const message = String(body.message ?? '');
					if (
						message.trim().length < 20 ||
						/^(unauthorized|forbidden|bad request|not found)$/i.test(message.trim())
					)
						return `the failure message does not say what to fix: ${JSON.stringify(message)}`;
					for (const secret of Object.values(cred.wrong!))
						if (message.includes(String(secret)))
							return `the failure message shows the secret: ${message}`;
					log(`    wrong-key message: ${message.slice(0, 160)}`);
					return undefined;
				});
			}
		}
	}
}
