#!/usr/bin/env node
'use strict';
// `npm run bench:n8n`: the DealPOS Trigger against n8n's core Webhook node, in ONE run against the
// same real n8n (2.41.1 by default, N8N_VERSION to change; single process, embedded SQLite).
//
// Six published workflows, each a trigger alone (no downstream node):
//   DealPOS Trigger, category Customer, event Created      <- the documented Customer Created example
//   DealPOS Trigger, category Invoice, event Created       <- a SYNTHETIC 120-line invoice (documented
//                                                              header field names, made-up lines)
//   control trigger on the same two URL shapes             <- scripts/lib/control-node.js: a community
//                                                              trigger with the DealPOS routes and no code
//   core Webhook node v2, POST, path bench-core-customer, responseMode onReceived  <- same customer body
//   core Webhook node v2, POST, path bench-core-invoice,  responseMode onReceived  <- same invoice body
// For each payload and each concurrency (1, 20, 200) the DealPOS and the core runs are interleaved
// (order alternates row by row) and each run starts only when n8n is idle again (the executions the
// previous run accepted have finished, at most 120 s). Output per row: deliveries answered 2xx per
// second, p50/p99/max latency of the 2xx answers, failures (client timeout 30 s, DealPOS's), and the
// DealPOS/core and DealPOS/control throughput ratios (in brackets in the DealPOS/core column: the
// control's and the :param core Webhook's own ratio to the core Webhook). After the runs, n8n is stopped and its
// SQLite database is read to check that every delivery produced one successful execution.
//
// Options: --counts=150,300,600 (deliveries at concurrency 1,20,200; the default keeps the whole run
// near 10 minutes on a busy 2-core machine), --payloads=customer,invoice,
// --no-build (use the existing dist/), --with-dynamic-core: a third workflow per payload, the core
// Webhook node on a path with a route parameter (`bench-dyn-<payload>/:event`, served like the
// DealPOS Trigger's URLs under /webhook/<webhookId>/...), to separate what n8n's dynamic-route
// lookup costs from what the DealPOS Trigger's own code costs; --n8n-env=KEY=VALUE,KEY=VALUE: extra
// environment for n8n (for example N8N_EXPRESSION_ENGINE=legacy, see the note printed at the end). Loopback only; everything runs on this machine, so the
// figures include the load client and anything else running: the load average is printed.
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const h = require('./lib/n8n');
const wf = require('./lib/workflows');
const { dealposAlone, controlAlone, coreWebhookAlone, coreUrl } = require('./lib/bench-workflows');
const { installControl } = require('./lib/control-node');
const { tarball, removeTarball, startSingle } = require('./lib/instance');
const { deliver, summarize, loadLine, waitIdle, keepAliveAgent, ms, n8nEnvArg } = require('./lib/load');

function arg(name, fallback) {
	const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
	return hit ? hit.slice(name.length + 3) : fallback;
}

const CONCURRENCY = [1, 20, 200];
const COUNTS = arg('counts', process.env.BENCH_COUNTS || '150,300,600').split(',').map(Number);
const PAYLOADS = arg('payloads', 'customer,invoice').split(',');
const WARMUP = 30;
const DYNAMIC = process.argv.includes('--with-dynamic-core');
const KINDS = ['dealpos', 'control', 'core', ...(DYNAMIC ? ['dynamic'] : [])];
const N8N_ENV = n8nEnvArg();
const KIND_LABEL = { dealpos: 'DealPOS Trigger', control: 'control (no code)', core: 'core Webhook', dynamic: 'core Webhook, :param path' };
/** Kinds served on the DealPOS Trigger's URLs (`wf.eventUrl`); the others on core Webhook paths. */
const ON_DEALPOS_URLS = new Set(['dealpos', 'control']);

/** Counts executions per workflow and status in n8n's SQLite database (n8n stopped). */
function countExecutions(runtime, userFolder) {
	const script = `
const sqlite3 = require(${JSON.stringify(path.join(runtime.dir, 'node_modules', 'sqlite3'))});
const db = new sqlite3.Database(${JSON.stringify(path.join(userFolder, '.n8n', 'database.sqlite'))}, sqlite3.OPEN_READONLY);
db.all('SELECT workflowId, status, count(*) AS n FROM execution_entity GROUP BY workflowId, status', (e, rows) => {
  if (e) { console.error(e.message); process.exit(1); }
  console.log(JSON.stringify(rows));
});`;
	const res = spawnSync(runtime.nodeBin, ['-e', script], { encoding: 'utf8' });
	if (res.status !== 0) throw new Error(`reading executions failed: ${res.stderr}`);
	return JSON.parse(res.stdout);
}

async function main() {
	const t0 = Date.now();
	if (COUNTS.length !== 3 || COUNTS.some((n) => !(n > 0 && n <= 5000))) throw new Error('--counts needs three counts, each 1..5000');
	console.log(`bench:n8n start ${new Date().toISOString()}, ${loadLine()}`);
	const runtime = h.ensureN8n();
	const tgz = tarball({ build: !process.argv.includes('--no-build') });
	const payloads = require('./lib/payloads');
	const bodies = { customer: JSON.stringify(payloads.customer()), invoice: JSON.stringify(payloads.invoice(120)) };
	const workflows = {
		customer: {
			dealpos: dealposAlone({ tag: 'bench-dp-customer', category: 'customer', events: ['created'] }),
			control: controlAlone({ tag: 'bench-ctl-customer', category: 'customer' }),
			core: coreWebhookAlone({ tag: 'bench-core-customer', path: 'bench-core-customer' }),
			dynamic: coreWebhookAlone({ tag: 'bench-dyn-customer', path: 'bench-dyn-customer/:event' }),
			event: 'created',
			label: 'Customer Created example',
		},
		invoice: {
			dealpos: dealposAlone({ tag: 'bench-dp-invoice', category: 'invoice', events: ['created'] }),
			control: controlAlone({ tag: 'bench-ctl-invoice', category: 'invoice' }),
			core: coreWebhookAlone({ tag: 'bench-core-invoice', path: 'bench-core-invoice' }),
			dynamic: coreWebhookAlone({ tag: 'bench-dyn-invoice', path: 'bench-dyn-invoice/:event' }),
			event: 'created',
			label: `synthetic invoice, 120 lines, ${(Buffer.byteLength(bodies.invoice) / 1024).toFixed(1)} KB`,
		},
	};
	const all = Object.values(workflows).flatMap((w) => KINDS.map((kind) => w[kind]));
	const inst = await startSingle({
		runtime,
		tgz,
		workflows: all,
		label: 'bench',
		extraEnv: N8N_ENV,
		prepare: installControl,
		// DealPOS: an event the trigger does not listen to (no execution); the others: one POST {} each.
		readyUrls: (base) => [
			...Object.values(workflows).map((w) => wf.readyUrl(base, w.dealpos.nodes[0])),
			...Object.values(workflows).map((w) => wf.readyUrl(base, w.control.nodes[0])),
			...Object.values(workflows).flatMap((w) => KINDS.filter((k) => !ON_DEALPOS_URLS.has(k)).map((kind) => coreUrl(base, w[kind]))),
		],
	});
	let failed = true;
	const rows = [];
	const expected = {};
	try {
		const urls = {};
		for (const [key, w] of Object.entries(workflows)) {
			urls[key] = {};
			for (const kind of KINDS) urls[key][kind] = ON_DEALPOS_URLS.has(kind) ? wf.eventUrl(inst.base, w[kind].nodes[0], w.event) : coreUrl(inst.base, w[kind]);
			expected[w.dealpos.id] = 0;
			for (const kind of KINDS.slice(1)) expected[w[kind].id] = 1; // the readiness POST starts one execution
		}
		// Warm-up: a few deliveries to every URL (JIT, connection pool), not measured.
		for (const key of PAYLOADS) {
			for (const kind of KINDS) {
				const agent = keepAliveAgent();
				const { results } = await deliver({ count: WARMUP, concurrency: 5, agent, urlFor: () => urls[key][kind], bodyFor: () => bodies[key] });
				agent.destroy();
				expected[workflows[key][kind].id] += WARMUP;
				const bad = results.filter((r) => !(r.status >= 200 && r.status < 300));
				if (bad.length) throw new Error(`warm-up ${key}/${kind}: ${bad.length} failed, first: ${JSON.stringify(bad[0])}`);
			}
		}
		await waitIdle(inst.n8n.child.pid);
		let flip = false;
		for (const key of PAYLOADS) {
			for (const [k, concurrency] of CONCURRENCY.entries()) {
				const count = COUNTS[k];
				const order = flip ? [...KINDS].reverse() : KINDS;
				flip = !flip;
				const got = {};
				for (const kind of order) {
					const idleMs = await waitIdle(inst.n8n.child.pid, { maxMs: 120000 });
					const load = loadLine();
					// A fresh keep-alive agent per run: sockets left idle across the pause would race
					// n8n's keep-alive timeout (5 s) and fail with ECONNRESET.
					const agent = keepAliveAgent();
					const run = await deliver({ count, concurrency, agent, urlFor: () => urls[key][kind], bodyFor: () => bodies[key] });
					agent.destroy();
					expected[workflows[key][kind].id] += count;
					got[kind] = { ...summarize(run), load, idleMs };
					const s = got[kind];
					h.log(
						`${key} c=${concurrency} ${kind}: ${s.ok}/${s.count} 2xx, ${s.perSecond.toFixed(1)} 2xx/s, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${load}; waited ${ms(idleMs)} for n8n to be idle${idleMs >= 120000 ? ': NOT idle' : ''})`,
					);
				}
				rows.push({ payload: workflows[key].label, concurrency, count, ...got });
			}
		}
		failed = false;
	} finally {
		await inst.n8n.stop();
		inst.n8n = null;
		if (!failed) {
			// Every delivery (measured, warm-up and readiness) should be one successful execution.
			const counts = countExecutions(runtime, inst.userFolder);
			const check = Object.entries(expected).map(([id, n]) => {
				const mine = counts.filter((r) => r.workflowId === id);
				const byStatus = Object.fromEntries(mine.map((r) => [r.status, r.n]));
				return { workflow: id, expected: n, ...byStatus };
			});
			console.log('\nExecutions recorded by n8n per workflow (expected = deliveries sent incl. warm-up):');
			console.table(check);
		}
		await inst.close({ failed });
		removeTarball(tgz);
	}

	console.log(
		`\nn8n ${runtime.version}, single process, SQLite (pool 4); trigger alone; keep-alive client on the same machine (loopback)${Object.keys(N8N_ENV).length ? `; n8n env ${JSON.stringify(N8N_ENV)}` : ''}`,
	);
	const table = [];
	for (const r of rows) {
		for (const kind of KINDS) {
			const s = r[kind];
			table.push({
				payload: r.payload,
				c: r.concurrency,
				n: r.count,
				trigger: KIND_LABEL[kind],
				'2xx': s.ok,
				failed: s.failed ? JSON.stringify(s.kinds) : 0,
				'2xx/s': s.perSecond.toFixed(1),
				p50: ms(s.p50),
				p99: ms(s.p99),
				max: ms(s.max),
				'DealPOS/core': kind === 'dealpos' ? (s.perSecond / r.core.perSecond).toFixed(2) : kind !== 'core' ? `(${(s.perSecond / r.core.perSecond).toFixed(2)})` : '',
				'DealPOS/control': kind === 'dealpos' ? (s.perSecond / r.control.perSecond).toFixed(2) : '',
				'load (1 min)': s.load.split(' ')[2],
			});
		}
	}
	console.table(table);
	console.log(
		'Note: n8n 2.41 evaluates expressions in isolated-vm isolates by default (N8N_EXPRESSION_ENGINE=vm). While a webhook is received it skips the isolate only for its own Webhook node (LiveWebhooks.webhookPhaseNeedsIsolate), so every other trigger, this one included, pays one isolate per delivery that the core Webhook node does not: the control trigger (same routes, no code) shows that cost, and DealPOS/control what this package itself costs. Compare with --n8n-env=N8N_EXPRESSION_ENGINE=legacy.',
	);
	console.log(`bench:n8n done in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${loadLine()}`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
