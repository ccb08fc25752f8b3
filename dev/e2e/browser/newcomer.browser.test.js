// @ts-check
'use strict';
// Browser test of the newcomer path, against a real n8n (N8N_VERSION, default 2.41.1) started here
// with the packed package installed the way n8n installs community packages and the demo workflow
// "DealPOS customer to CRM" imported and published. Debian's Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium), driven by playwright-core, headless, loopback only:
//
//   1. sign up the owner in the editor;
//   2. new workflow, nodes panel, search "DealPOS": one action per category ("On invoice event");
//      pick Invoice;
//   3. choose Invoice Created and Invoice Deleted; open "Webhook URLs": one URL per event, Test and
//      Production; read the Invoice Created Test URL from the page;
//   4. "Execute step" (listen for a test event), post the catalog's invoice.created example to that
//      URL, see the typed item in the output pane (numbers as numbers, dealpos.event);
//   5. open the demo workflow: nothing to save (the editor's copy of it is what the builder in
//      dev/lib/demo.js writes, the stored workflow is untouched) and it is still published.
//
// It takes the README pictures on the way (docs/images/*.png, or SCREENSHOTS_DIR; with CI set, a
// temp folder; `npm run screenshots` runs it). The
// editor shows URLs under SCREENSHOTS_WEBHOOK_URL (default https://n8n.example.com/, as DealPOS
// needs HTTPS and the pictures do not change with the local port); the test posts to the path of
// the URL it read, at the local n8n, as a reverse proxy would.
// Run: `npm run test:browser` (builds unless E2E_SKIP_BUILD=1). On failure the page and n8n's log
// are kept in the system's temp folder (paths printed).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, it } = require('node:test');

const lib = require('../../lib');
const { ROOT, readyUrl, demoWorkflow } = lib;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the background-networking flags Chromium calls Google services, which hang on a closed network.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const VIEWPORT = { width: 1400, height: 900 };
const DISPLAY_WEBHOOK_URL = process.env.SCREENSHOTS_WEBHOOK_URL || 'https://n8n.example.com/';
// The README pictures; under CI (which sets CI) into a temp folder, so a CI run leaves the
// working tree as it was (the new workflow's webhook id differs on every run).
const IMAGES = process.env.SCREENSHOTS_DIR || (process.env.CI ? path.join(os.tmpdir(), 'dealpos-browser-images') : path.join(ROOT, 'docs', 'images'));
const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Browser-Test-2026' };
const UI_TIMEOUT = 90000; // the editor's first load takes 10-30 s on a busy machine

const ctx = {};
const log = lib.logger('browser');
const id = (value) => `[data-test-id="${value}"]`;

/** Runs `fn` up to `times` times (the editor is slow to settle on a busy machine). */
async function retry(what, fn, { times = 3, pause = 2000 } = {}) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn();
		} catch (error) {
			if (attempt >= times) throw error;
			log(`${what}: attempt ${attempt} failed (${lib.messageOf(error).split('\n')[0]}); retrying`);
			await ctx.page.waitForTimeout(pause);
		}
	}
}

/** Takes a README picture once tooltips are gone and transitions are over. */
async function picture(name) {
	const { page } = ctx;
	await page.mouse.move(VIEWPORT.width / 2, 2);
	await page.evaluate(() => document.fonts.ready);
	await page.waitForTimeout(800);
	const file = path.join(IMAGES, name);
	// Without toasts ("Node executed successfully") and hint tooltips ("You can pin this output").
	await page.screenshot({ path: file, animations: 'disabled', style: '.el-notification, .el-popper.is-dark { visibility: hidden !important; }' });
	log(`wrote ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

/** Closes n8n's onboarding popovers if one shows. */
async function dismissPopovers(page) {
	for (const selector of [id('suggested-actions-close'), '.el-dialog__headerbtn', `${id('banner-stack')} button[aria-label*="lose"]`]) {
		const items = page.locator(selector);
		for (let i = (await items.count()) - 1; i >= 0; i--) {
			if (await items.nth(i).isVisible().catch(() => false)) await items.nth(i).click({ timeout: 2000 }).catch(() => {});
		}
	}
}

/** GET /rest/workflows/<id> with the browser's session (n8n wants its browser-id header). */
function storedWorkflow(workflowId) {
	return ctx.page.evaluate(async (wid) => {
		const res = await fetch(`/rest/workflows/${wid}`, { headers: { 'browser-id': localStorage.getItem('n8n-browserId') || '' } });
		if (!res.ok) throw new Error(`GET /rest/workflows/${wid}: ${res.status}`);
		return (await res.json()).data;
	}, workflowId);
}

/** The editor's own "unsaved changes" flag (Pinia ui store); undefined if n8n renamed it. */
function editorDirty() {
	return ctx.page.evaluate(() => {
		const pinia = /** @type {any} */ (document.querySelector('#app'))?.__vue_app__?.config.globalProperties.$pinia;
		return pinia?._s.get('ui')?.stateIsDirty;
	});
}

before(async () => {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	const { chromium } = require('playwright-core');
	const t0 = Date.now();
	ctx.runtime = lib.ensureN8n();
	ctx.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-browser-'));
	fs.mkdirSync(path.join(ctx.userFolder, 'files'));
	lib.installPackage(ctx.userFolder, lib.pack({ build: process.env.E2E_SKIP_BUILD !== '1' }));
	ctx.catalog = require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog'));
	const port = await lib.freePort();
	ctx.base = `http://127.0.0.1:${port}`;
	const env = lib.environment(ctx.runtime, {
		userFolder: ctx.userFolder,
		port,
		brokerPort: await lib.freePort(),
		extra: { WEBHOOK_URL: DISPLAY_WEBHOOK_URL, N8N_WEBHOOK_URL: DISPLAY_WEBHOOK_URL },
	});
	ctx.demo = demoWorkflow();
	lib.importAndPublish(ctx.runtime, env, { workflows: [ctx.demo] });
	ctx.n8n = await lib.start(ctx.runtime, env, { readyUrl: readyUrl(ctx.base, ctx.demo.nodes[0]), timeoutMs: 240000 });
	ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
	const context = await ctx.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'Asia/Jakarta' });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.base });
	context.setDefaultTimeout(45000);
	ctx.page = await context.newPage();
	fs.mkdirSync(IMAGES, { recursive: true });
	log(`n8n ${ctx.runtime.version} at ${ctx.base} and Chromium up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
});

after(async () => {
	if (ctx.failed && ctx.page) {
		const shot = path.join(os.tmpdir(), 'dealpos-browser-failure.png');
		await ctx.page.screenshot({ path: shot }).then(() => log(`page at the failure: ${shot}`), () => {});
	}
	if (ctx.failed && ctx.userFolder && fs.existsSync(path.join(ctx.userFolder, 'n8n.log'))) {
		const copy = path.join(os.tmpdir(), 'dealpos-browser-n8n.log');
		fs.copyFileSync(path.join(ctx.userFolder, 'n8n.log'), copy);
		log(`n8n's log: ${copy}`);
	}
	if (ctx.browser) await ctx.browser.close().catch(() => {});
	if (ctx.n8n) await ctx.n8n.stop();
	if (ctx.userFolder && process.env.E2E_KEEP !== '1') fs.rmSync(ctx.userFolder, { recursive: true, force: true });
});

/** Each step needs the ones before it: after a failure the rest are skipped. */
function step(name, fn) {
	it(name, async (t) => {
		if (ctx.failed) return t.skip('an earlier step failed');
		try {
			await fn();
		} catch (error) {
			ctx.failed = true;
			throw error;
		}
	});
}

describe('newcomer path in the n8n editor', () => {
	step('sign up the owner', async () => {
		const { page } = ctx;
		await page.goto(`${ctx.base}/setup`, { timeout: UI_TIMEOUT });
		const form = page.locator(id('setup-form'));
		await form.waitFor({ timeout: UI_TIMEOUT });
		for (const field of ['email', 'firstName', 'lastName', 'password']) {
			await form.locator(`${id(field)} input`).fill(OWNER[field]);
		}
		await page.locator(id('form-submit-button')).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'), { timeout: UI_TIMEOUT });
	});

	step('nodes panel: "DealPOS" lists one action per category; pick Invoice', async () => {
		const { page } = ctx;
		await retry('open a new workflow and the nodes panel', async () => {
			await page.goto(`${ctx.base}/workflow/new`, { timeout: UI_TIMEOUT });
			await page.locator(id('canvas-plus-button')).click({ timeout: UI_TIMEOUT });
			await page.locator(id('node-creator-search-bar')).fill('DealPOS');
			await page.locator(id('node-creator-action-item')).filter({ hasText: 'DealPOS' }).first().click();
			await page.locator(`${id('item-iterator-item')}`).filter({ hasText: /^On invoice event$/ }).waitFor();
		});
		const names = page.locator(`${id('node-creator')} ${id('item-iterator-item')} ${id('node-creator-item-name')}:visible`);
		const expected = ctx.catalog.CATEGORIES.map((c) => `On ${c.name.toLowerCase()} event`);
		// The search results slide out while the node's actions slide in: wait for the list to settle.
		let shown = [];
		await lib
			.waitUntil(
				async () => {
					shown = (await names.allInnerTexts()).map((s) => s.trim()).filter((s) => s !== 'DealPOS');
					return shown.length === expected.length;
				},
				{ timeoutMs: 15000, what: 'the actions of DealPOS Trigger' },
			)
			.catch(() => {});
		assert.deepEqual([...shown].sort(), [...expected].sort(), 'one action per category, named "On <category> event"');
		await picture('nodes-panel-actions.png');
		await page.locator(id('item-iterator-item')).filter({ hasText: /^On invoice event$/ }).click();
		const ndv = page.locator(id('ndv'));
		await ndv.waitFor({ timeout: UI_TIMEOUT });
		assert.equal(await ndv.locator(`${id('parameter-input-category')} input`).first().inputValue(), 'Invoice', 'Trigger On is Invoice');
		ctx.ndv = ndv;
	});

	step('choose Invoice Created and Invoice Deleted: Webhook URLs lists one URL per event', async () => {
		const { page, ndv } = ctx;
		await retry('choose the events', async () => {
			await ndv.locator(id('parameter-input-events')).click();
			for (const name of ['Invoice Created', 'Invoice Deleted']) {
				const chosen = ndv.locator(id('parameter-input-events')).getByText(name, { exact: true });
				if (await chosen.isVisible().catch(() => false)) continue;
				await page.locator('.el-select-dropdown__item:visible').filter({ hasText: name }).first().click();
			}
			await page.keyboard.press('Escape');
			for (const name of ['Invoice Created', 'Invoice Deleted']) {
				await ndv.locator(id('parameter-input-events')).getByText(name, { exact: true }).waitFor({ timeout: 5000 });
			}
		});
		// "Webhook URLs" is collapsed until opened.
		const urls = ndv.locator('.webhook-url');
		await ndv.getByText('Webhook URLs', { exact: true }).click();
		const read = async () => (await urls.allInnerTexts()).map((s) => s.replace(/\s+/g, ''));
		await ndv.locator(id('radio-button-production')).click();
		await lib.waitUntil(
			async () => {
				const shown = await read();
				return shown.length > 0 && shown.every((u) => u.includes('/webhook/'));
			},
			{ timeoutMs: 15000, what: 'the production URLs' },
		);
		await page.waitForTimeout(500);
		const production = await read();
		const base = DISPLAY_WEBHOOK_URL.replace(/\/$/, '');
		const pattern = (kind) => new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${kind}/[0-9a-f-]{36}/invoice/(created|deleted)$`);
		assert.equal(production.length, 2, `two URLs, one per selected event: ${production.join(' ')}`);
		for (const url of production) assert.match(url, pattern('webhook'));
		assert.deepEqual(production.map((u) => u.split('/').pop()).sort(), ['created', 'deleted']);
		await picture('node-events-and-urls.png');
		await ndv.locator(id('radio-button-test')).click();
		await lib.waitUntil(async () => (await read()).every((u) => u.includes('/webhook-test/')), { timeoutMs: 15000, what: 'the test URLs' });
		const test = await read();
		for (const url of test) assert.match(url, pattern('webhook-test'));
		ctx.testUrl = test.find((u) => u.endsWith('/invoice/created'));
		assert.ok(ctx.testUrl, `an Invoice Created Test URL among ${test.join(' ')}`);
		log(`Invoice Created Test URL shown: ${ctx.testUrl}`);
	});

	step('listen for a test event, post the invoice.created example: the typed item shows', async () => {
		const { page, ndv } = ctx;
		const example = ctx.catalog.findEvent('invoice.created').example;
		// The page shows the public URL; the same path at the local n8n is what a proxy would call.
		const target = `${ctx.base}${new URL(ctx.testUrl).pathname}`;
		await ndv.locator(id('node-execute-button')).click();
		let answer = '';
		await lib.waitUntil(
			async () => {
				const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) });
				answer = `${res.status} ${await res.text()}`;
				return res.status === 200;
			},
			{ timeoutMs: 30000, what: `the test webhook to listen (last answer: ${answer})` },
		);
		assert.match(answer, /^200 \{"status":"success"\}/);
		const output = ndv.locator(id('ndv-data-container'));
		await ndv.locator(id('radio-button-json')).click({ timeout: UI_TIMEOUT });
		await output.getByText('"Gross"').first().waitFor({ timeout: UI_TIMEOUT });
		await picture('execution-typed-items.png');
		// The JSON view draws only the lines in sight: scroll down to `dealpos`, gathering the text.
		let text = '';
		const box = await output.boundingBox();
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		for (let i = 0; i < 40 && !/"event": "invoice\./.test(text); i++) {
			text += ` ${(await output.innerText()).replace(/\s+/g, ' ')}`;
			await page.mouse.wheel(0, 400);
			await page.waitForTimeout(150);
		}
		text += ` ${(await output.innerText()).replace(/\s+/g, ' ')}`;
		assert.equal(typeof example.Gross, 'number');
		assert.match(text, /"Gross": 50000\b/, 'a number shown as a number');
		assert.match(text, /"Void": false\b/, '"No" shown as the boolean false');
		assert.match(text, /"Date": "2026-01-15T10:30:00\.000\+07:00"/, 'the timestamp with the account\'s offset');
		assert.match(text, /"event": "invoice\.created"/, 'dealpos.event');
		assert.match(text, /"mode": "test"/, 'dealpos.mode');
	});

	step('open the demo workflow: nothing to save, still published', async () => {
		const { page } = ctx;
		const stored = await storedWorkflow(ctx.demo.id);
		assert.equal(stored.active, true);
		await page.goto(`${ctx.base}/workflow/${ctx.demo.id}`, { timeout: UI_TIMEOUT });
		await page.locator(id('canvas-node')).first().waitFor({ timeout: UI_TIMEOUT });
		await page.getByText('Production Checklist', { exact: true }).waitFor({ timeout: 5000 }).catch(() => {});
		await dismissPopovers(page);
		await page.waitForTimeout(3000);
		assert.equal(await page.locator(id('workflow-open-publish-modal-button')).innerText(), 'Published');
		assert.notEqual(await editorDirty(), true, 'the editor has no unsaved changes');
		await picture('demo-customer-to-crm.png');
		// What the editor would save (its copy of every node) is what the builder writes. A click
		// on the trigger selects it (and focuses the canvas) without opening or running anything.
		await page.keyboard.press('Escape');
		await page.locator(`${id('canvas-node')}[data-node-name="DealPOS Trigger"]`).click();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.press('ControlOrMeta+c');
		/** @type {any} */
		let copied;
		await lib.waitUntil(async () => Boolean((copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).nodes), {
			timeoutMs: 10000,
			what: 'the copied workflow',
		});
		const built = JSON.parse(JSON.stringify(ctx.demo));
		assert.deepEqual(copied.nodes, built.nodes, 'the editor\'s copy of the nodes equals dev/lib/demo.js');
		assert.deepEqual(copied.connections, built.connections);
		assert.equal(await page.getByText('Workflow executed successfully').count(), 0, 'nothing ran');
		// Nothing was saved on the way, and the published version is the stored one.
		const now = await storedWorkflow(ctx.demo.id);
		assert.equal(now.versionId, stored.versionId);
		assert.equal(now.updatedAt, stored.updatedAt);
		assert.deepEqual(now.nodes, built.nodes, 'n8n stores the demo as the builder writes it');
		assert.equal(now.active, true);
		assert.equal(now.activeVersionId, now.versionId, 'the published version is the current one');
	});
});
