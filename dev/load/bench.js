#!/usr/bin/env node
// @ts-check
'use strict';
// Benchmark of normalize() against structuredClone of the same payload, measured in the same run.
//
// Payloads: the documented Customer Created example, and invoices of 10, 120, 1,000 and 5,000
// lines. The invoice header uses the documented Invoice Created field names; the line objects are
// SYNTHETIC (DealPOS does not document invoice line fields): {VariantID, Name, Code, Quantity as a
// string, Price as a string, Discount}. The "uncached timestamps" row gives every timestamp of
// every payload its own hour, so time zone offsets are (nearly) never reused from the cache.
//
// Requires the compiled package: npx tsc (or npm run build), then node dev/load/bench.js.
// Output: µs per payload (median of several rounds), ratio to structuredClone, µs per line.
const path = require('node:path');

// The same synthetic invoice as the real-n8n benchmarks (dev/lib/payloads.js).
const { invoice, messageOf } = require('../lib');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'DealPosTrigger');
let normalize;
let findEvent;
try {
	({ normalize } = require(path.join(DIST, 'items', 'normalize.js')));
	({ findEvent } = require(path.join(DIST, 'catalog', 'index.js')));
} catch (error) {
	console.error(`Cannot load ${DIST}: build first (npx tsc). ${messageOf(error)}`);
	process.exit(1);
}

const TIMEZONE = process.env.BENCH_TZ || 'Asia/Jakarta';
const ROUNDS = Number(process.env.BENCH_ROUNDS || 9);
/** Wall time per round per payload, so small payloads get many iterations. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS || 150);

const customerCreated = findEvent('customer.created');
const invoiceCreated = findEvent('invoice.created');


/**
 * Median µs per call of fn(payload) over ROUNDS rounds; the payloads are used in turn, without
 * restarting between rounds (so a long list is never reused within one measurement).
 */
function measure(fn, payloads) {
	let sink = 0;
	let cursor = 0;
	const next = () => {
		const payload = payloads[cursor];
		cursor = cursor + 1 === payloads.length ? 0 : cursor + 1;
		return payload;
	};
	const warmEnd = Date.now() + ROUND_MS;
	while (Date.now() < warmEnd) sink += fn(next()) ? 1 : 0;
	const samples = [];
	for (let round = 0; round < ROUNDS; round++) {
		let iterations = 0;
		const start = process.hrtime.bigint();
		const end = Date.now() + ROUND_MS;
		while (Date.now() < end) {
			for (let k = 0; k < 8; k++) sink += fn(next()) ? 1 : 0;
			iterations += 8;
		}
		samples.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
	}
	samples.sort((a, b) => a - b);
	if (sink < 0) console.log(sink);
	return samples[Math.floor(samples.length / 2)];
}

function row(label, event, payloads, lines) {
	const options = { timezone: TIMEZONE };
	// Interleave to share machine noise: clone, normalise, clone, normalise.
	const clone1 = measure((p) => structuredClone(p), payloads);
	const norm1 = measure((p) => normalize(p, event, options), payloads);
	const clone2 = measure((p) => structuredClone(p), payloads);
	const norm2 = measure((p) => normalize(p, event, options), payloads);
	const clone = Math.min(clone1, clone2);
	const norm = Math.min(norm1, norm2);
	return {
		payload: label,
		'normalize µs': norm.toFixed(1),
		'structuredClone µs': clone.toFixed(1),
		ratio: (norm / clone).toFixed(2),
		'µs per line': lines ? (norm / lines).toFixed(3) : '',
	};
}

function main() {
	const check = normalize(invoice(2), invoiceCreated, { timezone: TIMEZONE });
	if (check.data.Variants[0].Quantity !== '2' || typeof check.data.Gross !== 'number') {
		throw new Error('unexpected normalisation result');
	}
	console.log(
		`node ${process.version}, time zone ${TIMEZONE}, ${ROUNDS} rounds of ${ROUND_MS} ms, median per round, best of 2 interleaved runs`,
	);
	const rows = [
		row('Customer Created (documented example)', customerCreated, [customerCreated.example], 0),
	];
	for (const lines of [10, 120, 1000, 5000]) {
		rows.push(
			row(`Invoice Created, ${lines} synthetic lines`, invoiceCreated, [invoice(lines)], lines),
		);
	}
	// 20,000 payloads (sharing one line array to save memory): 60,000 distinct hours, more than
	// the zone offset cache keeps (8,192), so this row pays the Intl offset lookups.
	const lines120 = invoice(120).Variants;
	const fresh = Array.from({ length: 20000 }, (_, i) => ({
		...invoice(0, i + 1),
		Variants: lines120,
	}));
	rows.push(row('Invoice Created, 120 lines, uncached timestamps', invoiceCreated, fresh, 120));
	rows.push(row('Invoice, 120 lines, undocumented event', undefined, [invoice(120)], 120));
	console.table(rows);
	const at120 = Number(rows[2].ratio);
	console.log(`Goal: ratio <= 1.5 at 120 lines: ${at120 <= 1.5 ? 'met' : 'NOT met'} (${at120}).`);
}

main();
