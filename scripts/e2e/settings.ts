/** The e2e run's options (from the environment, see run.ts) and where it writes its artifacts. */
import * as path from 'node:path';

import { REPO_ROOT } from '../lib/runtime';

export const PORT = Number(process.env.E2E_N8N_PORT ?? 5778);
export const EMULATOR_BASE = Number(process.env.E2E_EMULATOR_BASE_PORT ?? 5800);
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
export const CASE_FILTER = process.env.E2E_CASE ?? '';
export const ONLY = (process.env.E2E_ONLY ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
export const SKIP_BROWSER = process.env.E2E_SKIP_BROWSER === '1';
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';
/** Every connection an n8n process opened to a non-loopback host (scripts/lib/net-guard.cjs writes it). */
export const OUTBOUND_LOG = path.join(ARTIFACTS, 'n8n-outbound.log');
export const SERVER_LOG = path.join(ARTIFACTS, 'n8n-server.log');
