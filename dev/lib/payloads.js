// @ts-check
'use strict';
// Payloads for the real-n8n benchmarks. Requires the compiled package (dist/).
//  - customer(): the documented Customer Created example from the catalog, untouched.
//  - invoice(lines): SYNTHETIC. The header uses the documented Invoice Created field names (the
//    catalog has no example for this event); the line objects are made up, because DealPOS does
//    not document invoice line fields: {VariantID, Name, Code, Quantity as a string, Price as a
//    string, Discount}. Same shape as dev/load/bench.js (the normaliser benchmark).
const path = require('node:path');

const CATALOG = path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'DealPosTrigger', 'catalog');

let loaded;
/** The compiled catalog, loaded once (a rebuild of dist/ during a run cannot break the run). */
function catalog() {
	try {
		loaded = loaded || require(CATALOG);
		return loaded;
	} catch (error) {
		throw new Error(`Cannot load ${CATALOG}: build first (npm run build). ${error instanceof Error ? error.message : error}`);
	}
}

/** The documented Customer Created example (a fresh copy). */
function customer() {
	return structuredClone(catalog().findEvent('customer.created').example);
}

const BASE = Date.UTC(2020, 8, 2);

/** A DealPOS-style local timestamp (no offset) `hours` after 2020-09-02T00:00, with a fraction. */
function stamp(hours, fraction = '') {
	return new Date(BASE + hours * 3600000).toISOString().slice(0, 19) + fraction;
}

/**
 * A synthetic Invoice Created body with `lines` lines; every header field is a documented name.
 * `hour` shifts the timestamps (3 hours per step), so distinct values give every payload its own
 * hours (the normaliser benchmark uses that to defeat its time zone offset cache). No build needed:
 * invoice() checks it against the catalog.
 */
function invoiceBody(lines = 120, hour = 0) {
	const body = {
		ID: '008cdf4c-f5c1-449c-94dd-c2f3741fb1ab',
		Outlet: 'Outlet 1',
		Number: 'INV/2020/09/0001',
		Date: stamp(hour * 3),
		DueDate: stamp(hour * 3 + 1),
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
		Created: stamp(hour * 3 + 2, '.33'),
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
		Variants: /** @type {object[]} */ ([]),
		OutboundLogistics: [],
		Payments: [{ Method: 'Cash', Amount: lines * 33000, Date: stamp(hour * 3 + 2, '.33') }],
		ReferenceNumber: '',
		OrderFulfillmentRecipient: {},
	};
	for (let i = 0; i < lines; i++) {
		body.Variants.push({
			VariantID: `71e6e3df-257e-4a56-90ad-${String(i).padStart(12, '0')}`,
			Name: `Item ${i}`,
			Code: `SKU-${i}`,
			Quantity: '2',
			Price: '15000',
			Discount: 0,
		});
	}
	return body;
}

/** A synthetic Invoice Created body with `lines` line items, checked against the built catalog. */
function invoice(lines = 120, hour = 0) {
	const fields = catalog()
		.findEvent('invoice.created')
		.fields.map((f) => f.path);
	const body = invoiceBody(lines, hour);
	// Guard: the header must only use documented names (so the trigger validates, not ignores, it).
	const unknown = Object.keys(body).filter((k) => !fields.includes(k));
	if (unknown.length) throw new Error(`synthetic invoice uses undocumented fields: ${unknown.join(', ')}`);
	return body;
}

/**
 * Invoice Created body with `variants` line items and `payments` payments, field names from the
 * catalog. Deterministic.
 * @param {number} variants
 * @param {number} payments
 */
function splitInvoice(variants, payments) {
	const id = (/** @type {number} */ n) => `71e6e3df-257e-4a56-90ad-${String(n).padStart(12, '0')}`;
	return {
		...invoiceBody(variants),
		Note: 'Synthetic split benchmark invoice',
		Payments: Array.from({ length: payments }, (_, i) => ({
			ID: id(1000000 + i),
			Number: `PAY/2020/09/${String(i).padStart(6, '0')}`,
			Amount: 11,
			Method: i % 2 ? 'Cash' : 'Card',
			Date: '2020-09-02',
		})),
	};
}

/**
 * The trigger's delivery context of an Invoice Created `body` (the split benchmark and its tests).
 * @param {unknown} body @param {Record<string, unknown>} [extra]
 */
function invoiceDelivery(body, extra = {}) {
	return {
		category: 'invoice',
		event: 'invoice.created',
		eventName: 'Invoice Created',
		receivedAt: '2020-09-02T06:52:18.330Z',
		mode: 'production',
		rawBody: JSON.stringify(body),
		...extra,
	};
}

/** Output options of the split benchmark and its tests: normalised, split by line, Jakarta time. */
const SPLIT_OPTIONS = { output: 'normalised', timezone: 'Asia/Jakarta', splitLines: true, includeHeaders: false };

module.exports = { invoiceDelivery, SPLIT_OPTIONS, splitInvoice, customer, invoice, invoiceBody, catalog };
