#!/usr/bin/env node
// @ts-check
'use strict';
// The main job: `npm run n8n`. Installs the development dependencies if needed, builds and packs
// this package (first, so a broken build fails in seconds), provisions a pinned n8n (and the
// Node.js it needs) into the cache folder, installs the tarball the way n8n installs community
// packages, starts the local DealPOS REST API stand-in (dev/stand-in/dealpos-api.js) on a
// loopback port, imports and publishes the demo workflows "DealPOS customer to CRM" and
// "DealPOS payment to invoice table" (the DealPOS node, with a DealPOS API credential pointing at
// the stand-in), starts n8n at http://localhost:5678 and prints the webhook URLs and commands
// that fire sample events. Ctrl-C stops it. With CI set (as in .ci/run), it instead posts both
// sample events, checks the answers (and that the invoice was read from the stand-in), and stops. Environment: N8N_VERSION (default 2.41.1), N8N_PORT (5678),
// DEALPOS_N8N_CACHE (default ./.cache).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const lib = require('../lib');
const { ensureDependencies, cacheDir, ROOT, demoWorkflow, paymentToInvoiceWorkflow, apiCredential, INVOICE_TABLE, startStandIn, eventUrl, readyUrl } = lib;

/** The stand-in on the port it had last time (so the imported credential stays right), else a free one. */
async function standIn(userFolder) {
	const portFile = path.join(userFolder, '.api-port');
	const last = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : 0;
	let api;
	try {
		api = await startStandIn({ port: last || 0 });
	} catch {
		api = await startStandIn({ port: 0 });
	}
	fs.writeFileSync(portFile, String(new URL(api.url).port));
	return api;
}

async function main() {
	const t0 = Date.now();
	const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
	ensureDependencies();
	lib.log('building and packing n8n-nodes-dealpos');
	const tarball = lib.pack();
	const runtime = lib.ensureN8n();
	lib.log(`n8n ${runtime.version} ready (${secs()})`);

	const userFolder = path.join(cacheDir(), `home-${runtime.version}`);
	fs.mkdirSync(path.join(userFolder, 'files'), { recursive: true });
	lib.installPackage(userFolder, tarball);
	lib.log(`installed ${path.basename(tarball)} into ${userFolder}/.n8n/nodes (${secs()})`);

	const port = Number(process.env.N8N_PORT || 5678);
	const env = lib.environment(runtime, { userFolder, port, brokerPort: await lib.freePort() });
	const api = await standIn(userFolder);
	lib.log(`DealPOS REST API stand-in at ${api.url}`);
	const workflow = demoWorkflow();
	const paymentWorkflow = paymentToInvoiceWorkflow();
	const credential = apiCredential(api.url, api.clients[0]);
	const stamp = crypto.createHash('sha256').update(JSON.stringify([workflow, paymentWorkflow, credential])).digest('hex');
	const stampFile = path.join(userFolder, '.demo-imported');
	if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
		lib.log('importing and publishing the demo workflows "DealPOS customer to CRM" and "DealPOS payment to invoice table"');
		lib.importAndPublish(runtime, env, { workflows: [workflow, paymentWorkflow], credentials: [credential] });
		fs.writeFileSync(stampFile, stamp);
	}

	const trigger = workflow.nodes[0];
	const base = eventUrl(`http://localhost:${port}`, trigger, '').replace(/\/$/, '');
	lib.log(`starting n8n (log: ${path.join(userFolder, 'n8n.log')})`);
	const n8n = await lib.start(runtime, env, { readyUrl: readyUrl(`http://127.0.0.1:${port}`, trigger) });
	const example = path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog', 'index.js');
	const catalog = require(example);
	const body = JSON.stringify(catalog.findEvent('customer.created').example);
	const paymentBase = eventUrl(`http://localhost:${port}`, paymentWorkflow.nodes[0], '').replace(/\/$/, '');
	const invoice = api.data.invoices[0];
	const payment = JSON.stringify({ ...catalog.findEvent('invoice-payment.created').example, InvoiceID: invoice.ID });
	process.stdout.write(`
n8n ${runtime.version} is running at http://localhost:${port} (ready in ${secs()}).
Workflow "DealPOS customer to CRM" is published. Paste these URLs into DealPOS (Developer > Menu URL):

  Customer Created   ${base}/created
  Customer Updated   ${base}/updated
  Customer Deleted   ${base}/deleted

Fire the documented Customer Created example:

  curl -sS -X POST ${base}/created -H 'content-type: application/json' -d '${body}'

The contact lands in the Data table "CRM contacts" (editor: Overview > Data tables); Customer
Updated changes its row, Customer Deleted marks it deleted.

Workflow "DealPOS payment to invoice table" is published too: an Invoice Payment Created webhook
carries only the payment and its InvoiceID; the DealPOS node gets the invoice from the REST API
(here the local stand-in at ${api.url}, client ID ${api.clients[0].id}, limited like DealPOS to
${api.limit} requests per ${api.windowSeconds} s) and the Data table "${INVOICE_TABLE}" keeps it, typed.
Fire a payment of invoice ${invoice.Number}:

  curl -sS -X POST ${paymentBase}/created -H 'content-type: application/json' -d '${payment}'
`);
	if (process.env.CI) {
		// CI runs this command as the README gives it: fire the sample, check the answer, stop.
		const res = await fetch(`${base.replace('localhost', '127.0.0.1')}/created`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
		});
		const text = await res.text();
		process.stdout.write(`CI: the sample answered HTTP ${res.status} ${text} (${secs()})\n`);
		const paid = await fetch(`${paymentBase.replace('localhost', '127.0.0.1')}/created`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: payment,
		});
		const paidText = await paid.text();
		const read = await lib
			.waitUntil(() => api.log.some((e) => e.path.endsWith('/Invoice/Detail') && e.status === 200), { timeoutMs: 30000, what: 'the DealPOS node reading the invoice' })
			.then(() => true, () => false);
		process.stdout.write(`CI: the payment answered HTTP ${paid.status} ${paidText}; the DealPOS node ${read ? 'read' : 'did NOT read'} the invoice from the stand-in (${secs()})\n`);
		await n8n.stop();
		await api.close();
		const ok = res.status === 200 && JSON.parse(text).status === 'success' && paid.status === 200 && read;
		process.exit(ok ? 0 : 1);
	}
	process.stdout.write('Press Ctrl-C to stop.\n');
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		lib.log('stopping n8n');
		await n8n.stop();
		await api.close();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	n8n.child.on('exit', (code) => {
		if (!stopping) {
			lib.log(`n8n exited (${code}); see ${n8n.logFile}`);
			process.exit(code || 1);
		}
	});
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
