#!/usr/bin/env node
'use strict';
// `npm run screenshots`: takes the README pictures in docs/images/ from the real n8n editor.
// Provisions n8n like `npm run n8n` (cache folder, build, pack, install as a community package) but
// in a throwaway user folder on free ports, imports and publishes the demo workflow, creates the
// owner account through n8n's REST API, fires the documented Customer Created example at the
// production URL, and photographs the editor with playwright-core driving Debian's Chromium
// (headless, no browser download). Not run by CI.
//
//   docs/images/node-events-and-urls.png   the DealPOS Trigger opened: Webhook URLs (production),
//                                          Category, Events and the one-line-per-event URL notices
//   docs/images/execution-typed-items.png  the production execution of the Customer Created example:
//                                          the trigger's output as JSON (typed Birthdate, `dealpos`)
//
// Environment: N8N_VERSION (default 2.41.1), DEALPOS_N8N_CACHE (default ./.cache),
// CHROMIUM_PATH (default /usr/bin/chromium), SCREENSHOTS_WEBHOOK_URL (the public base URL the
// editor shows in Webhook URLs; default https://n8n.example.com/, so the pictures show an HTTPS
// URL as DealPOS needs and do not change with the random local port).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const h = require('./lib/n8n');
const { ROOT } = require('./lib/provision');
const { demoWorkflow } = require('./lib/demo');
const { eventUrl, readyUrl } = require('./lib/workflows');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the background-networking flags Chromium calls Google services, which hang on a closed network.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const VIEWPORT = { width: 1400, height: 900 };
const OUT_DIR = path.join(ROOT, 'docs', 'images');
const DISPLAY_WEBHOOK_URL = process.env.SCREENSHOTS_WEBHOOK_URL || 'https://n8n.example.com/';
const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Screenshots-2026' };
const BIRTHDATE = '2018-07-22T00:00:00.000+07:00';
const UI_TIMEOUT = 90000; // the editor's first load takes 10-20 s on a slow machine

function log(msg) {
	process.stderr.write(`[screenshots] ${msg}\n`);
}

/** Exits with a hint when Chromium or playwright-core is missing. */
function preflight() {
	if (!fs.existsSync(CHROMIUM)) {
		log(`Chromium not found at ${CHROMIUM}. Install Debian's Chromium:`);
		log('  sudo apt-get update && sudo apt-get install -y chromium');
		log('(or set CHROMIUM_PATH to another Chromium binary). Playwright downloads no browser here.');
		process.exit(1);
	}
	try {
		return require('playwright-core');
	} catch {
		log('playwright-core is missing: run `npm install` (it is a devDependency).');
		process.exit(1);
	}
}

async function rest(base, method, urlPath, { cookie, body } = {}) {
	const headers = {};
	if (cookie) headers.cookie = cookie;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(`${base}${urlPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 500)}`);
	return { res, json: text ? JSON.parse(text) : null };
}

/** Creates the instance owner (n8n 2.x: POST /rest/owner/setup); returns the `n8n-auth` cookie value. */
async function setupOwner(base) {
	const { res } = await rest(base, 'POST', '/rest/owner/setup', { body: OWNER });
	const match = /(?:^|,\s*)n8n-auth=([^;]+)/.exec(res.headers.get('set-cookie') || '');
	if (!match) throw new Error('owner setup set no n8n-auth cookie');
	return match[1];
}

/** Waits for the workflow's first finished execution; returns its id. */
async function waitForExecution(base, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	let found;
	await h.waitFor(
		async () => {
			const { json } = await rest(base, 'GET', `/rest/executions?filter=${filter}`, { cookie });
			found = json.data.results.find((e) => e.status === 'success' || e.status === 'error');
			return Boolean(found);
		},
		{ timeoutMs: 60000, what: 'the execution of the Customer Created example' },
	);
	if (found.status !== 'success') throw new Error(`execution ${found.id} ended with status ${found.status}`);
	return found.id;
}

/** Closes n8n's onboarding popovers and dialogs if one is showing. */
async function dismissOnboarding(page) {
	for (const selector of ['[data-test-id="suggested-actions-close"]', '.el-dialog__headerbtn', '[data-test-id="banner-stack"] button[aria-label*="lose"]']) {
		const items = page.locator(selector);
		for (let i = (await items.count()) - 1; i >= 0; i--) {
			if (await items.nth(i).isVisible().catch(() => false)) await items.nth(i).click({ timeout: 2000 }).catch(() => {});
		}
	}
}

/** Opens `url` and double-clicks the DealPOS Trigger on the canvas; returns the node details view. */
async function openTrigger(page, url) {
	await page.goto(url);
	const node = page.locator('[data-test-id="canvas-node"][data-node-name="DealPOS Trigger"]');
	await node.waitFor({ timeout: UI_TIMEOUT });
	// The Production Checklist popover opens a moment after the canvas.
	await page.getByText('Production Checklist', { exact: true }).waitFor({ timeout: 3000 }).catch(() => {});
	await dismissOnboarding(page);
	await node.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ timeout: UI_TIMEOUT });
	return ndv;
}

/** Takes a viewport screenshot once tooltips are gone and transitions are over. */
async function shoot(page, name) {
	await page.mouse.move(VIEWPORT.width / 2, 2); // no hover tooltip
	await page.evaluate(() => document.fonts.ready);
	await page.waitForTimeout(800);
	const file = path.join(OUT_DIR, name);
	await page.screenshot({ path: file, animations: 'disabled' });
	log(`wrote ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
	return file;
}

async function shotNodeEventsAndUrls(page, base, workflow) {
	const ndv = await openTrigger(page, `${base}/workflow/${workflow.id}`);
	await ndv.getByText('Webhook URLs', { exact: true }).click();
	await ndv.locator('[data-test-id="radio-button-production"]').click();
	const url = ndv.locator('.webhook-url').first();
	await url.waitFor();
	const shown = (await url.innerText()).replace(/\s+/g, '');
	if (!shown.includes('/webhook/') || !shown.endsWith('/customer/:event')) throw new Error(`unexpected production URL shown: ${shown}`);
	await ndv.getByText('Customer Created: …/customer/created').waitFor();
	await ndv.getByText('Category', { exact: true }).waitFor();
	await shoot(page, 'node-events-and-urls.png');
}

async function shotExecution(page, base, workflow, executionId) {
	const ndv = await openTrigger(page, `${base}/workflow/${workflow.id}/executions/${executionId}`);
	await ndv.locator('[data-test-id="radio-button-json"]').click();
	const output = ndv.locator('[data-test-id="ndv-data-container"]');
	await output.getByText(`"${BIRTHDATE}"`).waitFor({ timeout: 15000 });
	await output.getByText('"customer.created"').waitFor();
	await output.getByText('"production"').waitFor();
	await shoot(page, 'execution-typed-items.png');
}

async function main() {
	const t0 = Date.now();
	const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
	const { chromium } = preflight();
	const cleanups = [];
	// Browser, n8n, temp folders, in reverse order; once, whether the run ends, fails or is interrupted.
	let cleaning;
	const cleanup = () =>
		(cleaning ||= (async () => {
			while (cleanups.length) {
				try {
					await cleanups.pop()();
				} catch (error) {
					log(`cleanup: ${error.message}`);
				}
			}
		})());
	let interrupted = false;
	const onSignal = (signal) => {
		if (interrupted) return;
		interrupted = true;
		log(`${signal}: stopping`);
		cleanup().finally(() => process.exit(130));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	let page;
	let userFolderForLog;
	try {
		const runtime = h.ensureN8n();
		log(`n8n ${runtime.version} ready (${secs()})`);
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-screenshots-'));
		cleanups.push(() => fs.rmSync(userFolder, { recursive: true, force: true }));
		userFolderForLog = userFolder;
		fs.mkdirSync(path.join(userFolder, 'files'), { recursive: true });
		log('building and packing n8n-nodes-dealpos');
		const tarball = h.pack();
		cleanups.push(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
		h.installPackage(userFolder, tarball);

		const port = await h.freePort();
		const base = `http://127.0.0.1:${port}`;
		const env = h.environment(runtime, {
			userFolder,
			port,
			brokerPort: await h.freePort(),
			extra: { WEBHOOK_URL: DISPLAY_WEBHOOK_URL, N8N_WEBHOOK_URL: DISPLAY_WEBHOOK_URL },
		});
		const workflow = demoWorkflow();
		const trigger = workflow.nodes.find((n) => n.type === h.NODE_TYPE);
		h.importAndPublish(runtime, env, { workflows: [workflow] });
		log(`starting n8n at ${base} (log: ${path.join(userFolder, 'n8n.log')})`);
		const n8n = await h.start(runtime, env, { readyUrl: readyUrl(base, trigger) });
		cleanups.push(() => n8n.stop());
		log(`n8n is up (${secs()})`);

		const token = await setupOwner(base);
		const cookie = `n8n-auth=${token}`;
		const catalog = require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog', 'index.js'));
		const example = catalog.findEvent('customer.created').example;
		await rest(base, 'POST', eventUrl(base, trigger, 'created').slice(base.length), { body: example });
		const executionId = await waitForExecution(base, cookie, workflow.id);
		log(`owner set up; Customer Created example ran as execution ${executionId} (${secs()})`);

		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
		cleanups.push(() => browser.close());
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'Asia/Jakarta' });
		// The cookie from owner setup carries no browser id, so n8n accepts it from any browser.
		await context.addCookies([{ name: 'n8n-auth', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
		context.setDefaultTimeout(30000);
		page = await context.newPage();
		fs.mkdirSync(OUT_DIR, { recursive: true });

		await shotNodeEventsAndUrls(page, base, workflow);
		await shotExecution(page, base, workflow, executionId);
		log(`done in ${secs()}`);
	} catch (error) {
		if (interrupted) return;
		if (userFolderForLog && fs.existsSync(path.join(userFolderForLog, 'n8n.log'))) {
			const copy = path.join(os.tmpdir(), 'dealpos-screenshots-n8n.log');
			fs.copyFileSync(path.join(userFolderForLog, 'n8n.log'), copy);
			log(`n8n's log: ${copy}`);
		}
		if (page) {
			const file = path.join(os.tmpdir(), 'dealpos-screenshots-failure.png');
			await page.screenshot({ path: file }).then(
				() => log(`page at the failure: ${file}`),
				() => {},
			);
		}
		throw error;
	} finally {
		await cleanup();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
