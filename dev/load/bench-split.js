#!/usr/bin/env node
// @ts-check
'use strict';
// Benchmark of buildItems() with Split Line Items on large invoices: time, heap and output size.
//
// Payload: a SYNTHETIC Invoice Created body (documented header and Payments[] field names; the
// Variants line objects are made up, as DealPOS does not document them) with V Variants and
// P Payments. Split by Variants, every line item carries the invoice: before the split budget,
// the whole invoice (P Payments included) was cloned once per line.
//
// Usage: npx tsc && node dev/load/bench-split.js [distDir ...] [--sizes 3000x3000,300x300]
// Each distDir (default dist) is measured in its own process (node --expose-gc), so an older
// build can be compared: compile an old commit with `npx tsc --outDir /tmp/old/dist`.
// Output per dist and size: ms for buildItems (median of 3), heap growth over the call (before
// gc: what it allocated and had not yet collected), heap retained by the items (after gc), sum of
// JSON.stringify(item.json) lengths, items with an 'omitted' problem.
// splitInvoice() and measure() live in dev/lib (test/splitLines.test.ts uses them too).
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, splitInvoice, invoiceDelivery, SPLIT_OPTIONS, measure, parseCli, messageOf } = require('../lib');

/**
 * One measurement in this process.
 * @param {string} dist
 * @param {number} variants
 * @param {number} payments
 */
function child(dist, variants, payments) {
	let buildItems;
	let findEvent;
	try {
		({ buildItems } = require(path.join(dist, 'nodes', 'DealPosTrigger', 'items', 'index.js')));
		({ findEvent } = require(path.join(dist, 'nodes', 'DealPosTrigger', 'catalog', 'index.js')));
	} catch (error) {
		console.error(`Cannot load ${dist}: build first (npx tsc). ${messageOf(error)}`);
		process.exit(1);
	}
	const event = findEvent('invoice.created');
	const body = splitInvoice(variants, payments);
	const ctx = invoiceDelivery(body);
	const options = SPLIT_OPTIONS;
	const times = [];
	let retained = 0;
	let allocated = 0;
	let result;
	for (let round = 0; round < 3; round++) {
		result = undefined;
		const run = measure(() => buildItems(body, event, ctx, options));
		result = run.result;
		times.push(run.ms);
		allocated = Math.max(allocated, run.allocated);
		retained = Math.max(retained, run.retained);
	}
	times.sort((a, b) => a - b);
	let size = 0;
	let omitted = 0;
	for (const item of result.items) {
		size += JSON.stringify(item.json).length;
		if (item.json.dealpos.problems.some((/** @type {{code: string}} */ p) => p.code === 'omitted'))
			omitted++;
	}
	return {
		ms: times[1],
		retainedMB: retained / 1e6,
		allocatedMB: allocated / 1e6,
		outputMB: size / 1e6,
		bodyMB: ctx.rawBody.length / 1e6,
		items: result.items.length,
		omitted,
	};
}

function main() {
	const { values: args, positionals } = parseCli(
		{ child: { type: 'boolean', default: false }, sizes: { type: 'string', default: '300x300,3000x0,3000x3000' } },
		{ positionals: true },
	);
	if (args.child) {
		const [dist, variants, payments] = positionals;
		console.log(JSON.stringify(child(dist, Number(variants), Number(payments))));
		return;
	}
	const dists = positionals.length ? positionals : [path.join(ROOT, 'dist')];
	const sizes = args.sizes.split(',').map((s) => s.split('x').map(Number));
	console.log(`node ${process.version}, Invoice Created split by Variants, median of 3 rounds`);
	const rows = [];
	for (const dist of dists) {
		for (const [variants, payments] of sizes) {
			const argv = ['--expose-gc', __filename, '--child', path.resolve(dist)];
			let out;
			try {
				// The child's errors (no build, out of memory) go straight to the terminal.
				out = execFileSync(process.execPath, [...argv, String(variants), String(payments)], {
					encoding: 'utf8',
					maxBuffer: 1 << 20,
					stdio: ['ignore', 'pipe', 'inherit'],
				});
			} catch {
				console.error(`${dist}, ${variants} x ${payments}: failed (see above)`);
				process.exit(1);
			}
			const r = JSON.parse(out.trim().split('\n').pop() || '{}');
			rows.push({
				dist,
				body: `${variants} Variants x ${payments} Payments`,
				'buildItems ms': r.ms.toFixed(0),
				'heap growth MB': r.allocatedMB.toFixed(1),
				'retained heap MB': r.retainedMB.toFixed(1),
				'body JSON MB': r.bodyMB.toFixed(2),
				'output JSON MB': r.outputMB.toFixed(1),
				items: r.items,
				'items with omitted': r.omitted,
			});
		}
	}
	console.table(rows);
}

if (require.main === module) main();
