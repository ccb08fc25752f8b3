#!/usr/bin/env node
'use strict';
// Benchmark of normalize() against structuredClone of the same payload, measured in the same run.
//
// Payloads: the documented Customer Created example, and invoices of 10, 120, 1,000 and 5,000
// lines. The invoice header uses the documented Invoice Created field names; the line objects are
// SYNTHETIC (DealPOS does not document invoice line fields): {VariantID, Name, Code, Quantity as a
// string, Price as a string, Discount}. The "fresh timestamps" row gives every payload its own
// hour, so no time zone offset is ever reused from the cache.
//
// Requires the compiled package: npx tsc (or npm run build), then node scripts/bench.js.
// Output: µs per payload (median of several rounds), ratio to structuredClone, µs per line.
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'dist', 'nodes', 'DealPosTrigger');
let normalize;
let findEvent;
try {
	({ normalize } = require(path.join(DIST, 'normalize.js')));
	({ findEvent } = require(path.join(DIST, 'catalog', 'index.js')));
} catch (error) {
	console.error(`Cannot load ${DIST}: build first (npx tsc). ${error.message}`);
	process.exit(1);
}

const TIMEZONE = process.env.BENCH_TZ || 'Asia/Jakarta';
const ROUNDS = Number(process.env.BENCH_ROUNDS || 9);
/** Wall time per round per payload, so small payloads get many iterations. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS || 150);

const customerCreated = findEvent('customer.created');
const invoiceCreated = findEvent('invoice.created');

/** An invoice with `lines` synthetic lines; `hour` shifts the timestamps. */
function invoice(lines, hour = 13) {
	const hh = String(hour % 24).padStart(2, '0');
	const day = String(1 + (Math.floor(hour / 24) % 28)).padStart(2, '0');
	const body = {
		ID: '008cdf4c-f5c1-449c-94dd-c2f3741fb1ab',
		Outlet: 'Outlet 1',
		Number: 'INV/2020/09/0001',
		Date: `2020-09-${day}T00:00:00`,
		DueDate: `2020-09-${day}T00:00:00`,
		Tag: '',
		Customer: {
			ID: '71e6e3df-257e-4a56-90ad-f6214b267aee',
			Name: 'Mr John Doe',
			Email: 'johndoe@gmail.com',
			Phone: '56545654',
			Mobile: '085212121212',
			Code: 200535,
			Address: 'JL. Muara Karang No.30',
		},
		CreatorID: '71e6e3df-257e-4a56-90ad-f6214b267aee',
		Created: `2020-09-${day}T${hh}:52:18.33`,
		Discount1: 0,
		Discount2: 0,
		DiscountAmount: '0',
		Gross: String(lines * 30000),
		DiscountTotal: 0,
		TaxType: 'Exclusive',
		TaxCalculation: 'After Discount',
		Tax: lines * 3000,
		TaxRate: 10,
		Sales: lines * 30000,
		Surcharge: 0,
		SalesNTax: lines * 33000,
		Coupon: '',
		CouponNote: '',
		Note: 'Synthetic benchmark invoice',
		PointUsed: 0,
		PointsEarned: '12',
		Delivery: 'Unsent',
		Void: 'No',
		Variants: [],
		OutboundLogistics: [],
		Payments: [{ Method: 'Cash', Amount: lines * 33000, Date: `2020-09-${day}T${hh}:52:18.33` }],
		ReferenceNumber: '',
		OrderFulfillmentRecipient: {},
	};
	for (let i = 0; i < lines; i++) {
		// Synthetic line: DealPOS does not document invoice line fields.
		body.Variants.push({
			VariantID: `71e6e3df-257e-4a56-90ad-${String(i).padStart(12, '0')}`,
			Name: `Item ${i}`,
			Code: `SKU-${i}`,
			Quantity: '2',
			Price: '15000',
			Discount: 0,
		});
	}
	return JSON.parse(JSON.stringify(body));
}

/** Median µs per call of fn(payloads[i % n]) over ROUNDS rounds. */
function measure(fn, payloads) {
	let sink = 0;
	const warmEnd = Date.now() + ROUND_MS;
	for (let i = 0; Date.now() < warmEnd; i++) sink += fn(payloads[i % payloads.length]) ? 1 : 0;
	const samples = [];
	for (let round = 0; round < ROUNDS; round++) {
		let iterations = 0;
		const start = process.hrtime.bigint();
		const end = Date.now() + ROUND_MS;
		while (Date.now() < end) {
			for (let k = 0; k < 8; k++) sink += fn(payloads[(iterations + k) % payloads.length]) ? 1 : 0;
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
	const fresh = Array.from({ length: 600 }, (_, i) => invoice(120, 24 * 40 + i * 7));
	rows.push(row('Invoice Created, 120 lines, fresh timestamps', invoiceCreated, fresh, 120));
	rows.push(row('Invoice, 120 lines, undocumented event', undefined, [invoice(120)], 120));
	console.table(rows);
	const at120 = Number(rows[2].ratio);
	console.log(`Goal: ratio <= 1.5 at 120 lines: ${at120 <= 1.5 ? 'met' : 'NOT met'} (${at120}).`);
}

main();
