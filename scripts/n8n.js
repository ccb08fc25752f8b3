#!/usr/bin/env node
'use strict';
// The main job: `npm run n8n`. Installs the development dependencies if needed, builds and packs
// this package (first, so a broken build fails in seconds), provisions a pinned n8n (and the
// Node.js it needs) into the cache folder, installs the tarball the way n8n installs community
// packages, imports and publishes the demo workflow "DealPOS customer to CRM", starts n8n at
// http://localhost:5678 and prints the webhook URLs and a command that fires a sample event.
// Ctrl-C stops it. With CI set (as in .ci/run), it instead posts that sample event, checks the
// answer, and stops. Environment: N8N_VERSION (default 2.41.1), N8N_PORT (5678),
// DEALPOS_N8N_CACHE (default ./.cache).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { ensureDependencies } = require('./lib/deps');
const h = require('./lib/n8n');
const { cacheDir, ROOT } = require('./lib/provision');
const { demoWorkflow } = require('./lib/demo');
const { eventUrl, readyUrl } = require('./lib/workflows');

async function main() {
	const t0 = Date.now();
	const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
	ensureDependencies();
	h.log('building and packing n8n-nodes-dealpos');
	const tarball = h.pack();
	const runtime = h.ensureN8n();
	h.log(`n8n ${runtime.version} ready (${secs()})`);

	const userFolder = path.join(cacheDir(), `home-${runtime.version}`);
	fs.mkdirSync(path.join(userFolder, 'files'), { recursive: true });
	h.installPackage(userFolder, tarball);
	h.log(`installed ${path.basename(tarball)} into ${userFolder}/.n8n/nodes (${secs()})`);

	const port = Number(process.env.N8N_PORT || 5678);
	const env = h.environment(runtime, { userFolder, port, brokerPort: await h.freePort() });
	const workflow = demoWorkflow();
	const stamp = crypto.createHash('sha256').update(JSON.stringify(workflow)).digest('hex');
	const stampFile = path.join(userFolder, '.demo-imported');
	if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
		h.log('importing and publishing the demo workflow "DealPOS customer to CRM"');
		h.importAndPublish(runtime, env, { workflows: [workflow] });
		fs.writeFileSync(stampFile, stamp);
	}

	const trigger = workflow.nodes[0];
	const base = eventUrl(`http://localhost:${port}`, trigger, '').replace(/\/$/, '');
	h.log(`starting n8n (log: ${path.join(userFolder, 'n8n.log')})`);
	const n8n = await h.start(runtime, env, { readyUrl: readyUrl(`http://127.0.0.1:${port}`, trigger) });
	const example = path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog', 'index.js');
	const body = JSON.stringify(require(example).findEvent('customer.created').example);
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
		await n8n.stop();
		process.exit(res.status === 200 && JSON.parse(text).status === 'success' ? 0 : 1);
	}
	process.stdout.write('Press Ctrl-C to stop.\n');
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		h.log('stopping n8n');
		await n8n.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	n8n.child.on('exit', (code) => {
		if (!stopping) {
			h.log(`n8n exited (${code}); see ${n8n.logFile}`);
			process.exit(code || 1);
		}
	});
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
