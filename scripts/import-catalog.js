#!/usr/bin/env node
'use strict';
// Imports the DealPOS documentation catalog (shared/dealpos/catalog.json, read from the DealPOS
// developer docs) into the package's event catalog, nodes/DealPosTrigger/catalog/events.ts.
//
// events.ts is the one source of truth at run time: the node's dropdowns, URLs, validation, types,
// fixtures and the README tables all come from it. This script only exists to (re)import the
// documentation facts with the project's decisions applied in one visible place (the tables
// below): stable keys and URL slugs, versions of one event merged, documentation bugs fixed.
//
// Usage: node scripts/import-catalog.js [path/to/catalog.json]
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SRC = process.argv[2] || path.resolve(ROOT, '..', 'shared', 'dealpos', 'catalog.json');
const OUT = path.join(ROOT, 'nodes', 'DealPosTrigger', 'catalog', 'events.ts');

/** Category name -> URL slug and the sentence shown in the node. */
const CATEGORIES = {
	Product: ['product', 'Products and their variants'],
	Invoice: ['invoice', 'Sales invoices (POS sales and back office)'],
	Customer: ['customer', 'Customer contacts'],
	Supplier: ['supplier', 'Supplier contacts'],
	Bill: ['bill', 'Supplier bills (no event documented yet: use a custom event)'],
	'Transfer Order': ['transfer-order', 'Stock transfers between outlets'],
	'Outbound Logistic': ['outbound-logistic', 'Deliveries sent to customers'],
	'Inbound Logistic': ['inbound-logistic', 'Goods received from suppliers'],
	Adjustment: ['adjustment', 'Inventory adjustments'],
	'Invoice Payment': ['invoice-payment', 'Payments against customer invoices'],
	'Invoice Write Off': ['invoice-write-off', 'Invoice write-offs (no event documented yet: use a custom event)'],
	'Supplier Bill Write Off': [
		'supplier-bill-write-off',
		'Supplier bill write-offs (no event documented yet: use a custom event)',
	],
	'Bill Payment': ['bill-payment', 'Payments of supplier bills'],
	Shift: ['shift', 'Cashier shifts'],
	Outlet: ['outlet', 'Outlets (no event documented yet: use a custom event)'],
	'Sales Order': ['sales-order', 'Sales orders'],
	'Loyalty Point': ['loyalty-point', 'External Loyalty App: DealPOS waits for the answer'],
	'Loyalty Provider': ['loyalty-provider', 'Promotion Coupon Provider: DealPOS waits for the answer'],
};

/** Where in DealPOS the URLs of a category are entered (default: Developer > Menu URL). */
const SETUP_PLACES = {
	'Loyalty Point': 'Setup > More Menu > Webhook Configuration > External Loyalty App',
	'Loyalty Provider': 'Developer > Promotion Coupon Provider',
};

/** "Category/Documented name" -> [URL slug, display name]. A documented event missing here fails the import. */
const EVENTS = {
	'Product/Product Created': ['created', 'Product Created'],
	'Product/Product Updated': ['updated', 'Product Updated'],
	'Product/Product Deleted': ['deleted', 'Product Deleted'],
	'Product/Product Variant Created': ['variant-created', 'Product Variant Created'],
	'Product/Product Variant Updated': ['variant-updated', 'Product Variant Updated'],
	'Invoice/Invoice Created': ['created', 'Invoice Created'],
	'Invoice/Invoice Deleted': ['deleted', 'Invoice Deleted'],
	'Invoice/Invoice Erased': ['erased', 'Invoice Erased'],
	'Customer/Customer Created': ['created', 'Customer Created'],
	'Customer/Customer Deleted': ['deleted', 'Customer Deleted'],
	'Supplier/Supplier Created': ['created', 'Supplier Created'],
	'Supplier/Supplier Deleted': ['deleted', 'Supplier Deleted'],
	'Transfer Order/Transfer Order Created': ['created', 'Transfer Order Created'],
	'Transfer Order/Transfer Order Deleted': ['deleted', 'Transfer Order Deleted'],
	'Outbound Logistic/Outbound Logistic Complete': ['complete', 'Outbound Logistic Complete'],
	'Inbound Logistic/Inbound Logistic Complete': ['complete', 'Inbound Logistic Complete'],
	'Adjustment/Adjustment Created': ['created', 'Adjustment Created'],
	'Invoice Payment/Payment Created': ['created', 'Payment Created'],
	'Invoice Payment/Payment Deleted': ['deleted', 'Payment Deleted'],
	'Invoice Payment/Payment Updated': ['updated', 'Payment Updated'],
	'Invoice Payment/Payment Writeoff': ['writeoff', 'Payment Write-Off'],
	'Bill Payment/Supplier Bill Payment Created': ['created', 'Supplier Bill Payment Created'],
	'Bill Payment/Supplier Bill Payment Deleted': ['deleted', 'Supplier Bill Payment Deleted'],
	'Shift/Close Shift': ['closed', 'Shift Closed'],
	'Loyalty Point/Fetch Loyalty Points': ['fetch-points', 'Fetch Loyalty Points'],
	'Loyalty Point/Loyalty Point On Order Complete': ['order-complete', 'Order Complete'],
	'Loyalty Point/Validate Coupon (older Loyalty Point version)': ['validate-coupon', 'Validate Coupon (External Loyalty App)'],
	'Sales Order/Sales Order Created': ['created', 'Sales Order Created'],
	'Loyalty Provider/Validate Coupon': ['validate-coupon', 'Validate Coupon'],
};

/** Older documentation versions of an event: merged into the event named, not a second event. */
const OLDER_VERSIONS = {
	'Shift/Cashier Shift Closed (older doc version of Close Shift)': 'Shift/Close Shift',
};

/** Entries that are not events: the docs cut the name off. Never invented; users name them as custom events. */
const NOT_EVENTS = new Set([
	"Invoice/Invoice Re… (name cut off in the documentation index; perhaps 'Invoice Restored')",
]);

/** Date fields typed plain `string` in the docs whose examples are DealPOS timestamps. */
const DATE_FIELD_NAMES = new Set(['Date', 'DueDate', 'Created', 'Modified', 'Birthdate', 'Open', 'Close', 'Start', 'End', 'expiredAt']);

/** Fields the docs describe as a Yes/No word. */
const YES_NO_FIELD_NAMES = new Set(['Void']);

/** Documentation bug: an example wrapped in a stray single key. Returns the real body. */
function unwrapExample(example) {
	if (example && typeof example === 'object' && !Array.isArray(example)) {
		const keys = Object.keys(example);
		if (keys.length === 1 && /^example(-\d+)?$/.test(keys[0])) return example[keys[0]];
	}
	return example;
}

function field(f) {
	const last = f.path.split('.').pop().replace('[]', '');
	let format = f.format || undefined;
	if (format === 'guid') format = 'uuid';
	if (f.type === 'string' && !format && DATE_FIELD_NAMES.has(last)) format = 'date-time';
	if (f.type === 'string' && YES_NO_FIELD_NAMES.has(last)) format = 'yes-no';
	const out = { path: f.path, type: f.type === 'DateTime' ? 'string' : f.type };
	if (f.type === 'DateTime') format = 'date-time';
	if (format) out.format = format;
	if (f.required) out.required = true;
	if (f.nonEmpty) out.nonEmpty = true;
	if (f.itemsType) out.itemsType = f.itemsType;
	if (f.enum) out.enum = f.enum;
	return out;
}

function answers(e) {
	const out = [];
	if (e.responseExample) out.push({ label: 'Success', status: 200, body: e.responseExample });
	for (const [label, body] of Object.entries(e.responseExamples || {})) {
		const status = Number(label.split(' ')[0]) || 200;
		out.push({ label: label.replace(/^\d+\s*/, ''), status, body });
	}
	return out;
}

/** JSON with tabs, one documented field per line so the catalog reads as a table. */
function format(value, indent) {
	if (value && typeof value === 'object' && !Array.isArray(value) && 'path' in value && 'type' in value) {
		return JSON.stringify(value).replace(/,"/g, ', "').replace(/":/g, '": ');
	}
	if (Array.isArray(value)) {
		if (!value.length) return '[]';
		const inner = indent + '\t';
		return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')},\n${indent}]`;
	}
	if (value && typeof value === 'object') {
		const inner = indent + '\t';
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (!entries.length) return '{}';
		return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')},\n${indent}}`;
	}
	return JSON.stringify(value);
}

function main() {
	const docs = JSON.parse(fs.readFileSync(SRC, 'utf8'));
	const categories = [];
	const olderByTarget = {};
	for (const cat of docs) {
		for (const e of cat.events) {
			const id = `${cat.category}/${e.name}`;
			if (OLDER_VERSIONS[id]) olderByTarget[OLDER_VERSIONS[id]] = e;
		}
	}
	for (const cat of docs) {
		const c = CATEGORIES[cat.category];
		if (!c) throw new Error(`unknown category ${cat.category}: add it to CATEGORIES`);
		const events = [];
		for (const e of cat.events) {
			const id = `${cat.category}/${e.name}`;
			if (OLDER_VERSIONS[id] || NOT_EVENTS.has(id)) continue;
			const m = EVENTS[id];
			if (!m) throw new Error(`unknown event ${id}: add it to EVENTS`);
			const older = olderByTarget[id];
			let example = unwrapExample(e.example);
			const olderExample = older ? unwrapExample(older.example) : undefined;
			const ev = {
				key: `${c[0]}.${m[0]}`,
				slug: m[0],
				name: m[1],
				description: e.trigger,
				synchronous: Boolean(e.synchronous),
				documented: e.complete ? 'complete' : 'partial',
				docUrl: e.docUrl || e.probableEventUrl || undefined,
				fields: (e.fields || []).map(field),
			};
			if (example) ev.example = example;
			else if (olderExample) {
				ev.example = olderExample;
				ev.exampleNote = 'From the older documentation version of this event (no Session object).';
			}
			if (older) ev.olderVersion = { name: older.name.replace(/\s*\(.*\)$/, ''), fields: (older.fields || []).map(field) };
			const a = answers(e);
			if (ev.synchronous) {
				ev.answers = a;
				if (e.responseFields) ev.answerFields = e.responseFields.map(field);
			}
			events.push(ev);
		}
		const entry = {
			slug: c[0],
			name: cat.category,
			description: c[1],
			setupPlace: SETUP_PLACES[cat.category] || 'Developer > Menu URL',
			events,
		};
		categories.push(entry);
	}
	const body = format(categories, '');
	const ts = `// Imported by scripts/import-catalog.js from the DealPOS webhook documentation; edit the\n// decisions in that script (keys, slugs, merges) rather than this file by hand.\nimport type { DealPosCategory } from './types';\n\nexport const CATEGORIES: DealPosCategory[] = ${body};\n`;
	fs.writeFileSync(OUT, ts);
	const n = categories.reduce((s, x) => s + x.events.length, 0);
	process.stdout.write(`wrote ${path.relative(ROOT, OUT)}: ${categories.length} categories, ${n} events\n`);
}

main();
