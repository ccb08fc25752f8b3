#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run bench:n8n`: the DealPOS Trigger against n8n's core Webhook node, in ONE run against the
// same real n8n (2.41.1 by default, N8N_VERSION to change; single process, embedded SQLite).
//
// Six published workflows, each a trigger alone (no downstream node):
//   DealPOS Trigger, category Customer, event Created      <- the documented Customer Created example
//   DealPOS Trigger, category Invoice, event Created       <- a SYNTHETIC 120-line invoice (documented
//                                                              header field names, made-up lines)
//   control trigger on the same two URL shapes             <- dev/lib/control-node.js: a community
//                                                              trigger with the DealPOS routes and no code
//   core Webhook node v2, POST, path bench-core-customer, responseMode onReceived  <- same customer body
//   core Webhook node v2, POST, path bench-core-invoice,  responseMode onReceived  <- same invoice body
// For each payload and each concurrency (1, 20, 200) the DealPOS and the core runs are interleaved
// (order alternates row by row) and each measurement starts only when n8n is idle again (the executions the
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
// environment for every n8n of the run (for example N8N_EXPRESSION_ENGINE=legacy). --with-parts: two
// more triggers per payload (dev/lib/control-node.js), the control with the DealPOS Trigger's
// description, and with its execute() step too, so that the gap to the control is priced part by
// part under load (control -> described: the description; -> executed: execute(); -> itemized: the
// DealPOS item's shape, built once and copied; -> DealPOS: computing it, webhook()). --parts=a,b:
// the same for a chosen few of described, executed, itemized and twin; twin is the control's own
// code under another type name (an A/A test): twin/control is what the instruments read between
// two triggers that cost n8n the same, the noise floor against which DealPOS/control is read.
// --settings=default,recommended: several n8n settings in ONE run. Each setting gets its own n8n
// process (sequential), which measures DealPOS, control and core interleaved as above; a setting is
// a preset of dev/lib/load.js (default, lazy, cache, recommended) or KEY=VALUE pairs joined by +
// (`lazy+N8N_CONCURRENCY_PRODUCTION_LIMIT=20`). The variables this n8n version does not read are
// named as such. --runs=3: the whole measurement again (settings in alternating order), then the
// per-row medians of DealPOS/core and DealPOS/control per setting. --rounds=5: each row in 5 rounds,
// every kind taking a fifth of the row's deliveries per round (order rotating), so that load which
// drifts during a row (other jobs on the machine) hits the three triggers alike; a round never has
// fewer deliveries than the concurrency (at c=200, --counts' third count / 200 rounds at most).
// With rounds, each round's DealPOS/control is printed too (the two parts back to back), and the
// summary adds per run the median of those: robust to a pause of the machine (a database
// checkpoint, another job) that lands on one kind's part of one round, which moves the ratio of
// the row's totals by several per cent. Both are printed; neither replaces the other. Each part
// also reads n8n's CPU time (/proc, from the part's first delivery until n8n is idle again, its
// executions included): CPU ms per delivery per trigger, and control/DealPOS of it, the throughput
// ratio n8n's own work implies, without the machine's pauses (other processes are not counted).
// Loopback only; everything runs on this machine, so the figures include the load client and
// anything else running: the load average is printed with every row.
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const lib = require('../lib');
const { PARTIAL_CONTROLS, TRIGGER_KINDS, triggerAlone, coreWebhookAlone, coreUrl, installControl, tarball, removeTarball, startSingle, deliver, summarize, loadLine, waitIdle, keepAliveAgent, ms, LOAD_OPTIONS, settingsOption, describeSetting, median, parseCli } = lib;

const { values: args } = parseCli({
	...LOAD_OPTIONS,
	settings: { type: 'string' },
	counts: { type: 'string', default: process.env.BENCH_COUNTS || '150,300,600' },
	payloads: { type: 'string', default: 'customer,invoice' },
	runs: { type: 'string', default: '1' },
	rounds: { type: 'string', default: '1' },
	'with-dynamic-core': { type: 'boolean', default: false },
	'with-parts': { type: 'boolean', default: false },
	parts: { type: 'string', default: '' },
});

const CONCURRENCY = [1, 20, 200];
const COUNTS = args.counts.split(',').map(Number);
const PAYLOADS = args.payloads.split(',');
const WARMUP = 30;
const DYNAMIC = args['with-dynamic-core'];
/** The kinds --parts may add: every trigger on the DealPOS URLs but the two always measured. */
const PART_KINDS = TRIGGER_KINDS.filter((k) => k !== 'dealpos' && k !== 'control');
const CHOSEN_PARTS = args.parts.split(',').filter(Boolean);
for (const k of CHOSEN_PARTS) if (!PART_KINDS.includes(k)) throw new Error(`--parts: unknown kind ${k} (${PART_KINDS.join(', ')})`);
const PARTS = PART_KINDS.filter((k) => (args['with-parts'] && k in PARTIAL_CONTROLS) || CHOSEN_PARTS.includes(k));
const KINDS = ['dealpos', 'control', 'core', ...(DYNAMIC ? ['dynamic'] : []), ...PARTS];
const SETTINGS = settingsOption(args.settings, args['n8n-env']);
const RUNS = Number(args.runs);
const ROUNDS = Number(args.rounds);
const KIND_LABEL = {
	dealpos: 'DealPOS Trigger',
	control: 'control (no code)',
	core: 'core Webhook',
	dynamic: 'core Webhook, :param path',
	described: 'control + DealPOS description',
	executed: 'control + description + execute()',
	itemized: 'the same emitting the DealPOS item',
	twin: "the control's twin (A/A)",
};
/** Kinds served on the DealPOS Trigger's URLs (`lib.eventUrl`); the others on core Webhook paths. */
const ON_DEALPOS_URLS = new Set(TRIGGER_KINDS);

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

/**
 * One n8n process with `setting`: warm-up, then for each payload and concurrency the kinds
 * interleaved (order alternating row by row), then n8n is stopped and its executions counted.
 * Resolves { setting, run, rows, executionsOk, check }.
 */
async function measureInstance({ runtime, tgz, workflows, bodies, setting, run }) {
	const all = PAYLOADS.flatMap((key) => KINDS.map((kind) => workflows[key][kind]));
	const inst = await startSingle({
		runtime,
		tgz,
		workflows: all,
		label: `bench-${setting.name}`.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 60),
		extraEnv: setting.env,
		prepare: installControl,
		// DealPOS and the controls: their token URL (a control starts one execution there, DealPOS none);
		// the core Webhooks: one POST {} each.
		readyUrls: (base) => [
			...PAYLOADS.map((key) => lib.readyUrl(base, workflows[key].dealpos.nodes[0])),
			...PAYLOADS.flatMap((key) => KINDS.filter((k) => k !== 'dealpos' && ON_DEALPOS_URLS.has(k)).map((kind) => lib.readyUrl(base, workflows[key][kind].nodes[0]))),
			...PAYLOADS.flatMap((key) => KINDS.filter((k) => !ON_DEALPOS_URLS.has(k)).map((kind) => coreUrl(base, workflows[key][kind]))),
		],
	});
	lib.log(`run ${run}, setting ${setting.name}: ${describeSetting(runtime, setting)}`);
	let failed = true;
	/** @type {Record<string, any>[]} */
	const rows = [];
	/** @type {Record<string, number>} */
	const expected = {};
	let check = [];
	try {
		const urls = {};
		for (const key of PAYLOADS) {
			const w = workflows[key];
			urls[key] = {};
			for (const kind of KINDS) urls[key][kind] = ON_DEALPOS_URLS.has(kind) ? lib.eventUrl(inst.base, w[kind].nodes[0], w.event) : coreUrl(inst.base, w[kind]);
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
		let flip = run % 2 === 0;
		for (const key of PAYLOADS) {
			for (const [k, concurrency] of CONCURRENCY.entries()) {
				const count = COUNTS[k];
				// --rounds=N: the row's deliveries in N rounds, each giving every kind count/N in turn
				// (order rotating), so load that drifts during the row hits every kind alike.
				const rounds = Math.max(1, Math.min(ROUNDS, Math.floor(count / Math.min(concurrency, count))));
				const per = Array.from({ length: rounds }, (_, r) => Math.floor(count / rounds) + (r < count % rounds ? 1 : 0));
				/** @type {Record<string, { results: any[], wallMs: number, loads: string[], idleMs: number, perRound: number[], cpuSeconds: number }>} */
				const parts = Object.fromEntries(KINDS.map((kind) => [kind, { results: [], wallMs: 0, loads: [], idleMs: 0, perRound: [], cpuSeconds: 0 }]));
				for (let r = 0; r < rounds; r++) {
					const order = flip ? [...KINDS].reverse() : KINDS;
					const rotated = [...order.slice(r % order.length), ...order.slice(0, r % order.length)];
					for (const kind of rotated) {
						// n8n is idle here: after the warm-up, and after every part (below).
						const load = loadLine();
						// A fresh keep-alive agent per run: sockets left idle across the pause would race
						// n8n's keep-alive timeout (5 s) and fail with ECONNRESET.
						const agent = keepAliveAgent();
						const cpu0 = lib.cpuSeconds(inst.n8n.child.pid);
						const res = await deliver({ count: per[r], concurrency, agent, urlFor: () => urls[key][kind], bodyFor: () => bodies[key] });
						agent.destroy();
						// n8n's CPU time for this part, its executions included (until it is idle again).
						const settled = await lib.waitIdleCpu(inst.n8n.child.pid, { maxMs: 120000 });
						parts[kind].cpuSeconds += settled.cpuSeconds - cpu0;
						const idleMs = settled.waitedMs;
						expected[workflows[key][kind].id] += per[r];
						parts[kind].results.push(...res.results);
						parts[kind].wallMs += res.wallMs;
						parts[kind].loads.push(load);
						parts[kind].idleMs += idleMs;
						parts[kind].perRound.push((res.results.filter((x) => x.status >= 200 && x.status < 300).length / res.wallMs) * 1000);
					}
				}
				flip = !flip;
				const got = {};
				for (const kind of KINDS) {
					const p = parts[kind];
					got[kind] = { ...summarize({ results: p.results, wallMs: p.wallMs }), load: p.loads[0], idleMs: p.idleMs, rounds, cpuMs: (p.cpuSeconds * 1000) / p.results.length };
					const s = got[kind];
					lib.log(
						`run ${run} ${setting.name} ${key} c=${concurrency} ${kind}: ${s.ok}/${s.count} 2xx, ${s.perSecond.toFixed(1)} 2xx/s, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}, n8n CPU ${s.cpuMs.toFixed(2)} ms per delivery (${rounds} round(s); ${p.loads[0]}; waited ${ms(p.idleMs)} in all after the parts for n8n to be idle)`,
					);
				}
				// The DealPOS/control ratio of each round (both measured back to back in it): their median
				// is robust to a pause of the machine that lands on one kind's part of one round.
				const roundRatios = parts.dealpos.perRound.map((rate, r) => ratio(rate, parts.control.perRound[r]));
				lib.log(`run ${run} ${setting.name} ${key} c=${concurrency} DealPOS/control per round: ${roundRatios.map(fixed).join(' ')}`);
				// With --with-parts: the same for the two partial controls.
				const partRounds = Object.fromEntries(
					PARTS.map((k) => [k, parts[k].perRound.map((rate, r) => ratio(rate, parts.control.perRound[r]))]),
				);
				rows.push({ key, payload: workflows[key].label, concurrency, count, ...got, roundRatios, partRounds });
			}
		}
		failed = false;
	} finally {
		await inst.n8n.stop();
		inst.n8n = null;
		if (!failed) {
			// Every delivery (measured, warm-up and readiness) should be one successful execution.
			const counts = countExecutions(runtime, inst.userFolder);
			check = Object.entries(expected).map(([id, n]) => {
				const mine = counts.filter((r) => r.workflowId === id);
				const byStatus = Object.fromEntries(mine.map((r) => [r.status, r.n]));
				return { run, setting: setting.name, workflow: id, expected: n, ...byStatus };
			});
		}
		await inst.close({ failed });
	}
	const META = new Set(['run', 'setting', 'workflow', 'expected', 'success']);
	const executionsOk = !failed && check.every((c) => (c.success || 0) === c.expected && Object.keys(c).every((k) => META.has(k)));
	return { setting, run, rows, check, executionsOk };
}

const ratio = (a, b) => (Number.isFinite(a / b) ? a / b : NaN);
const fixed = (v) => (Number.isFinite(v) ? v.toFixed(2) : '-');

async function main() {
	const t0 = Date.now();
	if (COUNTS.length !== 3 || COUNTS.some((n) => !(n > 0 && n <= 5000))) throw new Error('--counts needs three counts, each 1..5000');
	if (!(RUNS >= 1 && RUNS <= 10)) throw new Error('--runs 1..10');
	if (!(ROUNDS >= 1 && ROUNDS <= 50)) throw new Error('--rounds 1..50');
	console.log(`bench:n8n start ${new Date().toISOString()}, ${loadLine()}`);
	console.log(`command: ${process.argv.slice(2).join(' ') || '(no options)'}${process.env.N8N_VERSION ? `, N8N_VERSION=${process.env.N8N_VERSION}` : ''}`);
	const runtime = lib.ensureN8n();
	for (const setting of SETTINGS) console.log(`setting ${setting.name}: ${describeSetting(runtime, setting)}`);
	const tgz = tarball({ build: !args['no-build'] });
	const bodies = { customer: JSON.stringify(lib.customer()), invoice: JSON.stringify(lib.invoice(120)) };
	/** The four triggers of one payload's category (Created), each alone in its workflow. @param {string} category @param {string} label */
	const contenders = (category, label) => ({
		dealpos: triggerAlone('dealpos', { tag: `bench-dp-${category}`, category, events: ['created'] }),
		control: triggerAlone('control', { tag: `bench-ctl-${category}`, category, events: ['created'] }),
		core: coreWebhookAlone({ tag: `bench-core-${category}`, path: `bench-core-${category}` }),
		dynamic: coreWebhookAlone({ tag: `bench-dyn-${category}`, path: `bench-dyn-${category}/:event` }),
		...Object.fromEntries(PARTS.map((kind) => [kind, triggerAlone(kind, { tag: `bench-${kind}-${category}`, category, events: ['created'] })])),
		event: 'created',
		label,
	});
	const workflows = {
		customer: contenders('customer', 'Customer Created example'),
		invoice: contenders('invoice', `synthetic invoice, 120 lines, ${(Buffer.byteLength(bodies.invoice) / 1024).toFixed(1)} KB`),
	};
	for (const key of PAYLOADS) if (!workflows[key]) throw new Error(`--payloads: unknown payload ${key}`);
	// Settings run one after the other, each in its own n8n; their order alternates run by run.
	const instances = [];
	try {
		for (let run = 1; run <= RUNS; run++) {
			const order = run % 2 ? SETTINGS : [...SETTINGS].reverse();
			for (const setting of order) instances.push(await measureInstance({ runtime, tgz, workflows, bodies, setting, run }));
		}
	} finally {
		removeTarball(tgz);
	}

	console.log(`\nn8n ${runtime.version}, single process, SQLite; trigger alone; keep-alive client on the same machine (loopback); ${RUNS} run(s) x ${SETTINGS.length} setting(s)`);
	for (const setting of SETTINGS) console.log(`  ${setting.name}: ${describeSetting(runtime, setting)}; harness env ${JSON.stringify(setting.env)}`);
	const bad = instances.flatMap((i) => i.check.filter(() => !i.executionsOk));
	console.log(
		`\nExecutions recorded by n8n (expected = deliveries sent incl. warm-up and readiness, each one successful execution): ${instances.map((i) => `run ${i.run} ${i.setting.name}: ${i.executionsOk ? 'all as expected' : 'MISMATCH'}`).join('; ')}`,
	);
	if (bad.length) console.table(bad);
	const table = [];
	for (const inst of instances) {
		for (const r of inst.rows) {
			for (const kind of KINDS) {
				const s = r[kind];
				table.push({
					run: inst.run,
					setting: inst.setting.name,
					payload: r.key,
					c: r.concurrency,
					n: r.count,
					trigger: KIND_LABEL[kind],
					'2xx': s.ok,
					failed: s.failed ? JSON.stringify(s.kinds) : 0,
					'2xx/s': s.perSecond.toFixed(1),
					p50: ms(s.p50),
					p99: ms(s.p99),
					max: ms(s.max),
					'DealPOS/core': kind === 'dealpos' ? fixed(ratio(s.perSecond, r.core.perSecond)) : kind !== 'core' ? `(${fixed(ratio(s.perSecond, r.core.perSecond))})` : '',
					'DealPOS/control': kind === 'dealpos' ? fixed(ratio(s.perSecond, r.control.perSecond)) : r.partRounds[kind] ? `(${fixed(ratio(s.perSecond, r.control.perSecond))})` : '',
					'n8n CPU ms/delivery': s.cpuMs.toFixed(2),
					'CPU control/DealPOS': kind === 'dealpos' ? fixed(ratio(r.control.cpuMs, s.cpuMs)) : '',
					'load (1 min)': s.load.split(' ')[2],
				});
			}
		}
	}
	console.log('\nEvery run, row by row:');
	console.table(table);
	// Medians over the runs, per setting, payload and concurrency.
	const summary = [];
	for (const setting of SETTINGS) {
		for (const key of PAYLOADS) {
			for (const concurrency of CONCURRENCY) {
				const rows = instances.filter((i) => i.setting === setting).flatMap((i) => i.rows.filter((r) => r.key === key && r.concurrency === concurrency));
				const per = (kind, f) => rows.map((r) => f(r[kind]));
				const dc = rows.map((r) => ratio(r.dealpos.perSecond, r.core.perSecond));
				const dt = rows.map((r) => ratio(r.dealpos.perSecond, r.control.perSecond));
				const line = { setting: setting.name, payload: key, c: concurrency };
				for (const kind of KINDS) {
					line[`${kind} 2xx/s`] = median(per(kind, (s) => s.perSecond)).toFixed(1);
					line[`${kind} p99`] = ms(median(per(kind, (s) => s.p99)));
				}
				line['DealPOS/core (runs)'] = dc.map(fixed).join(' ');
				line['DealPOS/core median'] = fixed(median(dc));
				line['DealPOS/control (runs)'] = dt.map(fixed).join(' ');
				line['DealPOS/control median'] = fixed(median(dt));
				// Per run, the median of its rounds' DealPOS/control (each round's two parts back to back).
				const dtRounds = rows.map((r) => median(r.roundRatios));
				line['DealPOS/control, round medians (runs)'] = dtRounds.map(fixed).join(' ');
				line['DealPOS/control, round medians, median'] = fixed(median(dtRounds));
				// n8n's CPU time per delivery (executions included): control/DealPOS is what the throughput
				// ratio would be if n8n's CPU were the only limit, without the machine's pauses in it.
				const cpu = rows.map((r) => ratio(r.control.cpuMs, r.dealpos.cpuMs));
				line['CPU control/DealPOS (runs)'] = cpu.map(fixed).join(' ');
				line['CPU control/DealPOS median'] = fixed(median(cpu));
				// The partial controls against the control: the description's share, then execute()'s.
				for (const part of Object.keys(rows[0]?.partRounds ?? {})) {
					line[`${part}/control median`] = fixed(median(rows.map((r) => ratio(r[part].perSecond, r.control.perSecond))));
					line[`${part}/control, round medians, median`] = fixed(median(rows.map((r) => median(r.partRounds[part]))));
					line[`CPU control/${part} median`] = fixed(median(rows.map((r) => ratio(r.control.cpuMs, r[part].cpuMs))));
				}
				line.failed = rows.reduce((n, r) => n + KINDS.reduce((m, kind) => m + r[kind].failed, 0), 0);
				line['load (1 min)'] = rows.map((r) => r.dealpos.load.split(' ')[2]).join(' ');
				summary.push(line);
			}
		}
	}
	console.log(`\nMedians of ${RUNS} run(s) per setting (2xx/s and p99 per trigger; the ratios of every run, then their median):`);
	console.table(summary);
	console.log(
		'Note: n8n 2.41 evaluates expressions in isolated-vm isolates by default (N8N_EXPRESSION_ENGINE=vm). While a webhook is received it skips the isolate only for its own Webhook node (LiveWebhooks.webhookPhaseNeedsIsolate), so every other trigger pays one isolate per delivery that the core Webhook node does not, unless N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (then an isolate is built only when an expression reaches the engine). The control trigger (same routes, no code) shows what n8n charges any community trigger, DealPOS/control what this package itself costs.',
	);
	console.log(`bench:n8n done in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${loadLine()}`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
