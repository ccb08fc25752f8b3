#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run bench:ab`: what each part of the DealPOS Trigger costs per delivery, inside one real n8n,
// measured request by request. Three published workflows, each a trigger alone on the Customer
// Created URL shape, fed the documented Customer Created example:
//   control   <- dev/lib/control-node.js: the DealPOS routes, no code, a one-property description
//   described <- the same control with the DealPOS Trigger's whole description (properties, webhooks,
//                credentials, hints): control -> described is what n8n charges for the description
//   executed, itemized <- (not by default) the described control with the DealPOS Trigger's execute()
//                step, and emitting its item as well (dev/lib/bench-workflows.js, PARTIAL_CONTROLS)
//   dealpos   <- the DealPOS Trigger: described (or executed) -> dealpos is what the node's own code costs
//   twin      <- (not by default) the control's own code under another type name: twin/control is
//                what the instruments read between two equal triggers (an A/A test)
// Deliveries are interleaved one by one (each block of three in a shuffled order, seeded), so drift
// of the machine's load hits every kind alike; bench-n8n's rounds interleave whole batches instead.
// At --concurrency=1 (default) a delivery's latency is its whole cost in n8n, and the ratio of mean
// latencies (control / kind) is the throughput ratio of bench-n8n's DealPOS/control column. Each
// pass prints mean and p50 per kind; the summary is the median of the passes' ratios.
//
// Options: --blocks=1500 (deliveries per kind and pass), --passes=3, --concurrency=1,
// --kinds=dealpos,control,described (executed, itemized too), --setting=recommended (as bench-n8n's --settings), --no-build,
// --n8n-env=KEY=VALUE. N8N_VERSION picks the n8n (2.41.1 by default).
const lib = require('../lib');
const { TRIGGER_KINDS, triggerAlone, installControl, tarball, removeTarball, startSingle, deliver, keepAliveAgent, waitIdle, loadLine, LOAD_OPTIONS, settingsOption, describeSetting, median, parseCli, seededRandom } = lib;

const { values: args } = parseCli({
	...LOAD_OPTIONS,
	blocks: { type: 'string', default: '1500' },
	passes: { type: 'string', default: '3' },
	concurrency: { type: 'string', default: '1' },
	kinds: { type: 'string', default: 'dealpos,control,described' },
	setting: { type: 'string', default: 'default' },
});

const BLOCKS = Number(args.blocks);
const PASSES = Number(args.passes);
const CONCURRENCY = Number(args.concurrency);
const KINDS = args.kinds.split(',');
const [SETTING] = settingsOption(args.setting, args['n8n-env']);
const WARMUP = 200;

/** Blocks of one delivery per kind, each block in a shuffled order (a fixed seed: runs compare). */
function interleaved(blocks, kinds) {
	const random = seededRandom(20261129);
	const order = [];
	for (let b = 0; b < blocks; b++) {
		const block = kinds.map((_, i) => i);
		for (let i = block.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[block[i], block[j]] = [block[j], block[i]];
		}
		order.push(...block);
	}
	return order;
}

async function main() {
	for (const kind of KINDS) if (!TRIGGER_KINDS.includes(kind)) throw new Error(`--kinds: unknown kind ${kind} (${TRIGGER_KINDS.join(', ')})`);
	if (!KINDS.includes('control')) throw new Error('--kinds: the ratios need control');
	if (!(BLOCKS >= 10 && PASSES >= 1 && CONCURRENCY >= 1)) throw new Error('--blocks >= 10, --passes >= 1, --concurrency >= 1');
	const runtime = lib.ensureN8n();
	const tgz = tarball({ build: !args['no-build'] });
	const workflows = Object.fromEntries(KINDS.map((kind) => [kind, triggerAlone(kind, { tag: `ab-${kind}`, category: 'customer', events: ['created'] })]));
	const body = JSON.stringify(lib.customer());
	const inst = await startSingle({
		runtime,
		tgz,
		workflows: KINDS.map((kind) => workflows[kind]),
		label: 'bench-ab',
		extraEnv: SETTING.env,
		prepare: installControl,
		readyUrls: (base) => KINDS.map((kind) => lib.readyUrl(base, workflows[kind].nodes[0])),
	});
	const urls = KINDS.map((kind) => lib.eventUrl(inst.base, workflows[kind].nodes[0], 'created'));
	const order = interleaved(BLOCKS, KINDS);
	const ratios = KINDS.map(() => []);
	let failed = 0;
	try {
		console.log(`n8n ${runtime.version}, setting ${SETTING.name} (${describeSetting(runtime, SETTING)}); c=${CONCURRENCY}, ${BLOCKS} deliveries per kind and pass, ${PASSES} passes; ${loadLine()}`);
		const warm = keepAliveAgent();
		await deliver({ count: WARMUP * KINDS.length, concurrency: CONCURRENCY, agent: warm, urlFor: (i) => urls[i % KINDS.length], bodyFor: () => body });
		warm.destroy();
		for (let pass = 1; pass <= PASSES; pass++) {
			await waitIdle(inst.n8n.child.pid, { maxMs: 120000 });
			const agent = keepAliveAgent();
			const { results } = await deliver({ count: order.length, concurrency: CONCURRENCY, agent, urlFor: (i) => urls[order[i]], bodyFor: () => body });
			agent.destroy();
			const latencies = KINDS.map(() => []);
			results.forEach((r, i) => {
				if (r.status >= 200 && r.status < 300) latencies[order[i]].push(r.ms);
				else failed++;
			});
			const stats = latencies.map((list) => {
				const sorted = [...list].sort((a, b) => a - b);
				return { mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, p50: sorted[Math.floor(sorted.length / 2)] };
			});
			const control = stats[KINDS.indexOf('control')];
			stats.forEach((s, k) => ratios[k].push(control.mean / s.mean));
			console.log(`pass ${pass}: ${KINDS.map((kind, k) => `${kind} mean ${stats[k].mean.toFixed(2)} ms, p50 ${stats[k].p50.toFixed(2)} ms, control/${kind} ${(control.mean / stats[k].mean).toFixed(3)}`).join('; ')}; ${loadLine()}`);
		}
	} finally {
		await inst.n8n.stop();
		await inst.close({ failed: false });
		removeTarball(tgz);
	}
	console.log(`\nMedian of ${PASSES} passes, throughput relative to the control (control mean latency / kind mean latency):`);
	for (const [k, kind] of KINDS.entries()) console.log(`  ${kind.padEnd(10)} ${median(ratios[k]).toFixed(3)}  (passes: ${ratios[k].map((r) => r.toFixed(3)).join(' ')})`);
	if (failed) {
		console.log(`${failed} deliveries were not answered 2xx`);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
