/**
 * The editor in headless Chromium: log in, open a new workflow, search the node panel for each of our nodes,
 * check it is listed with its own icon, open it and check its operations (actions), save screenshots.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CHROMIUM_ARGS } from '../lib/chromium';
import { url, type Instance } from '../lib/n8n';
import { PACKAGE_NAME } from '../lib/providers';
import type { RunningProvider } from '../lib/stack';
import { nodeDescription, triggerDescription } from '../lib/workflows';
import { check, log, record } from './report';
import { ARTIFACTS } from './settings';

interface NodeInfo {
	title: string;
	nodeClass: string;
	description: { name: string; displayName: string; properties: Array<Record<string, any>> };
	/** The provider's polling trigger, listed under the same name in the panel. */
	trigger?: { displayName: string; properties: Array<Record<string, any>> };
}

export interface BrowserOptions {
	inst: Instance;
	chromiumPath: string;
	artifacts: string;
	nodes: NodeInfo[];
	check: (name: string, fn: () => Promise<string | undefined | void>) => Promise<void>;
	log: (s: string) => void;
}

/** The action names the node creator lists for a node (each operation option's `action`). */
function actionsOf(d: NodeInfo['description']): string[] {
	const out: string[] = [];
	for (const p of d.properties)
		if (p.name === 'operation')
			for (const o of p.options ?? []) out.push(String(o.action ?? o.name));
	return out;
}

/** The trigger events the node creator lists for a trigger node ("On " + each event option's name). */
function triggerEventsOf(d: NonNullable<NodeInfo['trigger']>): string[] {
	const event = d.properties.find((p) => p.name === 'event' && p.type === 'options');
	return (event?.options ?? []).map((o: { name: string }) => `On ${o.name}`);
}

const SEARCH_BAR =
	'input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input';

/** Opens the node panel of an empty workflow through its + button (n8n 2.x: also the N key). */
async function openNodePanel(page: import('playwright-core').Page): Promise<void> {
	const plus = page
		.locator('[data-test-id="node-creator-plus-button"], [data-test-id="canvas-plus-button"]')
		.first();
	await plus.waitFor({ timeout: 60_000 });
	await plus.click();
}

export async function runBrowserChecks(o: BrowserOptions): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { chromium } = require('playwright-core') as typeof import('playwright-core');
	const shots = path.join(o.artifacts, 'screenshots');
	fs.rmSync(shots, { recursive: true, force: true });
	fs.mkdirSync(shots, { recursive: true });
	const browser = await chromium.launch({
		executablePath: o.chromiumPath,
		args: CHROMIUM_ARGS,
		headless: true,
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		const base = url(o.inst);

		await o.check('editor: the owner signs in through the login form', async () => {
			await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
			const email = page
				.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
				.first();
			await email.waitFor();
			await email.fill(o.inst.owner.email);
			await page.locator('input[type="password"]').first().fill(o.inst.owner.password);
			await page
				.locator('[data-test-id="form-submit-button"], button[type="submit"]')
				.first()
				.click();
			await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
			await page.screenshot({ path: path.join(shots, '00-after-login.png') });
		});

		for (const node of o.nodes) {
			const slug = node.nodeClass;
			await o.check(
				`editor: node panel finds ${node.description.displayName} with its icon and operations`,
				async () => {
					await page.goto(`${base}/workflow/new`, { waitUntil: 'domcontentloaded' });
					await openNodePanel(page);
					const search = page.locator(SEARCH_BAR).first();
					await search.waitFor();
					await search.fill(node.description.displayName);
					const item = page
						.locator(
							'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]',
							{ hasText: node.description.displayName },
						)
						.first();
					await item.waitFor();
					await page.screenshot({ path: path.join(shots, `${slug}-1-search.png`) });
					// Its own icon: served from our package's folder, not a generic placeholder.
					const icons = await item
						.locator('img')
						.evaluateAll((els) => els.map((e) => (e as unknown as { src: string }).src));
					const ownIcon = icons.find(
						(src) => src.includes(PACKAGE_NAME) && src.toLowerCase().endsWith('.svg'),
					);
					if (!ownIcon)
						return `the node panel shows no icon of our package for ${node.description.displayName} (img srcs: ${JSON.stringify(icons)})`;
					const iconRes = await page.request.get(ownIcon);
					if (!iconRes.ok()) return `the icon ${ownIcon} answers HTTP ${iconRes.status()}`;
					const svg = await iconRes.text();
					if (!svg.includes('<svg')) return `the icon ${ownIcon} is not an SVG`;
					// Its operations: open the node and read the listed actions.
					await item.click();
					const expected = actionsOf(node.description);
					const panel = page.locator('[data-test-id="node-creator"]').first();
					const actionsHeader = panel.getByText(/Actions \(\d+\)/).first();
					await actionsHeader.waitFor();
					// With a trigger of the same name, an empty workflow opens on its triggers and folds the actions away.
					const firstAction = panel.getByText(expected[0], { exact: false }).first();
					if (!(await firstAction.isVisible())) {
						await actionsHeader.click();
						await firstAction.waitFor();
					}
					await page.screenshot({
						path: path.join(shots, `${slug}-2-operations.png`),
						fullPage: false,
					});
					const panelText = (await panel.innerText()).toLowerCase();
					const missing = expected.filter((a) => !panelText.includes(a.toLowerCase()));
					if (missing.length)
						return `the node panel does not list these operations of ${node.description.displayName}: ${missing.slice(0, 8).join('; ')}${missing.length > 8 ? ` (+${missing.length - 8})` : ''}`;
					const events = node.trigger ? triggerEventsOf(node.trigger) : [];
					const missingEvents = events.filter((e) => !panelText.includes(e.toLowerCase()));
					if (missingEvents.length)
						return `the node panel does not list these triggers of ${node.trigger?.displayName}: ${missingEvents.join('; ')}`;
					o.log(
						`    ${node.description.displayName}: icon ${ownIcon.replace(base, '')}, ${expected.length} operations${events.length ? ` and ${events.length} trigger events` : ''} listed`,
					);
					await page.keyboard.press('Escape');
					return undefined;
				},
			);
		}

		await o.check('editor: a screenshot of the node panel listing all our nodes', async () => {
			await page.goto(`${base}/workflow/new`, { waitUntil: 'domcontentloaded' });
			await openNodePanel(page);
			const search = page.locator(SEARCH_BAR).first();
			await search.waitFor();
			// "customer" matches every node of the package (names, subtitles and codex aliases).
			await search.fill('customer');
			await page.locator('[data-test-id="node-creator-action-item"]').first().waitFor();
			await page.screenshot({ path: path.join(shots, 'node-panel.png') });
			const listed = await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
			const absent = o.nodes
				.map((n) => n.description.displayName)
				.filter((name) => !listed.includes(name));
			return absent.length
				? `searching "customer" does not list ${absent.join(', ')} (listed: ${listed.slice(0, 12).join(', ')})`
				: undefined;
		});
	} finally {
		await browser.close();
	}
}

/** Waits for Chromium (it may still be installing in the background) and checks the editor with it; no Chromium is a failure. */
export async function checkEditor(
	inst: Instance,
	running: RunningProvider[],
	chromiumReady: Promise<string | undefined>,
): Promise<void> {
	const chromium = await chromiumReady;
	if (!chromium)
		record(
			'Chromium is available',
			false,
			'no /usr/bin/chromium and it cannot be installed here (run as root or install the chromium package)',
			0,
		);
	else
		await runBrowserChecks({
			inst,
			chromiumPath: chromium,
			artifacts: ARTIFACTS,
			nodes: running.map((rp) => ({
				title: rp.provider.title,
				nodeClass: rp.provider.node,
				description: nodeDescription(rp.provider.node),
				trigger: triggerDescription(rp.provider.node),
			})),
			check,
			log,
		});
}
